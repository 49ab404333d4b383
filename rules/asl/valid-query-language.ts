/**
 * Guards against mixing the two query languages the way AWS rejects: an unknown
 * `QueryLanguage`, a JSONPath state inside a JSONata machine, and a field of one language in a
 * state of the other (`Parameters` in JSONata, `Arguments` in JSONPath). AWS:
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html and
 * https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html
 * Which fields a state *type* takes is `asl/valid-state-fields`'s business: a field its type
 * does not take is left to that rule, so nothing is reported twice.
 */
import { declaredLanguage } from '../../src/asl/declared-language';
import { machineQueryLanguage } from '../../src/asl/query-language';
import { describeValue, isDeployTimeValue } from '../../src/asl/state-field-values';
import { FIELD_LANGUAGE, JSONATA_REPLACEMENT, STATE_FIELDS, isStateType } from '../../src/asl/state-fields';
import { defineRule } from '../../src/engine/define-rule';
import { getProperty, getValue, stringValue, type AstNode, type ObjectNode } from '../../src/model/ast';
import type { State } from '../../src/model/types';

const LANGUAGES = ['JSONPath', 'JSONata'];

/** Fields inside a Map's reader, batcher and writer that exist in one language only. */
const MAP_PART_FIELDS: readonly (readonly [part: string, inner: string | undefined, field: string, language: 'JSONPath' | 'JSONata'])[] = [
  ['ItemReader', undefined, 'Parameters', 'JSONPath'],
  ['ItemReader', undefined, 'Arguments', 'JSONata'],
  ['ItemReader', 'ReaderConfig', 'MaxItemsPath', 'JSONPath'],
  ['ItemBatcher', undefined, 'MaxItemsPerBatchPath', 'JSONPath'],
  ['ItemBatcher', undefined, 'MaxInputBytesPerBatchPath', 'JSONPath'],
  ['ResultWriter', undefined, 'Parameters', 'JSONPath'],
  ['ResultWriter', undefined, 'Arguments', 'JSONata'],
];

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce a valid "QueryLanguage" and fields that belong to the state\'s query language',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      unknownLanguage: 'Expected "QueryLanguage" to be "JSONPath" or "JSONata" but got {{actual}}.',
      jsonPathInJsonata: 'Unexpected "QueryLanguage": "JSONPath" in state "{{name}}" of a JSONata state machine. A JSONata machine cannot hold JSONPath states.',
      jsonPathField: 'Unexpected JSONPath field "{{field}}" in JSONata state "{{name}}". Use "{{replacement}}" instead.',
      jsonPathFieldNoReplacement: 'Unexpected JSONPath field "{{field}}" in JSONata state "{{name}}".',
      jsonataField: 'Unexpected JSONata field "{{field}}" in JSONPath state "{{name}}". Set "QueryLanguage" to "JSONata" to use it.',
    },
    schema: [],
  },
  create(ctx) {
    const checkValue = (node: AstNode | undefined): boolean => {
      if (node === undefined || isDeployTimeValue(node)) return true;
      const value = stringValue(node);
      if (value !== undefined && LANGUAGES.includes(value)) return true;
      ctx.report({ node, messageId: 'unknownLanguage', data: { actual: describeValue(node) } });
      return false;
    };
    const reportField = (key: AstNode, field: string, language: 'JSONPath' | 'JSONata', state: State) => {
      if (language === 'JSONata') {
        ctx.report({ node: key, messageId: 'jsonataField', data: { field, name: state.name } });
        return;
      }
      const replacement = JSONATA_REPLACEMENT[field];
      if (replacement) ctx.report({ node: key, messageId: 'jsonPathField', data: { field, name: state.name, replacement } });
      else ctx.report({ node: key, messageId: 'jsonPathFieldNoReplacement', data: { field, name: state.name } });
    };
    return {
      StateMachine(machine) {
        checkValue(getValue(machine.root.node, 'QueryLanguage'));
      },
      State(state) {
        const own = state.field('QueryLanguage');
        if (!checkValue(own)) return;
        if (stringValue(own) === 'JSONPath' && machineQueryLanguage(state.scope.machine) === 'JSONata') {
          ctx.report({ node: own!, messageId: 'jsonPathInJsonata', data: { name: state.name } });
          return;
        }
        const type = state.type;
        if (type === undefined || !isStateType(type)) return;
        const language = declaredLanguage(state);
        if (language === undefined) return;
        const allowed = STATE_FIELDS[type].allowed;
        for (const property of state.node.properties) {
          const field = String(property.key.value);
          const fieldLanguage = FIELD_LANGUAGE.get(field);
          if (fieldLanguage && fieldLanguage !== language && allowed.includes(field)) reportField(property.key, field, fieldLanguage, state);
        }
        if (type !== 'Map') return;
        for (const [part, inner, field, fieldLanguage] of MAP_PART_FIELDS) {
          if (fieldLanguage === language) continue;
          let holder: AstNode | undefined = state.field(part);
          if (inner) holder = getValue(holder, inner);
          const property = holder?.kind === 'object' ? getProperty(holder as ObjectNode, field) : undefined;
          if (property) reportField(property.key, field, fieldLanguage, state);
        }
      },
    };
  },
});

/**
 * Guards against retriers and catchers AWS rejects or that can never work: arrays of objects,
 * a non-empty `ErrorEquals` of strings, `States.ALL` alone and in the last entry, retrier
 * numbers within AWS's bounds, `JitterStrategy` `FULL` or `NONE`, a catcher's required `Next`,
 * its `ResultPath` (JSONPath) or `Output` (JSONata), and predefined error names spelt right.
 * Retry and Catch on a state type without them are `asl/valid-state-fields`'s business.
 */
import { declaredLanguage } from '../../src/asl/declared-language';
import { CATCHER_FIELDS, JITTER_STRATEGIES, RETRIER_FIELDS, RETRIER_NUMBERS, STATES_ERRORS } from '../../src/asl/retry-catch';
import { hasMergeKey } from '../../src/asl/merge-key';
import { describeBounds, describeValue, isDeployTimeValue, isJsonataExpression, isStringValue, numberFits } from '../../src/asl/state-field-values';
import { closestName } from '../../src/asl/suggest';
import { defineRule } from '../../src/engine/define-rule';
import { getProperty, stringValue, type AstNode, type ObjectNode } from '../../src/model/ast';
import type { State } from '../../src/model/types';

const RETRIER_BOUNDS = Object.entries(RETRIER_NUMBERS);
// Asked first for each catcher field (a Map lookup); `in CATCHER_FIELDS` answers the rest as it always has.
const CATCHER_FIELD_NAMES = new Set(Object.keys(CATCHER_FIELDS));
const RETRIER_REQUIRED = ['ErrorEquals'];
const CATCHER_REQUIRED = ['ErrorEquals', 'Next'];

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce valid "Retry" and "Catch" entries',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      invalidValue: 'Expected "{{field}}" to be {{expected}} but got {{actual}}.',
      unexpectedField: 'Unexpected field "{{field}}" in a {{kind}} of state "{{name}}".',
      unexpectedFieldSuggest: 'Unexpected field "{{field}}" in a {{kind}} of state "{{name}}". Did you mean "{{suggestion}}"?',
      wrongLanguageField: 'Unexpected "{{field}}" in a catcher of {{language}} state "{{name}}". Use "{{replacement}}" instead.',
      missingField: 'Missing "{{field}}" in a {{kind}} of state "{{name}}".',
      allNotAlone: 'Expected "States.ALL" to be alone in its "ErrorEquals".',
      allNotLast: 'Expected the {{kind}} with "States.ALL" to be the last in "{{field}}".',
      unknownStatesError: 'Unknown predefined error {{error}}. Names that start with "States." are reserved for Step Functions.',
      unknownStatesErrorSuggest: 'Unknown predefined error {{error}}. Did you mean "{{suggestion}}"?',
    },
    schema: [],
  },
  create(ctx) {
    const invalid = (field: string, node: AstNode, expected: string) =>
      ctx.report({ node, messageId: 'invalidValue', data: { field, expected, actual: describeValue(node) } });

    /** Checks `ErrorEquals` and returns its `States.ALL` item, if any. */
    const checkErrorEquals = (entry: ObjectNode): AstNode | undefined => {
      const value = getProperty(entry, 'ErrorEquals')?.value;
      if (value === undefined || isDeployTimeValue(value)) return undefined;
      if (value.kind !== 'array' || value.items.length === 0) {
        invalid('ErrorEquals', value, 'a non-empty array of error names');
        return undefined;
      }
      let all: AstNode | undefined;
      for (const item of value.items) {
        if (!isStringValue(item)) {
          invalid('ErrorEquals', item, 'an error name string');
          continue;
        }
        const name = stringValue(item);
        if (name === 'States.ALL') {
          all = item;
          if (value.items.length > 1) ctx.report({ node: item, messageId: 'allNotAlone' });
        } else if (name?.startsWith('States.') && !STATES_ERRORS.includes(name)) {
          const suggestion = closestName(name, STATES_ERRORS);
          const error = describeValue(item);
          if (suggestion) ctx.report({ node: item, messageId: 'unknownStatesErrorSuggest', data: { error, suggestion } });
          else ctx.report({ node: item, messageId: 'unknownStatesError', data: { error } });
        }
      }
      return all;
    };

    const checkEntries = (state: State, field: 'Retry' | 'Catch') => {
      const list = state.field(field);
      if (list === undefined || isDeployTimeValue(list)) return;
      if (list.kind !== 'array') {
        invalid(field, list, 'an array');
        return;
      }
      const kind = field === 'Retry' ? 'retrier' : 'catcher';
      const declared = declaredLanguage(state);
      const jsonata = declared !== 'JSONPath';
      list.items.forEach((entry, index) => {
        if (isDeployTimeValue(entry)) return;
        if (entry.kind !== 'object') {
          invalid(`${field}[${index}]`, entry, 'an object');
          return;
        }
        if (hasMergeKey(entry)) return;
        for (const property of entry.properties) {
          const name = String(property.key.value);
          const allowed = field === 'Retry' ? RETRIER_FIELDS.includes(name) : CATCHER_FIELD_NAMES.has(name) || name in CATCHER_FIELDS;
          if (allowed) continue;
          const suggestion = closestName(name, field === 'Retry' ? RETRIER_FIELDS : Object.keys(CATCHER_FIELDS));
          if (suggestion) ctx.report({ node: property.key, messageId: 'unexpectedFieldSuggest', data: { field: name, kind, name: state.name, suggestion } });
          else ctx.report({ node: property.key, messageId: 'unexpectedField', data: { field: name, kind, name: state.name } });
        }
        const required = field === 'Retry' ? RETRIER_REQUIRED : CATCHER_REQUIRED;
        for (const name of required) {
          if (!getProperty(entry, name)) ctx.report({ node: entry, messageId: 'missingField', data: { field: name, kind, name: state.name } });
        }
        const all = checkErrorEquals(entry);
        if (all && index < list.items.length - 1) ctx.report({ node: all, messageId: 'allNotLast', data: { kind, field } });
        if (field === 'Retry') checkRetrierValues(entry, jsonata);
        else if (declared) checkCatcherLanguage(entry, declared === 'JSONata', state);
      });
    };

    const checkRetrierValues = (entry: ObjectNode, jsonata: boolean) => {
      for (const [name, bounds] of RETRIER_BOUNDS) {
        const value = getProperty(entry, name)?.value;
        if (value && !numberFits(value, bounds, jsonata)) invalid(name, value, describeBounds(bounds));
      }
      const jitter = getProperty(entry, 'JitterStrategy')?.value;
      if (!jitter || isDeployTimeValue(jitter) || (jsonata && isJsonataExpression(jitter))) return;
      if (!JITTER_STRATEGIES.includes(stringValue(jitter) ?? '')) invalid('JitterStrategy', jitter, '"FULL" or "NONE"');
    };

    const checkCatcherLanguage = (entry: ObjectNode, jsonata: boolean, state: State) => {
      const language = jsonata ? 'JSONata' : 'JSONPath';
      for (const [name, replacement] of [['ResultPath', 'Output'], ['Output', 'ResultPath']] as const) {
        const property = getProperty(entry, name);
        if (!property || CATCHER_FIELDS[name] === language) continue;
        ctx.report({ node: property.key, messageId: 'wrongLanguageField', data: { field: name, language, name: state.name, replacement } });
      }
      const resultPath = getProperty(entry, 'ResultPath')?.value;
      if (!jsonata && resultPath && !isStringValue(resultPath) && !(resultPath.kind === 'scalar' && resultPath.value === null)) {
        invalid('ResultPath', resultPath, 'a path string or null');
      }
    };

    const visit = (state: State) => {
      checkEntries(state, 'Retry');
      checkEntries(state, 'Catch');
    };
    return { Task: visit, Parallel: visit, Map: visit };
  },
});

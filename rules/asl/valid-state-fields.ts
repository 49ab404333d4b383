/**
 * Guards against states AWS rejects for their fields: a missing or unknown `Type`, a field the
 * state type does not take (often a typo), a missing required field, two fields of which only
 * one may be given, and values of the wrong shape. The field table is `src/asl/state-fields.ts`.
 */
import { checkMapFields } from '../../src/asl/map-field-checks';
import { checkFieldValues, duplicatesIn, exclusiveIn, type Finding } from '../../src/asl/state-field-checks';
import { hasMergeKey } from '../../src/asl/merge-key';
import { describeValue, isDeployTimeValue } from '../../src/asl/state-field-values';
import { STATE_FIELDS, STATE_TYPES, isStateType } from '../../src/asl/state-fields';
import { closestName } from '../../src/asl/suggest';
import { defineRule, type RuleContext } from '../../src/engine/define-rule';
import { stringValue, type AstNode } from '../../src/model/ast';
import type { State } from '../../src/model/types';

type MessageIds =
  | 'missingType'
  | 'unknownType'
  | 'unknownTypeSuggest'
  | 'unexpectedField'
  | 'unexpectedFieldSuggest'
  | 'missingField'
  | 'exclusiveFields'
  | 'invalidValue'
  | 'unexpectedFieldIn'
  | 'unexpectedFieldInSuggest'
  | 'duplicateField';

// Sets of the allowed fields: every field of every state is looked up.
const ALLOWED = new Map(STATE_TYPES.map((type) => [type, new Set(STATE_FIELDS[type].allowed)]));

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the fields AWS allows and requires for each state type, and their values',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      missingType: 'Missing "Type" in state "{{name}}".',
      unknownType: 'Unknown state type {{type}} in state "{{name}}". Expected one of {{expected}}.',
      unknownTypeSuggest: 'Unknown state type {{type}} in state "{{name}}". Did you mean "{{suggestion}}"?',
      unexpectedField: 'Unexpected field "{{field}}" in {{type}} state "{{name}}".',
      unexpectedFieldSuggest: 'Unexpected field "{{field}}" in {{type}} state "{{name}}". Did you mean "{{suggestion}}"?',
      missingField: 'Missing "{{field}}" in {{where}}.',
      exclusiveFields: 'Unexpected "{{field}}" together with "{{other}}"; only one of them may be given.',
      invalidValue: 'Expected "{{field}}" to be {{expected}} but got {{actual}}.',
      unexpectedFieldIn: 'Unexpected field "{{field}}" in {{where}}.',
      unexpectedFieldInSuggest: 'Unexpected field "{{field}}" in {{where}}. Did you mean "{{suggestion}}"?',
      duplicateField: 'Duplicate field "{{field}}" in {{where}}.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      State(state) {
        // A merge key or a whole-state intrinsic (`!If [Prod, {...}, {...}]`) hides the fields.
        if (hasMergeKey(state.node) || (!state.node.placeholder && isDeployTimeValue(state.node))) return;
        // A placeholder object (`{ ...common, Next: 'B' }` in TypeScript) may hold any field:
        // what it shows is checked, what it lacks is not.
        const partial = state.node.placeholder === true;
        for (const finding of duplicatesIn(state.node, `state "${state.name}"`)) report(ctx, finding);
        const typeProperty = state.fieldProperty('Type');
        if (!typeProperty) {
          if (!partial) ctx.report({ node: state.key, messageId: 'missingType', data: { name: state.name } });
          return;
        }
        if (isDeployTimeValue(typeProperty.value)) return;
        const type = stringValue(typeProperty.value);
        if (type === undefined || !isStateType(type)) {
          reportUnknownType(ctx, state, typeProperty.value);
          return;
        }
        const table = STATE_FIELDS[type];
        const allowed = ALLOWED.get(type)!;
        for (const property of state.node.properties) {
          const field = String(property.key.value);
          // Next and End, where allowed and where not, are asl/require-next-or-end's business.
          if (allowed.has(field) || field === 'Next' || field === 'End') continue;
          const suggestion = closestName(field, table.allowed);
          const data = { field, type, name: state.name };
          if (suggestion) ctx.report({ node: property.key, messageId: 'unexpectedFieldSuggest', data: { ...data, suggestion } });
          else ctx.report({ node: property.key, messageId: 'unexpectedField', data });
        }
        for (const field of partial ? [] : table.required) {
          if (!state.fieldProperty(field)) ctx.report({ node: state.key, messageId: 'missingField', data: { field, where: `${type} state "${state.name}"` } });
        }
        const findings = [...exclusiveIn(state.node, table.exclusive), ...checkFieldValues(state), ...checkMapFields(state)];
        for (const finding of findings) if (!(partial && finding.kind === 'missing' && finding.node === state.key)) report(ctx, finding);
      },
    };
  },
});

function reportUnknownType(ctx: RuleContext<MessageIds, []>, state: State, node: AstNode): void {
  const type = describeValue(node);
  const text = stringValue(node);
  const suggestion = text === undefined ? undefined : closestName(text, STATE_TYPES);
  if (suggestion) ctx.report({ node, messageId: 'unknownTypeSuggest', data: { type, name: state.name, suggestion } });
  else ctx.report({ node, messageId: 'unknownType', data: { type, name: state.name, expected: STATE_TYPES.map((t) => `"${t}"`).join(', ') } });
}

function report(ctx: RuleContext<MessageIds, []>, finding: Finding): void {
  switch (finding.kind) {
    case 'missing':
      ctx.report({ node: finding.node, messageId: 'missingField', data: { field: finding.field, where: finding.where } });
      return;
    case 'exclusive':
      ctx.report({ node: finding.node.key, messageId: 'exclusiveFields', data: { field: finding.field, other: finding.other } });
      return;
    case 'value':
      ctx.report({ node: finding.node, messageId: 'invalidValue', data: { field: finding.field, expected: finding.expected, actual: finding.actual } });
      return;
    case 'duplicate':
      ctx.report({ node: finding.node, messageId: 'duplicateField', data: { field: finding.field, where: finding.where } });
      return;
    case 'unexpected': {
      const data = { field: finding.field, where: finding.where };
      if (finding.suggestion) ctx.report({ node: finding.node, messageId: 'unexpectedFieldInSuggest', data: { ...data, suggestion: finding.suggestion } });
      else ctx.report({ node: finding.node, messageId: 'unexpectedFieldIn', data });
    }
  }
}

/**
 * Guards against Fail states AWS rejects: both `Error` and `ErrorPath`, both `Cause` and
 * `CausePath`, or an `Error`/`Cause` that is not a string. AWS:
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 * In JSONata states `Error` and `Cause` take `{% %}` expressions (strings too); the `*Path`
 * fields are JSONPath only, which `asl/valid-query-language` reports, and their syntax is
 * `asl/valid-paths`'s.
 */
import { describeValue, isStringValue } from '../../src/asl/state-field-values';
import { defineRule } from '../../src/engine/define-rule';

const PAIRS = [
  ['Error', 'ErrorPath'],
  ['Cause', 'CausePath'],
] as const;

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce at most one of "Error"/"ErrorPath" and of "Cause"/"CausePath" in Fail states, as strings',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      both: 'Unexpected "{{second}}" in Fail state "{{name}}", which already has "{{first}}". Only one of them may be given.',
      notString: 'Expected "{{field}}" to be a string but got {{actual}}.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Fail(state) {
        for (const [plain, path] of PAIRS) {
          const a = state.fieldProperty(plain);
          const b = state.fieldProperty(path);
          if (a && b) {
            const [first, second] = a.range[0] < b.range[0] ? [a, b] : [b, a];
            ctx.report({ node: second.key, messageId: 'both', data: { first: String(first.key.value), second: String(second.key.value), name: state.name } });
          }
          if (a && !isStringValue(a.value)) ctx.report({ node: a.value, messageId: 'notString', data: { field: plain, actual: describeValue(a.value) } });
        }
      },
    };
  },
});

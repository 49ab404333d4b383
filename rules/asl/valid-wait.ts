/**
 * Guards against Wait states AWS rejects: none or several of `Seconds`, `SecondsPath`,
 * `Timestamp` and `TimestampPath`, a `Seconds` that is not a non-negative integer, and a
 * `Timestamp` that is not an RFC 3339 timestamp as AWS takes it. AWS:
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html
 * The paths' type and syntax, and which of the four fit the query language, are the business
 * of `asl/valid-state-fields`, `asl/valid-paths` and `asl/valid-query-language`.
 */
import { declaredLanguage } from '../../src/asl/declared-language';
import { hasMergeKey } from '../../src/asl/merge-key';
import { describeBounds, describeValue, isDeployTimeValue, isJsonataExpression, numberFits } from '../../src/asl/state-field-values';
import { isAslTimestamp } from '../../src/asl/timestamp';
import { defineRule } from '../../src/engine/define-rule';
import { stringValue } from '../../src/model/ast';

const DURATIONS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];
// AWS: the largest wait is 99999999 seconds (a year's limit on standard executions aside).
const SECONDS = { integer: true, min: 0, max: 99999999 } as const;

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce exactly one valid wait duration in Wait states',
      recommended: true,
      defaultSeverity: 'error',
    },
    messages: {
      missingDuration: 'Missing a duration in Wait state "{{name}}". Expected one of "Seconds", "SecondsPath", "Timestamp" or "TimestampPath".',
      extraDuration: 'Unexpected "{{field}}" in Wait state "{{name}}", which already has "{{first}}". Only one duration may be given.',
      invalidSeconds: 'Expected "Seconds" to be {{expected}} but got {{actual}}.',
      invalidTimestamp: 'Expected "Timestamp" to be an RFC 3339 timestamp such as "2016-08-18T17:33:00Z" but got {{actual}}.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Wait(state) {
        const given = state.node.properties.filter((p) => DURATIONS.includes(String(p.key.value)));
        if (given.length === 0 && !hasMergeKey(state.node) && !state.node.placeholder) ctx.report({ node: state.key, messageId: 'missingDuration', data: { name: state.name } });
        for (const extra of given.slice(1)) {
          ctx.report({ node: extra.key, messageId: 'extraDuration', data: { field: String(extra.key.value), name: state.name, first: String(given[0].key.value) } });
        }
        // An unknown query language allows expressions: a bad QueryLanguage is reported once, elsewhere.
        const jsonata = declaredLanguage(state) !== 'JSONPath';
        const seconds = state.field('Seconds');
        if (seconds && !numberFits(seconds, SECONDS, jsonata)) {
          ctx.report({ node: seconds, messageId: 'invalidSeconds', data: { expected: describeBounds(SECONDS), actual: describeValue(seconds) } });
        }
        const timestamp = state.field('Timestamp');
        if (!timestamp || isDeployTimeValue(timestamp) || (jsonata && isJsonataExpression(timestamp))) return;
        const text = stringValue(timestamp);
        if (text === undefined || !isAslTimestamp(text)) ctx.report({ node: timestamp, messageId: 'invalidTimestamp', data: { actual: describeValue(timestamp) } });
      },
    };
  },
});

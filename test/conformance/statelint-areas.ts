/**
 * The two statelints (wmfs's JavaScript port and awslabs's Ruby original) pin problems by message
 * substrings in their own wording; this maps each wording to the wf-lint area that must report it.
 */
import type { Area } from './areas';

const MESSAGE_AREAS: readonly (readonly [RegExp, Area])[] = [
  [/may have only one of \[?"?(Error|Cause)/, 'fail'],
  [/may have only one of \[?"?(TimeoutSeconds|HeartbeatSeconds|Iterator|ItemSelector)/, 'fields'],
  [/allowed values \[?"?FULL/, 'retry-catch'], // JitterStrategy
  [/allowed floor is 0/, 'retry-catch'], // MaxDelaySeconds
  [/allowed minimum is 1/, 'retry-catch'], // BackoffRate
  [/non-empty required/, 'retry-catch'], // ErrorEquals: []
  [/^"(Parameters|ResultPath|ResultSelector)"?$/, 'fields'], // a field the state type does not take
  [/^"?ItemsPath"?$/, 'fields'], // ItemsPath: null
  [/^"InputPath"$/, 'paths'], // an intrinsic function where a path is required
  [/^bad\d$/, 'paths'], // a "x.$" field whose value is not a path
  [/not a JSONPath or intrinsic function expression/, 'paths'],
  [/should be an Object/, 'fields'], // Credentials
];

/** The area of one pinned substring; throws on a wording this table does not know. */
export function statelintArea(substring: string): Area {
  const found = MESSAGE_AREAS.find(([pattern]) => pattern.test(substring));
  if (!found) throw new Error(`No area for statelint message ${JSON.stringify(substring)}.`);
  return found[1];
}

/**
 * The shapes of retriers and catchers, as data. AWS:
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 * (retrier and catcher fields, their bounds, `States.ALL` alone and last, and the predefined
 * error names). The spec reserves the `States.` prefix: "Custom error names MUST NOT begin
 * with the prefix States.".
 */
import type { NumberBounds } from './state-field-values';

/** The predefined error names (AWS "Error names" list, plus the HTTP Task's socket error). */
export const STATES_ERRORS: readonly string[] = [
  'States.ALL',
  'States.BranchFailed',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
];

export const RETRIER_FIELDS: readonly string[] = ['ErrorEquals', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy', 'Comment'];

/** Catcher fields, with the query language each belongs to (`any`: both). */
export const CATCHER_FIELDS: Readonly<Record<string, 'JSONPath' | 'JSONata' | 'any'>> = {
  ErrorEquals: 'any',
  Next: 'any',
  Comment: 'any',
  Assign: 'any',
  ResultPath: 'JSONPath',
  Output: 'JSONata',
};

/** Bounds of the retrier's numbers (AWS: MaxAttempts 0 means never retry; 99999999 is the largest). */
export const RETRIER_NUMBERS: Readonly<Record<string, NumberBounds>> = {
  IntervalSeconds: { integer: true, min: 1, max: 99999999 },
  MaxAttempts: { integer: true, min: 0, max: 99999999 },
  BackoffRate: { integer: false, min: 1 },
  // AWS: MaxDelaySeconds is at most 31622400 (366 days).
  MaxDelaySeconds: { integer: true, min: 1, max: 31622400 },
};

export const JITTER_STRATEGIES: readonly string[] = ['FULL', 'NONE'];

/**
 * Which fields each ASL state type takes, and in which query language: data, not code.
 * `asl/valid-state-fields` reads the per-type lists; `asl/valid-query-language` reads the
 * language of each field. Sources (AWS is the authority; the ASL spec's "state type summary"
 * table agrees for the JSONPath fields):
 * - machine: https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html
 * - common fields: https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html#amazon-states-language-common-fields
 * - JSONata fields (Arguments, Output, Items; the five JSONPath fields they replace):
 *   https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 * - Assign (every state but Succeed and Fail): https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 * Where AWS's documents leave a field's place open, the field is allowed: this table must
 * never reject a definition that AWS accepts.
 */

export const STATE_TYPES = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;
export type StateType = (typeof STATE_TYPES)[number];

export interface FieldTable {
  /** The AWS page that lists the fields. */
  readonly doc: string;
  readonly allowed: readonly string[];
  readonly required: readonly string[];
  /** Pairs of fields of which at most one may be present. */
  readonly exclusive: readonly (readonly [string, string])[];
}

/** Top-level fields of a state machine. */
export const MACHINE_FIELDS: FieldTable = {
  doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html',
  allowed: ['Comment', 'QueryLanguage', 'StartAt', 'States', 'TimeoutSeconds', 'Version'],
  required: ['StartAt', 'States'],
  exclusive: [],
};

const COMMON = ['Type', 'Comment', 'QueryLanguage'];
const FLOW = ['Next', 'End'];
// InputPath and OutputPath belong to every state but Fail (JSONPath only).
const IO = ['InputPath', 'OutputPath'];
const RESULT = ['Parameters', 'ResultSelector', 'ResultPath', 'Arguments', 'Output', 'Assign'];
const ERRORS = ['Retry', 'Catch'];

export const STATE_FIELDS: Readonly<Record<StateType, FieldTable>> = {
  Pass: {
    doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html',
    allowed: [...COMMON, ...FLOW, ...IO, 'Parameters', 'ResultPath', 'Result', 'Output', 'Assign'],
    required: [],
    exclusive: [],
  },
  Task: {
    doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html',
    allowed: [
      ...COMMON, ...FLOW, ...IO, ...RESULT, ...ERRORS,
      'Resource', 'Credentials', 'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath',
    ],
    required: ['Resource'],
    exclusive: [
      ['TimeoutSeconds', 'TimeoutSecondsPath'],
      ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
    ],
  },
  Choice: {
    doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html',
    allowed: [...COMMON, ...IO, 'Choices', 'Default', 'Output', 'Assign'],
    required: ['Choices'],
    exclusive: [],
  },
  Wait: {
    doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html',
    // Which one of the four durations is `asl/valid-wait`'s business.
    allowed: [...COMMON, ...FLOW, ...IO, 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath', 'Output', 'Assign'],
    required: [],
    exclusive: [],
  },
  Succeed: {
    doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html',
    allowed: [...COMMON, ...IO, 'Output'],
    required: [],
    exclusive: [],
  },
  Fail: {
    doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html',
    // Error/ErrorPath and Cause/CausePath exclusivity is `asl/valid-fail`'s business.
    allowed: [...COMMON, 'Error', 'ErrorPath', 'Cause', 'CausePath'],
    required: [],
    exclusive: [],
  },
  Parallel: {
    doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html',
    allowed: [...COMMON, ...FLOW, ...IO, ...RESULT, ...ERRORS, 'Branches'],
    required: ['Branches'],
    exclusive: [],
  },
  Map: {
    doc: 'https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html',
    allowed: [
      ...COMMON, ...FLOW, ...IO, ...ERRORS,
      'Parameters', 'ResultSelector', 'ResultPath', 'Output', 'Assign',
      'ItemProcessor', 'Iterator', 'ItemsPath', 'Items', 'ItemSelector', 'ItemReader', 'ItemBatcher', 'ResultWriter',
      'MaxConcurrency', 'MaxConcurrencyPath', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath',
      'ToleratedFailureCount', 'ToleratedFailureCountPath', 'Label',
    ],
    // One of ItemProcessor or Iterator: checked as an exclusive pair plus a "one of".
    required: [],
    exclusive: [
      ['ItemProcessor', 'Iterator'],
      ['ItemSelector', 'Parameters'],
      ['MaxConcurrency', 'MaxConcurrencyPath'],
      ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
      ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
    ],
  },
};

/**
 * Fields that exist in one query language only; every other field works in both (`Assign`,
 * `Comment`, `ItemSelector`, …). AWS: JSONata replaces the five JSONPath fields with
 * `Arguments` and `Output`, `ItemsPath` with `Items`, and every `*Path` field with a
 * `{% %}` expression in the field itself. A Map: it is asked with keys read from the file, which
 * would cost a string-table lookup each as object keys (and could name a prototype member).
 */
export const FIELD_LANGUAGE: ReadonlyMap<string, 'JSONPath' | 'JSONata'> = new Map(
  Object.entries({
    InputPath: 'JSONPath',
    OutputPath: 'JSONPath',
    Parameters: 'JSONPath',
    ResultSelector: 'JSONPath',
    ResultPath: 'JSONPath',
    // Pass "Result" is not among the fields AWS lists as JSONPath-only, so it is left in both.
    ItemsPath: 'JSONPath',
    TimeoutSecondsPath: 'JSONPath',
    HeartbeatSecondsPath: 'JSONPath',
    MaxConcurrencyPath: 'JSONPath',
    ToleratedFailurePercentagePath: 'JSONPath',
    ToleratedFailureCountPath: 'JSONPath',
    SecondsPath: 'JSONPath',
    TimestampPath: 'JSONPath',
    ErrorPath: 'JSONPath',
    CausePath: 'JSONPath',
    Arguments: 'JSONata',
    Output: 'JSONata',
    Items: 'JSONata',
  } as const),
);

/** The JSONata field that takes the place of a JSONPath-only one, for hints. */
export const JSONATA_REPLACEMENT: Readonly<Record<string, string>> = {
  Parameters: 'Arguments',
  OutputPath: 'Output',
  ResultSelector: 'Output',
  ResultPath: 'Output',
  InputPath: 'Arguments',
  ItemsPath: 'Items',
  TimeoutSecondsPath: 'TimeoutSeconds',
  HeartbeatSecondsPath: 'HeartbeatSeconds',
  MaxConcurrencyPath: 'MaxConcurrency',
  ToleratedFailurePercentagePath: 'ToleratedFailurePercentage',
  ToleratedFailureCountPath: 'ToleratedFailureCount',
  SecondsPath: 'Seconds',
  TimestampPath: 'Timestamp',
  ErrorPath: 'Error',
  CausePath: 'Cause',
};

/** Every field any state type takes: the candidates for "did you mean". */
export const ALL_STATE_FIELDS: readonly string[] = [...new Set(STATE_TYPES.flatMap((t) => STATE_FIELDS[t].allowed))].sort();

/** True when `type` names one of the eight ASL state types. */
export function isStateType(type: string): type is StateType {
  return (STATE_TYPES as readonly string[]).includes(type);
}

/**
 * `materialise(definition)`: turns a definition as written in a template into one that a
 * local interpreter can run. CloudFormation intrinsics (`{ "Fn::GetAtt": [...] }`, `Ref`,
 * `Fn::Sub`, `Fn::Join`, …, i.e. the long form the project's parsers give for `!GetAtt`)
 * and `${...}` / `#{...}` placeholders (SAM `DefinitionSubstitutions`, Terraform
 * `templatefile`, serverless pseudo-parameters) are resolved to strings **in the fields that
 * must be strings to run**: a Task's `Resource`, a `lambda:invoke` task's
 * `Parameters.FunctionName`, and `Comment`/`Error`/`Cause`. A placeholder that stands for a
 * whole Lambda ARN becomes a fake ARN that keeps the function's name, so that handlers can
 * be chosen by name:
 *
 *   !GetAtt pre-batch.Arn                         -> arn:aws:lambda:us-east-1:123456789012:function:pre-batch
 *   ${PreBatchFunctionArn}                        -> ...:function:PreBatchFunction
 *   ${tasks.pre-batch.lambda.function_arn}        -> ...:function:pre-batch
 *   arn:${AWS::Partition}:states:::batch:submitJob.sync -> arn:aws:states:::batch:submitJob.sync
 *   arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Prefix}-post-batch
 *                                                 -> arn:aws:lambda:us-east-1:123456789012:function:Prefix-post-batch
 *
 * Numeric fields given as a placeholder or an intrinsic (`TimeoutSeconds: ${Timeout}`) get a
 * fixed stand-in number. Anything else (job queues, `#{...}` strings in `Parameters`) is left
 * as written: it is plain JSON data to the interpreter.
 *
 * One runtime adaptation keeps `aws-local-stepfunctions` faithful to AWS, as an exact
 * rewrite: `ResultPath: "$"` (on a state or a catcher) is dropped. The interpreter would
 * write the result under a key named `"$"`; in AWS `"$"` means "the result replaces the
 * input", which is what no `ResultPath` means.
 *
 * The input is never modified; the result is a deep copy. `materialise` is idempotent.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The fake account the materialised ARNs live in. */
export const FAKE_AWS = { partition: 'aws', region: 'us-east-1', account: '123456789012', urlSuffix: 'amazonaws.com' } as const;

export function fakeLambdaArn(functionName: string): string {
  return `arn:${FAKE_AWS.partition}:lambda:${FAKE_AWS.region}:${FAKE_AWS.account}:function:${functionName}`;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Stand-in numbers for numeric fields written as a placeholder or an intrinsic. */
const NUMERIC_STAND_INS: Readonly<Record<string, number>> = {
  TimeoutSeconds: 3600,
  HeartbeatSeconds: 3600,
  Seconds: 0,
  MaxAttempts: 2,
  IntervalSeconds: 1,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
  MaxConcurrency: 0,
  ToleratedFailureCount: 0,
  ToleratedFailurePercentage: 0,
};

const STRING_FIELDS = ['Comment', 'Error', 'Cause'];

/** A name for what a placeholder stands for: `tasks.pre-batch.lambda.function_arn` -> `pre-batch`. */
export function placeholderValue(expr: string): string {
  const name = expr.trim();
  if (/(^|::|[._-])partition$/i.test(name)) return FAKE_AWS.partition;
  if (/(^|::|[._-])region$/i.test(name)) return FAKE_AWS.region;
  if (/(^|::|[._-])account(_?id)?$/i.test(name)) return FAKE_AWS.account;
  if (/urlsuffix$/i.test(name)) return FAKE_AWS.urlSuffix;
  return nameOf(name);
}

function nameOf(expr: string): string {
  // Terraform / Cirrus: tasks.<name>.lambda.function_arn, module.<name>.arn, aws_lambda_function.<name>.arn
  const tasks = /^tasks\.([^.]+)\./.exec(expr);
  if (tasks) return tasks[1];
  let name = expr.replace(/[._-]?arn$/i, '');
  const resource = /^aws_lambda_function\.([^.]+)$/.exec(name) ?? /^module\.([^.]+)(?:\..*)?$/.exec(name);
  if (resource) name = resource[1];
  name = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return name === '' ? 'unnamed' : name.slice(0, 64);
}

/** Replaces `${...}` and `#{...}` placeholders; `vars` are `Fn::Sub`'s own variables. */
export function substitute(text: string, vars: Readonly<Record<string, Json>> = {}): string {
  return text.replace(/\$\{(?!!)([^}]*)\}|#\{([^}]*)\}/g, (_, dollar: string | undefined, hash: string | undefined) => {
    const expr = dollar ?? hash ?? '';
    if (dollar !== undefined && Object.prototype.hasOwnProperty.call(vars, expr)) return intrinsicToString(vars[expr]);
    return placeholderValue(expr);
  });
}

/** The string an intrinsic (or a plain value) stands for. */
export function intrinsicToString(value: Json | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return substitute(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(intrinsicToString).join(',');
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [key] = keys;
    const arg = value[key];
    switch (key) {
      case 'Fn::GetAtt': {
        const [resource, attribute] = Array.isArray(arg)
          ? [intrinsicToString(arg[0]), intrinsicToString(arg[1] ?? 'Arn')]
          : splitOnce(intrinsicToString(arg), '.');
        return /arn$/i.test(attribute) ? fakeLambdaArn(nameOf(resource)) : nameOf(resource);
      }
      case 'Ref':
        return placeholderValue(intrinsicToString(arg));
      case 'Fn::Sub':
        if (typeof arg === 'string') return substitute(arg);
        if (Array.isArray(arg) && typeof arg[0] === 'string') return substitute(arg[0], isJsonObject(arg[1]) ? arg[1] : {});
        break;
      case 'Fn::Join':
        if (Array.isArray(arg) && Array.isArray(arg[1])) return arg[1].map(intrinsicToString).join(intrinsicToString(arg[0]));
        break;
      case 'Fn::Select':
        if (Array.isArray(arg) && Array.isArray(arg[1])) return intrinsicToString(arg[1][Number(arg[0])] ?? null);
        break;
      case 'Fn::ImportValue':
        return placeholderValue(intrinsicToString(arg));
    }
  }
  // Unknown shape: a name made of the strings inside it.
  return nameOf(collectStrings(value).join('-'));
}

function splitOnce(text: string, sep: string): [string, string] {
  const at = text.indexOf(sep);
  return at < 0 ? [text, 'Arn'] : [text.slice(0, at), text.slice(at + 1)];
}

function collectStrings(value: Json, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (isJsonObject(value)) Object.values(value).forEach((v) => collectStrings(v, into));
  return into;
}

/** A runnable `Resource`: placeholders resolved, a bare function reference made a Lambda ARN. */
export function materialiseResource(resource: Json): string {
  const text = intrinsicToString(resource);
  return text.startsWith('arn:') ? text : fakeLambdaArn(nameOf(text));
}

/** A runnable `lambda:invoke` `FunctionName`: a name or ARN string. */
function materialiseFunctionName(value: Json): string {
  return intrinsicToString(value);
}

export function materialise<T>(definition: T): T {
  const copy = cloneJson(definition) as unknown as Json;
  visitScope(copy);
  return copy as unknown as T;
}

function visitScope(scope: Json): void {
  if (!isJsonObject(scope)) return;
  if ('TimeoutSeconds' in scope && typeof scope.TimeoutSeconds !== 'number') scope.TimeoutSeconds = NUMERIC_STAND_INS.TimeoutSeconds;
  for (const field of STRING_FIELDS) if (field in scope && typeof scope[field] !== 'string') scope[field] = intrinsicToString(scope[field]);
  const states = scope.States;
  if (!isJsonObject(states)) return;
  for (const state of Object.values(states)) if (isJsonObject(state)) visitState(state);
}

function visitState(state: JsonObject): void {
  for (const field of STRING_FIELDS) if (field in state && typeof state[field] !== 'string') state[field] = intrinsicToString(state[field]);
  for (const [field, standIn] of Object.entries(NUMERIC_STAND_INS)) {
    if (field in state && typeof state[field] !== 'number') state[field] = standIn;
  }
  for (const list of ['Retry', 'Catch'] as const) {
    const entries = state[list];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (!isJsonObject(entry)) continue;
      for (const [field, standIn] of Object.entries(NUMERIC_STAND_INS)) {
        if (field in entry && typeof entry[field] !== 'number') entry[field] = standIn;
      }
      if (entry.ResultPath === '$') delete entry.ResultPath;
    }
  }
  if (state.ResultPath === '$') delete state.ResultPath;
  if (state.Type === 'Task' && 'Resource' in state) {
    state.Resource = materialiseResource(state.Resource);
    const params = state.Parameters;
    if (/:states:::lambda:invoke/.test(state.Resource) && isJsonObject(params) && 'FunctionName' in params) {
      params.FunctionName = materialiseFunctionName(params.FunctionName);
    }
  }
  if (Array.isArray(state.Branches)) state.Branches.forEach(visitScope);
  if (isJsonObject(state.ItemProcessor)) visitScope(state.ItemProcessor);
  if (isJsonObject(state.Iterator)) visitScope(state.Iterator);
}

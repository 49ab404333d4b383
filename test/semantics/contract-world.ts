/**
 * An in-memory model of the Cirrus Batch contract (DESIGN §1), for running workflows in
 * `aws-local-stepfunctions` through its `overrides.taskResourceLocalHandlers`.
 *
 * The interpreter calls a local handler *by state name* with the state's effective input
 * (after `InputPath` and `Parameters`) and feeds the handler's return value to
 * `ResultSelector`/`ResultPath`/`OutputPath`; a thrown error is matched by its `name` in
 * `Retry`/`Catch` and its `message` becomes the `Cause`. `ContractWorld.handlersFor(def)`
 * builds one handler per Task state that dispatches on the state's (materialised)
 * `Resource`, so the same world serves any workflow:
 *
 * - `arn:aws:states:::batch:submitJob.sync`: the Batch job. Reads `Parameters.url` from the
 *   SubmitJob request's job `Parameters`, runs the user's job function on that payload, writes
 *   the result to `Parameters.url_out` and returns a DescribeJobs-like job
 *   (`{JobId, JobName, Parameters: {url, url_out}, Status: 'SUCCEEDED', Attempts, ...}`).
 *   A failing job (the job function throws) makes the task fail like Step Functions does:
 *   error `States.TaskFailed`, `Cause` = the failed job as JSON, whose
 *   `Attempts[-1].Container.LogStreamName` names a log whose last line is the failure.
 *   `RetryStrategy.Attempts: N` in the request is honoured the way Batch does (up to N
 *   attempts, one log stream each).
 * - `arn:aws:states:::batch:submitJob` (no `.sync`): submits and returns at once
 *   (`{JobArn, JobId, JobName}`); the job is only queued (`world.pendingJobs`), so nothing
 *   is at `url_out` yet.
 * - Lambda functions, called by ARN (`arn:aws:lambda:...:function:NAME`) or through
 *   `arn:aws:states:::lambda:invoke` (input `{FunctionName, Payload}`, result wrapped as
 *   `{ExecutedVersion, Payload, StatusCode}`), are picked by function name:
 *   a function registered in `lambdas` (exact or case-insensitive name) wins; else a name
 *   matching `pre[-_]?batch` is Cirrus pre-batch and `post[-_]?batch` is Cirrus post-batch
 *   (case-insensitive, as DESIGN §2 detects them); anything else is the identity.
 *   - pre-batch stores its input payload at `s3://<bucket>/<prefix>/tmp/batch/<id>/<uuid>.json`
 *     and returns `{url, url_out}` (`url_out` = `url` with `.json` -> `_out.json`).
 *   - post-batch with an `error` key parses `error.Cause`, takes
 *     `Attempts[-1].Container.LogStreamName`, reads the last line of that log and raises an
 *     error named by group 1 of `^(?:([\.\w]+):)?\s*(.*)` (default `UnknownError`); without
 *     `error` it returns the payload stored at `Parameters.url_out` (or at a top-level `url`).
 *   Lambda errors reach the workflow as Step Functions reports them: error name = the
 *   exception type, `Cause` = `{"errorMessage", "errorType"}` as JSON.
 * - Any other resource (other service integrations, activities): a handler registered in
 *   `services` under the exact resource string, else the identity.
 *
 * Everything is deterministic: ids, uuids and log stream names come from per-world counters,
 * so two runs that make the same calls in the same order produce identical data. A situation
 * the model does not cover throws a `HarnessError`, which no `Retry`/`Catch` can swallow and
 * which `runWorkflow` rethrows: a proof never passes on an unmodelled path.
 */
import { cloneJson, isJsonObject, type Json, type JsonObject } from './materialise';

export { FAKE_AWS, fakeLambdaArn, materialise, type Json, type JsonObject } from './materialise';

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * An error as Step Functions reports it for a task: `name` is the error name matched by
 * `ErrorEquals`, `message` is the `Cause` string.
 */
export class StepFunctionsError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/** A Lambda function error: name = the exception type, Cause = Lambda's error JSON. */
export function lambdaError(errorType: string, errorMessage: string): StepFunctionsError {
  return new StepFunctionsError(errorType, JSON.stringify({ errorMessage, errorType }));
}

/**
 * The workflow reached something the model does not cover. Not catchable, not retryable
 * (`aws-local-stepfunctions` reads `isCatchable`/`isRetryable`), so it ends the execution and
 * `runWorkflow` rethrows it.
 */
export class HarnessError extends Error {
  readonly isCatchable = false;
  readonly isRetryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'HarnessError';
  }
}

// ---------------------------------------------------------------------------------------------
// Jobs and functions supplied by tests

export interface JobContext {
  readonly jobName: string;
  readonly jobId: string;
  /** 1-based attempt within this Batch job (`RetryStrategy`). */
  readonly attempt: number;
  /** 1-based count of runs of this job name in this world, across tasks, retries and attempts. */
  readonly run: number;
  /** Appends a line to the job's CloudWatch log stream. */
  log(line: string): void;
}

/** What the container does with the payload; throw to fail the job. */
export type JobFn = (payload: Json, ctx: JobContext) => Json | Promise<Json>;

/** Thrown by a job to fail with an exact last log line (`MyError: boom`). */
export class JobFailure extends Error {
  constructor(readonly logLine: string) {
    super(logLine);
    this.name = 'JobFailure';
  }
}

/** A job that always fails, logging `logLine` last (post-batch raises its error name). */
export function failingJob(logLine = 'MyError: boom'): JobFn {
  return () => {
    throw new JobFailure(logLine);
  };
}

/** A job that fails on its first `failures` runs in a world, then behaves like `job`. */
export function flakyJob(failures: number, job: JobFn = identityJob, logLine = 'FlakyError: try again'): JobFn {
  return (payload, ctx) => {
    if (ctx.run <= failures) throw new JobFailure(logLine);
    return job(payload, ctx);
  };
}

export const identityJob: JobFn = (payload) => payload;

export interface LambdaContext {
  readonly functionName: string;
  readonly stateName: string;
  readonly world: ContractWorld;
}

/** A Lambda function (or other task) body; throw an Error whose `name` is the error type. */
export type LambdaFn = (event: Json, ctx: LambdaContext) => Json | Promise<Json>;

export interface WorldOptions {
  /** The job run by every Batch task without a job of its own. Default: the identity. */
  readonly job?: JobFn;
  /** Jobs by the request's `JobName` (or, failing that, `JobDefinition`). */
  readonly jobs?: Readonly<Record<string, JobFn>>;
  /** Lambda functions by function name; they take precedence over pre-/post-batch. */
  readonly lambdas?: Readonly<Record<string, LambdaFn>>;
  /** Handlers for any other `Resource`, by the exact (materialised) resource string. */
  readonly services?: Readonly<Record<string, LambdaFn>>;
  /** `CIRRUS_PAYLOAD_BUCKET`. */
  readonly bucket?: string;
  /** Key prefix of stored payloads. */
  readonly prefix?: string;
}

// ---------------------------------------------------------------------------------------------
// Resources

export type ResourceKind =
  | { readonly kind: 'batch'; readonly sync: boolean }
  | { readonly kind: 'lambda-invoke' }
  | { readonly kind: 'lambda'; readonly functionName: string }
  | { readonly kind: 'service'; readonly resource: string };

/** What a materialised `Resource` calls. */
export function classifyResource(resource: string): ResourceKind {
  const batch = /^arn:[^:]+:states:::batch:submitJob(\.sync)?$/.exec(resource);
  if (batch) return { kind: 'batch', sync: batch[1] !== undefined };
  if (/^arn:[^:]+:states:::lambda:invoke$/.test(resource)) return { kind: 'lambda-invoke' };
  const fn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(resource);
  if (fn) return { kind: 'lambda', functionName: fn[1] };
  return { kind: 'service', resource };
}

/** The function name in a `FunctionName` (name, `name:alias`, partial or full ARN). */
export function functionNameOf(value: string): string {
  const at = value.indexOf('function:');
  const rest = at >= 0 ? value.slice(at + 'function:'.length) : value;
  return rest.split(':')[0];
}

export type FunctionRole = 'registered' | 'pre-batch' | 'post-batch' | 'identity';

/** The same test as DESIGN §2's name matcher. */
export const PRE_BATCH_NAME = /pre[-_]?batch/i;
export const POST_BATCH_NAME = /post[-_]?batch/i;

/** Every state of every scope (machine, Parallel branches, Map processors), outermost first. */
export function forEachState(definition: Json, fn: (name: string, state: JsonObject) => void): void {
  const scopes: Json[] = [definition];
  while (scopes.length > 0) {
    const scope = scopes.shift();
    if (!isJsonObject(scope) || !isJsonObject(scope.States)) continue;
    for (const [name, state] of Object.entries(scope.States)) {
      if (!isJsonObject(state)) continue;
      fn(name, state);
      if (Array.isArray(state.Branches)) scopes.push(...state.Branches);
      if (state.ItemProcessor !== undefined) scopes.push(state.ItemProcessor);
      if (state.Iterator !== undefined) scopes.push(state.Iterator);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The world

export interface CallRecord {
  readonly state: string;
  readonly kind: 'pre-batch' | 'post-batch' | 'batch' | 'lambda' | 'service';
  /** Function name, job name or resource. */
  readonly target: string;
  readonly input: Json;
}

export interface JobRunRecord {
  readonly jobName: string;
  readonly jobId: string;
  readonly attempt: number;
  readonly run: number;
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly logStreamName: string;
}

export interface PendingJob {
  readonly jobId: string;
  readonly request: Json;
}

type TaskHandler = (input: Json) => Promise<Json>;

const BATCH_LOG_GROUP = '/aws/batch/job';
const CIRRUS_ERROR_REGEX = /^(?:([.\w]+):)?\s*(.*)/s;

export class ContractWorld {
  /** The S3 model: `s3://bucket/key` -> JSON text. */
  readonly s3 = new Map<string, string>();
  /** CloudWatch Logs model for `/aws/batch/job`: stream name -> lines. */
  readonly logs = new Map<string, string[]>();
  /** Every task call, in order. */
  readonly calls: CallRecord[] = [];
  /** Every container run of a Batch job, in order. */
  readonly jobRuns: JobRunRecord[] = [];
  /** Jobs submitted without `.sync`: queued, never run during the execution. */
  readonly pendingJobs: PendingJob[] = [];

  private readonly counters = new Map<string, number>();

  constructor(readonly options: WorldOptions = {}) {}

  // --- storage ---------------------------------------------------------------------------

  putObject(url: string, value: Json): void {
    this.s3.set(url, JSON.stringify(value));
  }

  /** The object at `url`, or a `NoSuchKey` error as boto3 raises it. */
  getObject(url: string): Json {
    const text = this.s3.get(url);
    if (text === undefined) throw lambdaError('NoSuchKey', `The specified key does not exist: ${url}`);
    return JSON.parse(text) as Json;
  }

  private next(counter: string): number {
    const n = (this.counters.get(counter) ?? 0) + 1;
    this.counters.set(counter, n);
    return n;
  }

  /** A deterministic UUID-shaped id. */
  private uuid(): string {
    return `00000000-0000-4000-8000-${this.next('uuid').toString(16).padStart(12, '0')}`;
  }

  // --- wiring into aws-local-stepfunctions ----------------------------------------------------

  /**
   * `taskResourceLocalHandlers` for a materialised definition: one handler per Task state,
   * dispatching on the state's `Resource`. State names must be unique across the machine
   * (ASL requires it; the interpreter keys overrides by name alone).
   */
  handlersFor(definition: Json): Record<string, TaskHandler> {
    const handlers: Record<string, TaskHandler> = {};
    const resources = new Map<string, string>();
    forEachState(definition, (name, state) => {
      if (state.Type !== 'Task') return;
      const resource = state.Resource;
      if (typeof resource !== 'string') throw new HarnessError(`Task '${name}' has no string Resource: materialise the definition first`);
      const seen = resources.get(name);
      if (seen !== undefined && seen !== resource) {
        throw new HarnessError(`two Task states are named '${name}' with different resources; the interpreter cannot tell them apart`);
      }
      resources.set(name, resource);
      handlers[name] = (input) => this.invokeTask(name, resource, input);
    });
    return handlers;
  }

  /** Runs one Task state's resource with the state's effective input. */
  async invokeTask(stateName: string, resource: string, input: Json): Promise<Json> {
    const target = classifyResource(resource);
    switch (target.kind) {
      case 'batch':
        return this.submitJob(stateName, input, target.sync);
      case 'lambda':
        return this.invokeFunction(stateName, target.functionName, input);
      case 'lambda-invoke': {
        if (!isJsonObject(input) || typeof input.FunctionName !== 'string') {
          throw new HarnessError(`lambda:invoke task '${stateName}' has no string Parameters.FunctionName`);
        }
        if (!('Payload' in input)) {
          throw new HarnessError(`lambda:invoke task '${stateName}' passes no Payload: not modelled`);
        }
        const payload = await this.invokeFunction(stateName, functionNameOf(input.FunctionName), input.Payload);
        return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 };
      }
      case 'service': {
        this.calls.push({ state: stateName, kind: 'service', target: resource, input: cloneJson(input) });
        const service = this.options.services?.[resource];
        if (service) return this.callUserFunction(service, input, { functionName: resource, stateName, world: this });
        if (/\.waitForTaskToken$/.test(resource)) throw new HarnessError(`task token integration '${resource}' is not modelled; register it in services`);
        return cloneJson(input);
      }
    }
  }

  // --- Lambda ------------------------------------------------------------------------------

  roleOf(functionName: string): FunctionRole {
    if (this.registeredFunction(functionName)) return 'registered';
    if (PRE_BATCH_NAME.test(functionName)) return 'pre-batch';
    if (POST_BATCH_NAME.test(functionName)) return 'post-batch';
    return 'identity';
  }

  private registeredFunction(functionName: string): LambdaFn | undefined {
    const lambdas = this.options.lambdas ?? {};
    if (Object.prototype.hasOwnProperty.call(lambdas, functionName)) return lambdas[functionName];
    const lower = functionName.toLowerCase();
    const key = Object.keys(lambdas).find((k) => k.toLowerCase() === lower);
    return key === undefined ? undefined : lambdas[key];
  }

  async invokeFunction(stateName: string, functionName: string, event: Json): Promise<Json> {
    const role = this.roleOf(functionName);
    const kind = role === 'pre-batch' || role === 'post-batch' ? role : 'lambda';
    this.calls.push({ state: stateName, kind, target: functionName, input: cloneJson(event) });
    switch (role) {
      case 'registered':
        return this.callUserFunction(this.registeredFunction(functionName)!, event, { functionName, stateName, world: this });
      case 'pre-batch':
        return this.preBatch(event);
      case 'post-batch':
        return this.postBatch(event);
      case 'identity':
        return cloneJson(event);
    }
  }

  private async callUserFunction(fn: LambdaFn, event: Json, ctx: LambdaContext): Promise<Json> {
    try {
      return cloneJson(await fn(cloneJson(event), ctx));
    } catch (error) {
      throw asTaskError(error);
    }
  }

  /** Cirrus pre-batch: stores the payload, returns `{url, url_out}`. */
  preBatch(event: Json): Json {
    const payload = this.loadPayloadReference(event);
    const id = isJsonObject(payload) && typeof payload.id === 'string' && payload.id !== '' ? payload.id : 'unknown-id';
    const bucket = this.options.bucket ?? 'cirrus-payloads';
    const prefix = this.options.prefix ?? 'payloads';
    const url = `s3://${bucket}/${prefix}/tmp/batch/${id}/${this.uuid()}.json`;
    const urlOut = url.replace(/\.json$/, '_out.json');
    this.putObject(url, payload);
    return { url, url_out: urlOut };
  }

  /** A payload given by reference (`{url}` alone, as Cirrus passes large payloads) is loaded. */
  private loadPayloadReference(event: Json): Json {
    if (isJsonObject(event) && Object.keys(event).length === 1 && typeof event.url === 'string') return this.getObject(event.url);
    return event;
  }

  /** Cirrus post-batch: returns the job's output payload, or raises the job's error. */
  postBatch(event: Json): Json {
    if (!isJsonObject(event) || !('error' in event)) {
      const params = isJsonObject(event) ? event.Parameters : undefined;
      if (isJsonObject(params) && typeof params.url_out === 'string') return this.getObject(params.url_out);
      if (isJsonObject(event) && typeof event.url === 'string') return this.getObject(event.url);
      throw lambdaError('KeyError', "'url_out': the post-batch input is neither a Batch job result nor a payload reference");
    }
    const error = event.error;
    if (!isJsonObject(error) || typeof error.Cause !== 'string') throw lambdaError('Exception', 'Unable to get error log: Cause is not defined');
    let cause: Json;
    try {
      cause = JSON.parse(error.Cause) as Json;
    } catch {
      throw lambdaError('JSONDecodeError', `Expecting value: ${error.Cause.slice(0, 80)}`);
    }
    const attempts = isJsonObject(cause) && Array.isArray(cause.Attempts) ? cause.Attempts : [];
    if (attempts.length === 0) throw lambdaError('Exception', 'Unable to get error log: Attempts is empty');
    const attempt = attempts[attempts.length - 1];
    const container = isJsonObject(attempt) ? attempt.Container : undefined;
    if (!isJsonObject(container)) throw lambdaError('Exception', 'Unable to get error log: Container for last Attempt is missing');
    const logName = container.LogStreamName;
    if (typeof logName !== 'string' || logName === '') {
      throw lambdaError('Exception', 'Unable to get error log: LogStreamName for last Attempt is missing');
    }
    const lines = this.logs.get(logName) ?? [];
    if (lines.length === 0) {
      throw lambdaError(
        'Exception',
        `Unable to get error log, container likely never ran. Container Reason: ${String(container.Reason ?? null)}; ` +
          `Status Reason: ${String((isJsonObject(attempt) && attempt.StatusReason) ?? null)}`,
      );
    }
    const match = CIRRUS_ERROR_REGEX.exec(lines[lines.length - 1])!;
    throw lambdaError(match[1] || 'UnknownError', match[2]);
  }

  // --- Batch -------------------------------------------------------------------------------

  private jobFor(request: JsonObject): JobFn {
    const jobs = this.options.jobs ?? {};
    for (const key of [request.JobName, request.JobDefinition]) {
      if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(jobs, key)) return jobs[key];
    }
    return this.options.job ?? identityJob;
  }

  private async submitJob(stateName: string, request: Json, sync: boolean): Promise<Json> {
    if (!isJsonObject(request)) throw new HarnessError(`Batch task '${stateName}' sends a non-object SubmitJob request`);
    const jobName = typeof request.JobName === 'string' ? request.JobName : stateName;
    this.calls.push({ state: stateName, kind: 'batch', target: jobName, input: cloneJson(request) });
    const jobId = `job-${this.next('job').toString().padStart(4, '0')}`;
    const jobArn = `arn:aws:batch:us-east-1:123456789012:job/${jobId}`;
    if (!sync) {
      this.pendingJobs.push({ jobId, request: cloneJson(request) });
      return { JobArn: jobArn, JobId: jobId, JobName: jobName };
    }

    const parameters = isJsonObject(request.Parameters) ? request.Parameters : {};
    const retry = isJsonObject(request.RetryStrategy) ? request.RetryStrategy.Attempts : undefined;
    const maxAttempts = typeof retry === 'number' ? Math.min(10, Math.max(1, Math.trunc(retry))) : 1;
    const job = this.jobFor(request);
    const attempts: JsonObject[] = [];
    let status: 'SUCCEEDED' | 'FAILED' = 'FAILED';
    for (let attempt = 1; attempt <= maxAttempts && status !== 'SUCCEEDED'; attempt++) {
      const logStreamName = `${safeName(jobName)}/default/${this.next('task').toString(16).padStart(32, '0')}`;
      const lines: string[] = [];
      this.logs.set(logStreamName, lines);
      const run = this.next(`run:${jobName}`);
      const ctx: JobContext = { jobName, jobId, attempt, run, log: (line) => lines.push(String(line)) };
      const ok = await this.runContainer(job, parameters, ctx, lines);
      status = ok ? 'SUCCEEDED' : 'FAILED';
      this.jobRuns.push({ jobName, jobId, attempt, run, status, logStreamName });
      attempts.push({
        Container: { ExitCode: ok ? 0 : 1, LogStreamName: logStreamName },
        StatusReason: 'Essential container in task exited',
      });
    }
    const last = attempts[attempts.length - 1];
    const description: JsonObject = {
      Attempts: attempts,
      Container: last.Container,
      JobArn: jobArn,
      JobDefinition: request.JobDefinition ?? null,
      JobId: jobId,
      JobName: jobName,
      JobQueue: request.JobQueue ?? null,
      Parameters: cloneJson(parameters),
      Status: status,
      StatusReason: 'Essential container in task exited',
    };
    if (status === 'FAILED') throw new StepFunctionsError('States.TaskFailed', JSON.stringify(description));
    return description;
  }

  /** One container run: read `url`, run the job, write `url_out`. False when the job failed. */
  private async runContainer(job: JobFn, parameters: JsonObject, ctx: JobContext, lines: string[]): Promise<boolean> {
    try {
      const url = parameters.url;
      if (typeof url !== 'string') throw new JobFailure('PayloadUrlMissing: the job Parameters have no url');
      const text = this.s3.get(url);
      if (text === undefined) throw new JobFailure(`NoSuchKey: no payload at ${url}`);
      ctx.log(`reading payload from ${url}`);
      const output = await job(JSON.parse(text) as Json, ctx);
      const urlOut = parameters.url_out;
      if (typeof urlOut !== 'string') throw new JobFailure('PayloadUrlMissing: the job Parameters have no url_out');
      this.putObject(urlOut, output === undefined ? null : output);
      ctx.log(`wrote payload to ${urlOut}`);
      return true;
    } catch (error) {
      if (error instanceof HarnessError) throw error;
      lines.push(error instanceof JobFailure ? error.logLine : `${errorName(error)}: ${errorMessage(error)}`);
      return false;
    }
  }

  /** The log group post-batch reads (for reports). */
  get logGroup(): string {
    return BATCH_LOG_GROUP;
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-') || 'job';
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A user function's error as the workflow sees it. */
function asTaskError(error: unknown): Error {
  if (error instanceof StepFunctionsError || error instanceof HarnessError) return error;
  return lambdaError(errorName(error), errorMessage(error));
}

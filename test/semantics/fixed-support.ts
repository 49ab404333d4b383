/**
 * Helpers for fixed-*.test.ts: the proofs that `wf-lint --fix` output (test/fixtures/fix/real)
 * does what the Cirrus Batch contract says, on the real workflows of ../shared/corpus/real.
 *
 * - `runRecorded`: `runWorkflow` plus the interpreter's event log, so a test can see what a
 *   state received (`entered`) and produced (`exited`), including `Fail` and `Choice` states
 *   that never reach the world.
 * - `batchGroupsOf`: the batch groups of a definition with what a failing job should cost
 *   (job runs = attempts of the Batch task x attempts of the group).
 * - `expectFixedSucceeds` / `expectFixedFails`: the two properties every fixed machine must
 *   have (the group passes the job's output on, not an array; a job failure surfaces as the
 *   error named in the job's log, after the group's Retry, at the group's Catch target).
 * - `withPayloadUrls`: an original with only `url_out.$: $.url_out` added, which is what
 *   `batch/require-payload-urls` alone writes, to compare the rest of the rewrite with.
 * - `renderTemplate`: Terraform `templatefile` variables, rendered the same in both texts.
 */
import { StateMachine } from 'aws-local-stepfunctions';
import { classifyResource, ContractWorld, failingJob, forEachState, materialise, type JobFn, type WorldOptions } from './contract-world';
import { cloneJson, isJsonObject, type Json, type JsonObject } from './materialise';
import { outcomeSummary } from './same-behaviour';
import { runWorkflow, type RunOutcome, type RunWorkflowOptions } from './run';

// ---------------------------------------------------------------------------------------------
// Runs with the interpreter's event log

/** The part of aws-local-stepfunctions' `EventLog` the tests read (the type is not exported). */
export interface StateEvent {
  readonly type: string;
  readonly state?: { readonly name: string; readonly type: string; readonly input: Json; readonly output?: Json };
  readonly index?: number;
}

export interface RecordedRun extends RunOutcome {
  readonly events: readonly StateEvent[];
  /** Inputs of every entry into `state`, in event order. */
  entered(state: string): Json[];
  /** Outputs of every exit from `state` (a caught state exits too, with the catcher's output). */
  exited(state: string): Json[];
  /** Container runs of the Batch task `state`. */
  jobRunsOf(state: string): number;
}

type Run = StateMachine['run'];

/**
 * `runWorkflow`, recording the root execution's event log (which carries the nested Parallel and
 * Map events too). The interpreter's `run` is wrapped for the one root call only; branch and
 * iteration runs pass through untouched.
 */
export async function runRecorded(
  definition: unknown,
  input: Json,
  world: ContractWorld | WorldOptions = new ContractWorld(),
  options: RunWorkflowOptions = {},
): Promise<RecordedRun> {
  const events: StateEvent[] = [];
  const original: Run = StateMachine.prototype.run;
  let armed = true;
  StateMachine.prototype.run = function (this: StateMachine, ...args: Parameters<Run>) {
    const execution = original.apply(this, args);
    if (!armed) return execution;
    armed = false;
    const inner = execution.eventLogs;
    async function* tee() {
      for await (const event of inner) {
        events.push(event as unknown as StateEvent);
        yield event;
      }
    }
    return { ...execution, eventLogs: tee() };
  } as Run;
  let outcome: RunOutcome;
  try {
    const validate = options.validate ?? !derivedDefinitions.has(JSON.stringify(definition));
    outcome = await runWorkflow(definition, input, world, { ...options, validate });
  } finally {
    StateMachine.prototype.run = original;
  }
  const of = (type: string, state: string, field: 'input' | 'output') =>
    events.filter((e) => e.type === type && e.state?.name === state).map((e) => cloneJson(e.state![field] as Json));
  return {
    ...outcome,
    events,
    entered: (state) => of('StateEntered', state, 'input'),
    exited: (state) => of('StateExited', state, 'output'),
    jobRunsOf: (state) => {
      const jobNames = new Set(outcome.world.calls.filter((c) => c.kind === 'batch' && c.state === state).map((c) => c.target));
      return outcome.world.jobRuns.filter((r) => jobNames.has(r.jobName)).length;
    },
  };
}

/**
 * Definitions derived from an already validated one by a change that keeps it valid ASL (a
 * `url_out.$` path added to a job's Parameters, a start state moved to an existing state with the
 * state before it removed). asl-validator compiles its schemas on every call (~0.3 s), so
 * `runRecorded` does not ask it again about these.
 */
const derivedDefinitions = new Set<string>();

function derived<T extends Json>(definition: T): T {
  derivedDefinitions.add(JSON.stringify(definition));
  return definition;
}

/** A definition made from `base` by `change`, which must keep it valid ASL (see `derivedDefinitions`). */
export function derive(base: Json, change: (copy: JsonObject) => Json): Json {
  if (!isJsonObject(base)) throw new Error('not a definition');
  return derived(change(cloneJson(base)));
}

// ---------------------------------------------------------------------------------------------
// Batch groups

export interface Catcher {
  readonly errorEquals: readonly string[];
  readonly next: string;
  /** `undefined`: no ResultPath (the error output replaces the input). */
  readonly resultPath: string | null | undefined;
}

export interface GroupInfo {
  readonly name: string;
  /** The Batch task inside the group's single branch. */
  readonly batchTask: string;
  readonly next: string | undefined;
  readonly catchers: readonly Catcher[];
  /** Retries the group makes on `MyError` (its first retrier matching it; 0 without one). */
  readonly groupRetries: number;
  /** Attempts the Batch task makes on a failed job (`States.TaskFailed`): 1 + its retrier's MaxAttempts. */
  readonly taskAttempts: number;
  /** `RetryStrategy.Attempts` still in the request (1 without). */
  readonly nativeAttempts: number;
}

function retriesOn(retriers: Json | undefined, error: string): number {
  if (!Array.isArray(retriers)) return 0;
  for (const r of retriers) {
    if (!isJsonObject(r) || !Array.isArray(r.ErrorEquals)) continue;
    if (r.ErrorEquals.includes(error) || r.ErrorEquals.includes('States.ALL')) return typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
  }
  return 0;
}

/** Every single-branch Parallel holding a Batch task, in definition order (nested scopes too). */
export function batchGroupsOf(definition: Json, jobError = 'MyError'): GroupInfo[] {
  const groups: GroupInfo[] = [];
  forEachState(materialise(definition), (name, state) => {
    if (state.Type !== 'Parallel' || !Array.isArray(state.Branches) || state.Branches.length !== 1) return;
    let batchTask: string | undefined;
    let batchState: JsonObject | undefined;
    forEachState(state.Branches[0], (inner, s) => {
      if (s.Type === 'Task' && typeof s.Resource === 'string' && classifyResource(s.Resource).kind === 'batch') {
        batchTask = inner;
        batchState = s;
      }
    });
    if (batchTask === undefined || batchState === undefined) return;
    const request = isJsonObject(batchState.Parameters) ? batchState.Parameters : {};
    const strategy = isJsonObject(request.RetryStrategy) ? request.RetryStrategy.Attempts : undefined;
    groups.push({
      name,
      batchTask,
      next: typeof state.Next === 'string' ? state.Next : undefined,
      catchers: (Array.isArray(state.Catch) ? state.Catch : []).filter(isJsonObject).map((c) => ({
        errorEquals: (c.ErrorEquals as string[]) ?? [],
        next: c.Next as string,
        resultPath: 'ResultPath' in c ? (c.ResultPath as string | null) : undefined,
      })),
      groupRetries: retriesOn(state.Retry, jobError),
      taskAttempts: 1 + retriesOn(batchState.Retry, 'States.TaskFailed'),
      nativeAttempts: typeof strategy === 'number' ? strategy : 1,
    });
  });
  return groups;
}

export function groupNamed(definition: Json, name: string): GroupInfo {
  const group = batchGroupsOf(definition).find((g) => g.name === name);
  if (!group) throw new Error(`no batch group '${name}' in the definition`);
  return group;
}

// ---------------------------------------------------------------------------------------------
// Jobs and payloads

/** The key the test job appends its job name to: visible proof that the job's output travelled on. */
export const JOBS_KEY = 'wf-lint:jobs';

/** A job that transforms the payload: appends its job name to `payload[JOBS_KEY]`. */
export const markingJob: JobFn = (payload, ctx) => {
  if (!isJsonObject(payload)) throw new Error(`the job got a non-object payload: ${JSON.stringify(payload)}`);
  const done = Array.isArray(payload[JOBS_KEY]) ? payload[JOBS_KEY] : [];
  return { ...payload, [JOBS_KEY]: [...done, ctx.jobName] };
};

/** What `markingJob` makes of `payload` after the jobs `jobNames`, in order. */
export function marked(payload: JsonObject, ...jobNames: string[]): JsonObject {
  return { ...payload, [JOBS_KEY]: jobNames };
}

export const JOB_ERROR_LINE = 'MyError: boom';

// ---------------------------------------------------------------------------------------------
// The two properties of a fixed machine

function sortedJson(values: readonly Json[]): string[] {
  return values.map((v) => JSON.stringify(v)).sort();
}

/**
 * Runs `fixed` with `markingJob` and checks: SUCCEEDED; the batch groups entered are exactly
 * `groups`; every exit of a group is the object the job wrote to `url_out` (the payload, not a
 * one-element array), and is what the state after the group received.
 */
export async function expectFixedSucceeds(fixed: Json, input: Json, groups: readonly string[], world: Omit<WorldOptions, 'job'> = {}): Promise<RecordedRun> {
  const run = await runRecorded(fixed, input, { ...world, job: markingJob });
  expect({ status: run.status, error: run.error, cause: run.cause }).toEqual({ status: 'SUCCEEDED', error: undefined, cause: undefined });
  expectGroupsHandOn(run, fixed, groups);
  return run;
}

/**
 * The group half of `expectFixedSucceeds`, for a run whose status is judged elsewhere: the batch
 * groups entered are exactly `groups`, and each exit of each is the object its job wrote to
 * `url_out` (not an array), received by the state after the group.
 */
export function expectGroupsHandOn(run: RecordedRun, fixed: Json, groups: readonly string[]): void {
  const all = batchGroupsOf(fixed);
  expect(all.filter((g) => run.entered(g.name).length > 0).map((g) => g.name)).toEqual([...groups]);
  for (const name of groups) {
    const group = all.find((g) => g.name === name)!;
    const outputs = run.exited(name);
    const written = run.world.calls
      .filter((c) => c.kind === 'batch' && c.state === group.batchTask)
      .map((c) => run.world.getObject(((c.input as JsonObject).Parameters as JsonObject).url_out as string));
    expect({ group: name, exited: outputs.length > 0 }).toEqual({ group: name, exited: true });
    expect({ group: name, outputs: outputs.length, arrays: outputs.filter(Array.isArray).length }).toEqual({ group: name, outputs: written.length, arrays: 0 });
    expect({ group: name, outputs: sortedJson(outputs) }).toEqual({ group: name, outputs: sortedJson(written) });
    // ... and it is the job's transformation of the payload, not the payload handed in.
    const jobNames = new Set(run.world.calls.filter((c) => c.kind === 'batch' && c.state === group.batchTask).map((c) => c.target));
    for (const output of outputs) {
      const done = isJsonObject(output) && Array.isArray(output[JOBS_KEY]) ? output[JOBS_KEY] : [];
      expect({ group: name, lastJob: jobNames.has(String(done.at(-1))) }).toEqual({ group: name, lastJob: true });
    }
    if (group.next !== undefined) {
      const received = sortedJson(run.entered(group.next));
      for (const output of sortedJson(outputs)) expect({ after: name, next: group.next, received }).toEqual({ after: name, next: group.next, received: expect.arrayContaining([output]) });
    }
  }
}

export interface FailureExpectation {
  /** The batch group whose job fails first. */
  readonly group: string;
  /** Container runs of its Batch task (the literal, checked against the definition's Retry). */
  readonly jobRuns: number;
  /** Times the group runs per execution (Map items); default 1. */
  readonly groupEntries?: number;
}

/**
 * Runs `fixed` with a job whose last log line is `MyError: boom` and checks: the failing group's
 * job ran (attempts of its Batch task) x (1 + group Retry) times, all failed; then `MyError`
 * (post-batch's error, not `States.TaskFailed`) reaches the group's Catch target at the
 * catcher's ResultPath, or, with no catcher, fails the execution.
 */
export async function expectFixedFails(fixed: Json, input: Json, expected: FailureExpectation, world: Omit<WorldOptions, 'job'> = {}): Promise<RecordedRun> {
  const run = await runRecorded(fixed, input, { ...world, job: failingJob(JOB_ERROR_LINE) });
  const group = groupNamed(fixed, expected.group);
  const perEntry = group.taskAttempts * group.nativeAttempts * (1 + group.groupRetries);
  expect({ group: group.name, jobRuns: run.jobRunsOf(group.batchTask) }).toEqual({ group: group.name, jobRuns: expected.jobRuns });
  expect({ group: group.name, jobRuns: expected.jobRuns }).toEqual({ group: group.name, jobRuns: perEntry * (expected.groupEntries ?? 1) });
  expect(run.world.jobRuns.every((r) => r.status === 'FAILED')).toBe(true);
  // post-batch read the failed job's log every time and raised its error.
  const raised = run.world.calls.filter((c) => c.kind === 'post-batch' && isJsonObject(c.input) && 'error' in c.input);
  expect(raised).toHaveLength((1 + group.groupRetries) * (expected.groupEntries ?? 1));

  const catcher = group.catchers.find((c) => c.errorEquals.includes('MyError') || c.errorEquals.includes('States.ALL'));
  if (catcher === undefined) {
    expect({ status: run.status, error: run.error }).toEqual({ status: 'FAILED', error: 'MyError' });
  } else {
    const inputs = run.entered(catcher.next);
    expect({ catchTarget: catcher.next, entered: inputs.length }).toEqual({ catchTarget: catcher.next, entered: expected.groupEntries ?? 1 });
    for (const received of inputs) {
      const error = errorAt(received, catcher.resultPath);
      expect({ catchTarget: catcher.next, error: isJsonObject(error) ? error.Error : error }).toEqual({ catchTarget: catcher.next, error: 'MyError' });
      expect(JSON.parse((error as JsonObject).Cause as string)).toEqual({ errorMessage: 'boom', errorType: 'MyError' });
    }
  }
  return run;
}

/** Where a catcher put the error in the state input it produced. */
export function errorAt(received: Json, resultPath: string | null | undefined): Json | undefined {
  if (resultPath === undefined || resultPath === '$') return received;
  if (resultPath === null) return undefined;
  const m = /^\$\.([\w-]+)$/.exec(resultPath);
  if (!m) throw new Error(`ResultPath ${resultPath} not supported by the test helper`);
  return isJsonObject(received) ? received[m[1]] : undefined;
}

/** The error name a catcher delivered to `state` (every entry), for the original-vs-fixed contrast. */
export function errorsDelivered(run: RecordedRun, state: string, resultPath: string | null | undefined): (string | undefined)[] {
  return run.entered(state).map((input) => {
    const error = errorAt(input, resultPath);
    return isJsonObject(error) && typeof error.Error === 'string' ? error.Error : undefined;
  });
}

/** Runs both with `job` and requires the same status, error name and output (the success half of `expectSameBehaviour`). */
export async function expectSameSuccess(original: Json, fixed: Json, input: Json, job: JobFn = markingJob, world: Omit<WorldOptions, 'job'> = {}): Promise<{ original: RecordedRun; fixed: RecordedRun }> {
  const a = await runRecorded(original, input, { ...world, job });
  const b = await runRecorded(fixed, input, { ...world, job });
  expect({ workflow: 'fixed', ...outcomeSummary(b) }).toEqual({ workflow: 'fixed', ...outcomeSummary(a) });
  expect({ original: a.status, jobRan: a.world.jobRuns.length > 0 }).toEqual({ original: 'SUCCEEDED', jobRan: true });
  return { original: a, fixed: b };
}

/** A route that runs no Batch job: original and fixed must agree exactly, and no job may run. */
export async function expectSameWithoutBatch(original: Json, fixed: Json, input: Json, world: Omit<WorldOptions, 'job'> = {}): Promise<RecordedRun> {
  const a = await runRecorded(original, input, { ...world, job: markingJob });
  const b = await runRecorded(fixed, input, { ...world, job: markingJob });
  expect({ workflow: 'fixed', ...outcomeSummary(b) }).toEqual({ workflow: 'fixed', ...outcomeSummary(a) });
  expect([a.world.jobRuns.length, b.world.jobRuns.length]).toEqual([0, 0]);
  expect(b.world.calls.map((c) => `${c.kind}:${c.target}`)).toEqual(a.world.calls.map((c) => `${c.kind}:${c.target}`));
  return b;
}

// ---------------------------------------------------------------------------------------------
// Preparing definitions

/**
 * The original with `url_out.$: $.url_out` added next to every `url.$` of a Batch job's
 * Parameters: the one change `batch/require-payload-urls` makes on its own. Comparing it with
 * the fixed machine isolates the rest of the rewrite (group, moved catchers, group Retry).
 */
export function withPayloadUrls(definition: Json): Json {
  return derive(definition, (copy) => {
    addPayloadUrlOut(copy);
    return copy;
  });
}

function addPayloadUrlOut(copy: Json): void {
  forEachState(copy, (_, state) => {
    if (state.Type !== 'Task' || !isJsonObject(state.Parameters)) return;
    const resource = materialise({ StartAt: 't', States: { t: { Type: 'Task', Resource: state.Resource ?? null, End: true } } }) as JsonObject;
    const materialised = ((resource.States as JsonObject).t as JsonObject).Resource as string;
    if (classifyResource(materialised).kind !== 'batch') return;
    const job = state.Parameters.Parameters;
    if (isJsonObject(job) && 'url.$' in job && !('url_out.$' in job)) job['url_out.$'] = '$.url_out';
  });
}

/** Terraform `templatefile`: `${name}` -> value for the given names only (others stay). */
export function renderTemplate(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Za-z_][\w-]*)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : whole));
}

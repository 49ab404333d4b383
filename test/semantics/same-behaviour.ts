/**
 * `expectSameBehaviour(original, fixed, input, job)`: the "original vs fixed" proof for
 * `wf-lint --fix`. Both definitions run in fresh `ContractWorld`s twice: once with `job`
 * (which must succeed) and once with a failing job (default: its last log line is
 * `MyError: boom`). For each scenario the two outcomes must agree on status, error name and
 * output. A scenario in which no Batch job ran proves nothing, so that fails the expectation
 * too.
 *
 * Use it from a jest test (it calls `expect`):
 *
 *   const [original] = definitionsOf(before, 'wf.yml');
 *   const [fixed] = definitionsOf(after, 'wf.yml');
 *   await expectSameBehaviour(original, fixed, { id: 'x' }, (p) => ({ ...p, done: true }));
 */
import { ContractWorld, failingJob, type JobFn, type WorldOptions } from './contract-world';
import type { Json, JsonObject } from './materialise';
import { runWorkflow, type RunOutcome } from './run';

export interface SameBehaviourOptions {
  /** The job of the failure scenario. Default: `failingJob('MyError: boom')`. */
  readonly failingJob?: JobFn;
  /** Everything else the worlds hold (lambdas, services, per-name jobs, bucket). */
  readonly world?: Omit<WorldOptions, 'job'>;
  /** The succeeding job must make both workflows succeed. Default true. */
  readonly expectSuccess?: boolean;
  /** Compare outputs in the failure scenario too (matters when a Catch leads to a success). Default true. */
  readonly compareFailureOutput?: boolean;
  /** Compare error causes as well as names. Default false (causes carry job ids and attempts). */
  readonly compareCause?: boolean;
  /** Context Object for both runs. */
  readonly context?: JsonObject;
}

export interface ScenarioOutcomes {
  readonly original: RunOutcome;
  readonly fixed: RunOutcome;
}

export interface BehaviourComparison {
  readonly success: ScenarioOutcomes;
  readonly failure: ScenarioOutcomes;
}

/** What two runs must agree on. */
export function outcomeSummary(outcome: RunOutcome, options: { output?: boolean; cause?: boolean } = {}): JsonObject {
  const summary: JsonObject = { status: outcome.status };
  if (outcome.error !== undefined) summary.error = outcome.error;
  if (options.cause && outcome.cause !== undefined) summary.cause = outcome.cause;
  if (options.output !== false && outcome.output !== undefined) summary.output = outcome.output;
  return summary;
}

export async function expectSameBehaviour(
  original: unknown,
  fixed: unknown,
  input: Json,
  job: JobFn,
  options: SameBehaviourOptions = {},
): Promise<BehaviourComparison> {
  const run = (definition: unknown, scenarioJob: JobFn) =>
    runWorkflow(definition, input, new ContractWorld({ ...options.world, job: scenarioJob }), { context: options.context });

  const success: ScenarioOutcomes = { original: await run(original, job), fixed: await run(fixed, job) };
  const failJob = options.failingJob ?? failingJob();
  const failure: ScenarioOutcomes = { original: await run(original, failJob), fixed: await run(fixed, failJob) };

  const cause = options.compareCause ?? false;
  for (const [scenario, outcomes, output] of [
    ['succeeding job', success, true],
    ['failing job', failure, options.compareFailureOutput ?? true],
  ] as const) {
    const summary = (o: RunOutcome) => ({
      scenario,
      jobRan: o.world.jobRuns.length > 0,
      ...outcomeSummary(o, { output, cause }),
    });
    expect({ ...summary(outcomes.fixed), workflow: 'fixed' }).toEqual({ ...summary(outcomes.original), workflow: 'fixed' });
    expect({ scenario, workflow: 'original', jobRan: outcomes.original.world.jobRuns.length > 0 }).toEqual({
      scenario,
      workflow: 'original',
      jobRan: true,
    });
  }
  if (options.expectSuccess ?? true) {
    expect({ scenario: 'succeeding job', status: success.original.status, error: success.original.error }).toEqual({
      scenario: 'succeeding job',
      status: 'SUCCEEDED',
      error: undefined,
    });
  }
  expect({ scenario: 'failing job', failedJobRuns: failure.fixed.world.jobRuns.some((r) => r.status === 'FAILED') }).toEqual({
    scenario: 'failing job',
    failedJobRuns: true,
  });
  return { success, failure };
}

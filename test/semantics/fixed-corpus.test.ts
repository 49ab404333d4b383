/**
 * Semantics of `wf-lint --fix` on the real workflows: every reviewed fixed output in
 * test/fixtures/fix/real/ (the corpus files that --fix changes and 5 of the examples) runs in aws-local-stepfunctions against the contract world, next to its original
 * (read in place from ../shared/corpus/real or examples/).
 *
 * For every machine the harness can run, the FIXED machine is proved to
 *   (1) succeed with a job that transforms the payload, each batch group handing the job's
 *       output (what it wrote to `url_out`, not a one-element array) to the state after it;
 *   (2) turn a failing job (last log line `MyError: boom`) into the error `MyError`, raised by
 *       post-batch after (attempts of the Batch task) x (1 + group Retry MaxAttempts) job runs,
 *       delivered to the group's Catch target (or failing the execution when there is none).
 * and the ORIGINAL is compared with it: the same behaviour where the original honours the
 * contract's data flow, else the difference the fix makes, asserted and explained.
 *
 * What the originals have in common: no Cirrus original in the corpus passes `url_out` (#1–#8),
 * so under the contract their jobs cannot write an output at all (the job log ends with
 * `PayloadUrlMissing`). To prove the rest of the rewrite (group, moved Catchers, group Retry,
 * post-batch placement), each of them is also compared with `withPayloadUrls(original)`: the
 * original plus the single `url_out.$: $.url_out` line that `batch/require-payload-urls` adds.
 *
 * Routing: the Cirrus Choice states read `$.process.tasks.<task>.batch`; `cirrus(...)` builds
 * payloads that send each task to its Batch branch (`true`) or Lambda branch (`false`).
 *
 * Skipped (asserted in 'the skip list' below, so a new refusal shows up as a failure):
 * - ssfve__awsProject__OptionsArchive__stepfunctionsdefinition.asl, machine 0: its first state
 *   'Generate batch job input' is `arn:aws:states:::lambda:invoke` with no `Parameters` at all
 *   (no FunctionName, no Payload), so the world cannot tell which function runs or what it
 *   gets. The Map that follows is proved on its own ('the Map state alone'), input given.
 * - (no fixture) Element84__…first-workflow-example__state-machine.json (#9): compliant, so
 *   `--fix` leaves it unchanged (wrap-real.test.ts asserts that); its
 *   `sqs:sendMessage.waitForTaskToken` state reads `$$.Task.Token`, which the interpreter does
 *   not support. The .txt fragment (#10) is not a state machine.
 *
 * A fixer bug these tests found, now fixed: the wrap inserted a pre-batch in front of Batch
 * tasks whose request reads the workflow payload by path (`Parameters.$: $.batch_input`,
 * `JobName.$: $.isaac.JobName`, `Value.$: $.detail.bucket.name`, …); inside the group their
 * input is pre-batch's `{url, url_out}`, so every such path failed with `States.Runtime` before
 * any job ran. Those files (#12–#16, #18–#20, #22) now come out of --fix unchanged; see
 * 'Batch tasks that read the workflow payload by path' below.
 *
 * Retry amplification (not a bug by DESIGN §1, which keeps the Batch task's own settings, but a
 * behaviour change users should know): a Batch task's own `Retry` on `States.TaskFailed` /
 * `States.ALL` is kept inside the group and multiplies with the group Retry, e.g. the
 * earth-search mirror job runs 4 times before the fix and 12 after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { failingJob, HarnessError, type JobFn } from './contract-world';
import {
  batchGroupsOf,
  derive,
  errorsDelivered,
  expectFixedFails,
  expectFixedSucceeds,
  expectGroupsHandOn,
  expectSameSuccess,
  expectSameWithoutBatch,
  JOB_ERROR_LINE,
  JOBS_KEY,
  marked,
  markingJob,
  renderTemplate,
  runRecorded,
  withPayloadUrls,
  type RecordedRun,
} from './fixed-support';
import { machinesOf } from './load';
import { isJsonObject, type Json, type JsonObject } from './materialise';
import { acceptedByAslValidator, runWorkflow } from './run';
import { expectSameBehaviour } from './same-behaviour';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/real');
const FIXTURES = path.join(ROOT, 'test/fixtures/fix/real');

/** Where the original of a fixture lives (examples as `examples__<path with "/" as "__">`). */
function originalPathOf(fixture: string): string {
  return fixture.startsWith('examples__')
    ? path.join(ROOT, 'examples', ...fixture.slice('examples__'.length).split('__'))
    : path.join(CORPUS, fixture);
}

interface Pair {
  readonly fixture: string;
  readonly original: Json;
  readonly fixed: Json;
}

/** Every (fixture, machine) a describe block below takes on; checked against the directory. */
const covered = new Map<string, { input: Json; skip?: RegExp; world?: object }>();

/**
 * Terraform `templatefile` variables, rendered in both the original and the fixed text before
 * parsing. `${batch_arn}` is the whole Batch Resource in pipeline-choice.json: it is the `.sync`
 * integration, which the file is deployed with (without rendering it the harness would take it
 * for a Lambda function named `batch`).
 */
const RENDER: Record<string, Record<string, string>> = {
  'azavea__nasa-hyperspectral__deployment__terraform__step-functions__pipeline-choice.json': {
    batch_arn: 'arn:aws:states:::batch:submitJob.sync',
    queue: 'hyperspectral-queue',
    activator_name: 'activator',
    cog_clip_name: 'cog_clip',
  },
  'azavea__nasa-hyperspectral__deployment__terraform__step-functions__pipeline.json': { queue: 'hyperspectral-queue' },
};

const parsed = new Map<string, { original: Json[]; fixed: Json[] }>();

/** Machine `index` of a fixture and of its original, parsed with the project's parser (once per file). */
function pair(fixture: string, index = 0, render: Readonly<Record<string, string>> = RENDER[fixture] ?? {}): Pair {
  const key = `${fixture}\n${JSON.stringify(render)}`;
  let machines = parsed.get(key);
  if (machines === undefined) {
    const originalPath = originalPathOf(fixture);
    const original = machinesOf(renderTemplate(fs.readFileSync(originalPath, 'utf8'), render), originalPath).map((m) => m.definition);
    const fixed = machinesOf(renderTemplate(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'), render), originalPath).map((m) => m.definition);
    if (original.length !== fixed.length) throw new Error(`${fixture}: ${original.length} machines before --fix, ${fixed.length} after`);
    machines = { original, fixed };
    parsed.set(key, machines);
  }
  return { fixture, original: machines.original[index], fixed: machines.fixed[index] };
}

function register(p: Pair, index: number, input: Json, extra: { skip?: RegExp; world?: object } = {}): void {
  covered.set(`${p.fixture}#${index}`, { input, ...extra });
}

// ---------------------------------------------------------------------------------------------
// Payloads

const ITEM_ID = 'sentinel-2-l2a/workflow-test/S2B_10TFK_20210713_0_L2A';

/** A Cirrus process payload routing each task to its Batch (`true`) or Lambda (`false`) branch. */
function cirrus(tasks: Record<string, boolean | 'absent'>): JsonObject {
  return {
    type: 'FeatureCollection',
    id: ITEM_ID,
    features: [{ type: 'Feature', id: 'S2B_10TFK_20210713_0_L2A', properties: {}, assets: { B01: { href: 's3://src/B01.tif' } } }],
    process: {
      workflow: 'test',
      tasks: Object.fromEntries(Object.entries(tasks).map(([task, batch]): [string, JsonObject] => [task, batch === 'absent' ? {} : { batch }])),
    },
  };
}

/** The last log line of every job run, in order. */
function lastLogLines(run: RecordedRun): (string | undefined)[] {
  return run.world.jobRuns.map((r) => run.world.logs.get(r.logStreamName)?.at(-1));
}

const failing: JobFn = failingJob(JOB_ERROR_LINE);

// =============================================================================================
// Cirrus workflows

describe('#1 cirrus-geo v0.1 workflows/cog-archive: flat triad (catch skips post-batch) + convert-to-cog with no post-batch; no url_out', () => {
  const p = pair('cirrus-geo__cirrus-geo__workflows__cog-archive__definition.yml');
  const both = cirrus({ 'copy-assets': true, 'convert-to-cog': true });
  const copyOnly = cirrus({ 'copy-assets': true, 'convert-to-cog': false });
  const convertOnly = cirrus({ 'copy-assets': false, 'convert-to-cog': true });
  register(p, 0, both);

  it('fixed: both tasks in Batch -> SUCCEEDED, each group hands its job output to the next state', async () => {
    const run = await expectFixedSucceeds(p.fixed, both, ['copy-assets-group', 'convert-to-cog-group']);
    expect(run.output).toEqual(marked(both, 'copy-assets-batch', 'convert-to-cog-batch'));
  });

  it('fixed: failing copy-assets job -> 1 + 2 group attempts, MyError reaches workflow-failed, then failure', async () => {
    const run = await expectFixedFails(p.fixed, both, { group: 'copy-assets-group', jobRuns: 3 });
    expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    expect(run.trace.slice(-2)).toEqual(['workflow-failed', 'failure']);
  });

  it('fixed: failing convert-to-cog job -> its kept Retry (TaskFailed x3) times 1 + 2 group attempts = 12 runs', async () => {
    await expectFixedFails(p.fixed, convertOnly, { group: 'convert-to-cog-group', jobRuns: 12 });
  });

  it('original differs: with no url_out the job cannot write its output, and the catch skips post-batch', async () => {
    const run = await runRecorded(p.original, both, { job: markingJob });
    expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    expect(lastLogLines(run)).toEqual([expect.stringMatching(/^PayloadUrlMissing: .*url_out/)]);
    expect(run.trace).not.toContain('copy-assets-post-batch');
    expect(errorsDelivered(run, 'workflow-failed', '$.error')).toEqual(['States.TaskFailed']);
  });

  it('original differs on a failing job: post-batch never reads the log, so workflow-failed gets States.TaskFailed, not MyError', async () => {
    const original = await runRecorded(p.original, both, { job: failing });
    const fixed = await runRecorded(p.fixed, both, { job: failing });
    expect(errorsDelivered(original, 'workflow-failed', '$.error')).toEqual(['States.TaskFailed']);
    expect(errorsDelivered(fixed, 'workflow-failed', '$.error')).toEqual(['MyError']);
    // The original's convert-to-cog job retries on its own; the fix keeps that Retry under the group's.
    const convert = await runRecorded(p.original, convertOnly, { job: failing });
    expect(convert.world.jobRuns).toHaveLength(4);
  });

  it('original + url_out only: the copy-assets triad behaves like its group on success', async () => {
    await expectSameSuccess(withPayloadUrls(p.original), p.fixed, copyOnly);
  });

  it('original + url_out only: convert-to-cog has no post-batch, so publish gets the Batch job description instead of the payload', async () => {
    const run = await runRecorded(withPayloadUrls(p.original), convertOnly, { job: markingJob });
    expect(run.status).toBe('SUCCEEDED');
    const published = run.entered('publish')[0] as JsonObject;
    expect(published).toMatchObject({ Status: 'SUCCEEDED', JobName: 'convert-to-cog-batch' });
    expect(published[JOBS_KEY]).toBeUndefined();
    const fixed = await expectFixedSucceeds(p.fixed, convertOnly, ['convert-to-cog-group']);
    expect(fixed.entered('publish')).toEqual([marked(convertOnly, 'convert-to-cog-batch')]);
  });

  it('the Lambda route is untouched', async () => {
    await expectSameWithoutBatch(p.original, p.fixed, cirrus({ 'copy-assets': false, 'convert-to-cog': false }));
  });
});

describe('#2 cirrus-geo v0.1 workflows/mirror-with-preview: flat triad (catch skips post-batch) + add-preview with no post-batch; no Retry; no url_out', () => {
  const p = pair('cirrus-geo__cirrus-geo__workflows__mirror-with-preview__definition.yml');
  const both = cirrus({ 'copy-assets': true, 'add-preview': true });
  const copyOnly = cirrus({ 'copy-assets': true, 'add-preview': false });
  const previewOnly = cirrus({ 'copy-assets': false, 'add-preview': true });
  register(p, 0, both);

  it('fixed: both tasks in Batch -> SUCCEEDED, payload flows through both groups', async () => {
    const run = await expectFixedSucceeds(p.fixed, both, ['copy-assets-group', 'add-preview-group']);
    expect(run.output).toEqual(marked(both, 'copy-assets-batch', 'add-preview-batch'));
  });

  it('fixed: failing job -> 1 + 2 group attempts (the original had no Retry at all), MyError reaches workflow-failed', async () => {
    const run = await expectFixedFails(p.fixed, both, { group: 'copy-assets-group', jobRuns: 3 });
    expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    await expectFixedFails(p.fixed, previewOnly, { group: 'add-preview-group', jobRuns: 3 });
  });

  it('original differs: no url_out (PayloadUrlMissing), and a failing job reaches workflow-failed as States.TaskFailed after 1 run', async () => {
    const ok = await runRecorded(p.original, both, { job: markingJob });
    expect(ok).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    expect(lastLogLines(ok)).toEqual([expect.stringMatching(/^PayloadUrlMissing: /)]);
    const failed = await runRecorded(p.original, both, { job: failing });
    expect(failed.world.jobRuns).toHaveLength(1);
    expect(errorsDelivered(failed, 'workflow-failed', '$.error')).toEqual(['States.TaskFailed']);
  });

  it('original + url_out only: copy-assets behaves like its group; add-preview (no post-batch) hands on the job description', async () => {
    await expectSameSuccess(withPayloadUrls(p.original), p.fixed, copyOnly);
    const run = await runRecorded(withPayloadUrls(p.original), previewOnly, { job: markingJob });
    expect(run.entered('publish')[0]).toMatchObject({ Status: 'SUCCEEDED', JobName: 'add-preview-batch' });
  });

  it('the Lambda route is untouched', async () => {
    await expectSameWithoutBatch(p.original, p.fixed, cirrus({ 'copy-assets': false, 'add-preview': false }));
  });
});

describe('#3 cirrus-geo v0.5/v0.6 builtin cog-archive: two flat triads, catch -> post-batch, post-batch without Catch; no url_out', () => {
  const p = pair('cirrus-geo__cirrus-geo__src__cirrus__builtins__workflows__cog-archive__definition.yml');
  const both = cirrus({ 'copy-assets': true, 'convert-to-cog': true });
  const convertOnly = cirrus({ 'copy-assets': false, 'convert-to-cog': true });
  register(p, 0, both);

  it('fixed: both tasks in Batch -> SUCCEEDED, payload flows through both groups', async () => {
    const run = await expectFixedSucceeds(p.fixed, both, ['copy-assets-group', 'convert-to-cog-group']);
    expect(run.output).toEqual(marked(both, 'copy-assets-batch', 'convert-to-cog-batch'));
  });

  it('fixed: failing jobs -> MyError reaches failure after 3 runs (copy-assets) / 3 x 3 = 9 runs (convert-to-cog keeps Retry TaskFailed x2)', async () => {
    const run = await expectFixedFails(p.fixed, both, { group: 'copy-assets-group', jobRuns: 3 });
    expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    await expectFixedFails(p.fixed, convertOnly, { group: 'convert-to-cog-group', jobRuns: 9 });
  });

  it('original differs: with no url_out the job fails (PayloadUrlMissing) and post-batch raises that instead of returning the output', async () => {
    const run = await runRecorded(p.original, both, { job: markingJob });
    expect(run).toMatchObject({ status: 'FAILED', error: 'PayloadUrlMissing' });
    expect(run.trace).toContain('copy-assets-post-batch');
  });

  it('original + url_out only: same success behaviour as the fixed machine', async () => {
    await expectSameSuccess(withPayloadUrls(p.original), p.fixed, both);
    await expectSameSuccess(withPayloadUrls(p.original), p.fixed, convertOnly);
  });

  it('failure differs by design: post-batch had no Catch (MyError failed the execution); the group Catch (moved from pre-batch) now sends it to `failure`', async () => {
    // DESIGN §1 / issue 3: "the group's Catch targets the scope's Fail state when there is one".
    // The execution still fails, now through the bare `failure` Fail state (no Error, so the
    // interpreter reports FailStateError), with MyError in that state's input at $.error.
    const original = await runRecorded(withPayloadUrls(p.original), both, { job: failing });
    expect(original).toMatchObject({ status: 'FAILED', error: 'MyError' });
    expect(original.world.jobRuns).toHaveLength(1);
    const fixed = await runRecorded(p.fixed, both, { job: failing });
    expect(fixed).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    expect(errorsDelivered(fixed, 'failure', '$.error')).toEqual(['MyError']);
  });

  it('the Lambda route (batch flag absent or false) is untouched', async () => {
    await expectSameWithoutBatch(p.original, p.fixed, cirrus({ 'copy-assets': 'absent', 'convert-to-cog': false }));
  });
});

/** #4, #5 and examples/cirrus/mirror: catch -> post-batch, post-batch Catch -> failure. */
function cirrusCatchToPostBatch(fixture: string, tasks: readonly string[], jobRuns: Record<string, number>): void {
  const p = pair(fixture);
  const all = cirrus(Object.fromEntries(tasks.map((t) => [t, true])));
  const onlyBatch = (task: string) => cirrus(Object.fromEntries(tasks.map((t) => [t, t === task])));
  register(p, 0, all);

  it(`fixed: ${tasks.join(' + ')} in Batch -> SUCCEEDED, payload flows through every group`, async () => {
    const run = await expectFixedSucceeds(p.fixed, all, tasks.map((t) => `${t}-group`));
    expect(run.output).toEqual(marked(all, ...tasks.map((t) => `${t}-batch`)));
  });

  for (const task of tasks) {
    it(`fixed: failing ${task} job -> ${jobRuns[task]} runs, MyError reaches failure`, async () => {
      const run = await expectFixedFails(p.fixed, onlyBatch(task), { group: `${task}-group`, jobRuns: jobRuns[task] });
      expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    });
  }

  it('original differs: with no url_out the job fails (PayloadUrlMissing), which post-batch raises and failure receives', async () => {
    const run = await runRecorded(p.original, all, { job: markingJob });
    expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    expect(errorsDelivered(run, 'failure', '$.error')).toEqual(['PayloadUrlMissing']);
  });

  it('original + url_out only: the same behaviour as the fixed machine, job succeeding or failing', async () => {
    for (const task of tasks) {
      const { failure } = await expectSameBehaviour(withPayloadUrls(p.original), p.fixed, onlyBatch(task), markingJob);
      // Both deliver MyError to failure; the group multiplies the attempts.
      const original = await runRecorded(withPayloadUrls(p.original), onlyBatch(task), { job: failing });
      expect(errorsDelivered(original, 'failure', '$.error')).toEqual(['MyError']);
      expect(failure.fixed.world.jobRuns.length).toBe(failure.original.world.jobRuns.length * 3);
    }
  });

  it('the Lambda route is untouched', async () => {
    await expectSameWithoutBatch(p.original, p.fixed, cirrus(Object.fromEntries(tasks.map((t) => [t, false]))));
  });
}

describe('#4 cirrus-geo v0.5/v0.6 builtin mirror: flat triad behind a Choice, catch -> post-batch -> failure; no url_out', () => {
  // copy-assets-batch keeps Retry [Batch.AWSBatchException, States.TaskFailed] x3: 4 x 3 runs.
  cirrusCatchToPostBatch('cirrus-geo__cirrus-geo__src__cirrus__builtins__workflows__mirror__definition.yml', ['copy-assets'], { 'copy-assets': 12 });
});

describe('#5 cirrus-geo v0.5/v0.6 builtin mirror-with-preview: two flat triads, catch -> post-batch -> failure; no url_out', () => {
  cirrusCatchToPostBatch('cirrus-geo__cirrus-geo__src__cirrus__builtins__workflows__mirror-with-preview__definition.yml', ['copy-assets', 'add-preview'], {
    'copy-assets': 12,
    'add-preview': 12,
  });
});

describe('examples/cirrus/mirror: flat triad, catch -> post-batch -> failure; no url_out', () => {
  const fixture = 'examples__cirrus__mirror__definition.yml';
  const p = pair(fixture);
  // No Choice here: the triad is the start state.
  const payload = cirrus({});
  register(p, 0, payload);

  it('fixed: SUCCEEDED, the group hands the job output to publish', async () => {
    const run = await expectFixedSucceeds(p.fixed, payload, ['copy-assets-group']);
    expect(run.output).toEqual(marked(payload, 'copy-assets-batch'));
  });

  it('fixed: failing job -> 1 + 2 group attempts, MyError reaches failure', async () => {
    await expectFixedFails(p.fixed, payload, { group: 'copy-assets-group', jobRuns: 3 });
  });

  it('original differs: no url_out, so failure receives PayloadUrlMissing', async () => {
    const run = await runRecorded(p.original, payload, { job: markingJob });
    expect(errorsDelivered(run, 'failure', '$.error')).toEqual(['PayloadUrlMissing']);
  });

  it('original + url_out only: the same behaviour, job succeeding or failing (1 run before, 3 after)', async () => {
    const { failure } = await expectSameBehaviour(withPayloadUrls(p.original), p.fixed, payload, markingJob);
    expect([failure.original.world.jobRuns.length, failure.fixed.world.jobRuns.length]).toEqual([1, 3]);
  });
});

/** #6–#8: earth-search (cirrus v0.3/0.4 fork): catch -> workflow-failed, skipping post-batch. */
function earthSearch(fixture: string, tasks: readonly string[], jobRuns: Record<string, number>, originalRuns: Record<string, number>): void {
  const p = pair(fixture);
  const all = cirrus(Object.fromEntries(tasks.map((t) => [t, true])));
  const onlyBatch = (task: string) => cirrus(Object.fromEntries(tasks.map((t) => [t, t === task])));
  register(p, 0, all);

  it(`fixed: ${tasks.join(' + ')} in Batch -> SUCCEEDED, payload flows through every group`, async () => {
    const run = await expectFixedSucceeds(p.fixed, all, tasks.map((t) => `${t}-group`));
    expect(run.output).toEqual(marked(all, ...tasks.map((t) => `${t}-batch`)));
  });

  for (const task of tasks) {
    it(`fixed: failing ${task} job -> ${jobRuns[task]} runs, MyError reaches workflow-failed, then failure`, async () => {
      const run = await expectFixedFails(p.fixed, onlyBatch(task), { group: `${task}-group`, jobRuns: jobRuns[task] });
      expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    });

    it(`original differs on a failing ${task} job: the catch skips post-batch, so workflow-failed gets States.TaskFailed (after ${originalRuns[task]} run${originalRuns[task] === 1 ? '' : 's'})`, async () => {
      const original = await runRecorded(p.original, onlyBatch(task), { job: failing });
      expect(original.trace).not.toContain(`${task}-post-batch`);
      expect(errorsDelivered(original, 'workflow-failed', '$.error')).toEqual(['States.TaskFailed']);
      expect(original.world.jobRuns).toHaveLength(originalRuns[task]);
    });
  }

  it('original differs: no url_out, so even a succeeding job ends in workflow-failed (States.TaskFailed)', async () => {
    const run = await runRecorded(p.original, all, { job: markingJob });
    expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    expect(lastLogLines(run).at(-1)).toMatch(/^PayloadUrlMissing: /);
    expect(errorsDelivered(run, 'workflow-failed', '$.error')).toEqual(['States.TaskFailed']);
  });

  it('original + url_out only: the same success behaviour as the fixed machine', async () => {
    await expectSameSuccess(withPayloadUrls(p.original), p.fixed, all);
  });

  it('the Lambda route is untouched', async () => {
    await expectSameWithoutBatch(p.original, p.fixed, cirrus(Object.fromEntries(tasks.map((t) => [t, false]))));
  });
}

describe('#6 earth-search cog-archive: two triads, catch -> workflow-failed, post-batch without Catch; no url_out', () => {
  // copy-assets-batch: Retry on Batch.AWSBatchException only -> 1 x 3; convert-to-cog-batch: Retry TaskFailed x2 kept -> 3 x 3.
  earthSearch('cirrus-geo__cirrus-earth-search__workflows__cog-archive__definition.yml', ['copy-assets', 'convert-to-cog'], { 'copy-assets': 3, 'convert-to-cog': 9 }, {
    'copy-assets': 1,
    'convert-to-cog': 3,
  });
});

describe('#7 earth-search mirror: one triad, catch -> workflow-failed; no url_out', () => {
  // copy-assets-batch: Retry [Batch.AWSBatchException, States.TaskFailed] x3 kept -> 4 x 3.
  earthSearch('cirrus-geo__cirrus-earth-search__workflows__mirror__definition.yml', ['copy-assets'], { 'copy-assets': 12 }, { 'copy-assets': 4 });
});

describe('#8 earth-search mirror-with-preview: two triads, catch -> workflow-failed; no url_out', () => {
  earthSearch('cirrus-geo__cirrus-earth-search__workflows__mirror-with-preview__definition.yml', ['copy-assets', 'add-preview'], { 'copy-assets': 12, 'add-preview': 12 }, {
    'copy-assets': 4,
    'add-preview': 4,
  });
});

// =============================================================================================
// Non-Cirrus workflows whose Batch request does not read the payload: the fix makes them work

/** #11 and #21: one Batch task, Retry States.ALL x2 and Catch -> Notify Failure (no ResultPath), SNS notifications. */
function notifyOnCompletion(fixture: string, original: (p: Pair) => void): void {
  const p = pair(fixture);
  const payload = { id: 'notify-1', scene: 'S2B_10TFK_20210713_0_L2A' };
  register(p, 0, payload);

  it('fixed: SUCCEEDED, the group hands the job output to Notify Success', async () => {
    const run = await expectFixedSucceeds(p.fixed, payload, ['Submit Batch Job-group']);
    expect(run.trace.at(-1)).toBe('Notify Success');
  });

  it('fixed: failing job -> kept task Retry (States.ALL x2) x (1 + 2) group attempts = 9 runs; Notify Failure gets MyError', async () => {
    const run = await expectFixedFails(p.fixed, payload, { group: 'Submit Batch Job-group', jobRuns: 9 });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.trace.at(-1)).toBe('Notify Failure');
  });

  original(p);
}

describe('#11 step-functions-workflows-collection synchronous-job: naked .sync Batch task, no pre/post-batch, no url', () => {
  notifyOnCompletion('aws-samples__step-functions-workflows-collection__synchronous-job__statemachine__statemachine.asl.json', (p) => {
    const payload = { id: 'notify-1', scene: 'S2B_10TFK_20210713_0_L2A' };
    it('original differs: the request passes no url, so the job cannot find a payload and every run ends in Notify Failure', async () => {
      const run = await runRecorded(p.original, payload, { job: markingJob });
      expect(run).toMatchObject({ status: 'SUCCEEDED' });
      expect(run.trace).toEqual(['Submit Batch Job', 'Notify Failure']);
      expect(lastLogLines(run)).toEqual(Array(3).fill(expect.stringMatching(/^PayloadUrlMissing: .* url$/)));
    });

    it('original differs on a failing job: no post-batch reads the log, so Notify Failure gets States.TaskFailed after 3 runs', async () => {
      const run = await runRecorded(p.original, payload, { job: failing });
      expect(errorsDelivered(run, 'Notify Failure', undefined)).toEqual(['States.TaskFailed']);
      expect(run.world.jobRuns).toHaveLength(3);
    });
  });
});

describe('#21 the-aws-step-functions-workshop module_3 (CloudFormation !Sub): submitJob without .sync', () => {
  notifyOnCompletion('aws-samples__the-aws-step-functions-workshop__static__resources__module_3.yml', (p) => {
    const payload = { id: 'notify-1', scene: 'S2B_10TFK_20210713_0_L2A' };
    it('original differs: submitJob returns at once, the job only queues, and Notify Success fires whether or not the job will fail', async () => {
      for (const job of [markingJob, failing]) {
        const run = await runRecorded(p.original, payload, { job });
        expect(run).toMatchObject({ status: 'SUCCEEDED' });
        expect(run.trace).toEqual(['Submit Batch Job', 'Notify Success']);
        expect(run.world.jobRuns).toEqual([]);
        expect(run.world.pendingJobs).toHaveLength(1);
      }
    });
  });
});

// =============================================================================================
// Examples whose original already honours the data flow, or nearly

describe('examples/cloudformation/template.yaml: compliant flat triad in a DefinitionString (url and url_out passed)', () => {
  const p = pair('examples__cloudformation__template.yaml');
  const payload = cirrus({});
  register(p, 0, payload);

  it('fixed: SUCCEEDED, the group (End) outputs the job output', async () => {
    const run = await expectFixedSucceeds(p.fixed, payload, ['copy-assets-group']);
    expect(run.output).toEqual(marked(payload, 'copy-assets'));
  });

  it('fixed: failing job -> 1 + 2 group attempts, no Catch: the execution fails with MyError', async () => {
    await expectFixedFails(p.fixed, payload, { group: 'copy-assets-group', jobRuns: 3 });
  });

  it('original: the same behaviour, job succeeding or failing (the group only adds attempts: 1 run before, 3 after)', async () => {
    const { success, failure } = await expectSameBehaviour(p.original, p.fixed, payload, markingJob);
    expect(success.original.output).toEqual(marked(payload, 'copy-assets'));
    expect(failure.original).toMatchObject({ status: 'FAILED', error: 'MyError' });
    expect([failure.original.world.jobRuns.length, failure.fixed.world.jobRuns.length]).toEqual([1, 3]);
  });
});

describe('examples/serverless/serverless.yml: two machines', () => {
  const payload = cirrus({});

  describe('mirror (compliant group, left unchanged by --fix)', () => {
    const p = pair('examples__serverless__serverless.yml', 0);
    register(p, 0, payload);

    it('the definition is unchanged', () => {
      expect(p.fixed).toEqual(p.original);
    });

    it('fixed: SUCCEEDED through the group; failing job -> 3 runs, MyError reaches failure', async () => {
      await expectFixedSucceeds(p.fixed, payload, ['copy-assets-group']);
      await expectFixedFails(p.fixed, payload, { group: 'copy-assets-group', jobRuns: 3 });
    });

    it('original: the same behaviour', async () => {
      await expectSameBehaviour(p.original, p.fixed, payload, markingJob);
    });
  });

  describe('cog-archive (group without OutputPath and without Retry)', () => {
    const p = pair('examples__serverless__serverless.yml', 1);
    register(p, 1, payload);

    it('fixed: SUCCEEDED, publish gets the payload; failing job -> 1 + 2 attempts, MyError reaches failure', async () => {
      const run = await expectFixedSucceeds(p.fixed, payload, ['convert-to-cog-group']);
      expect(run.entered('publish')).toEqual([marked(payload, 'convert-to-cog')]);
      await expectFixedFails(p.fixed, payload, { group: 'convert-to-cog-group', jobRuns: 3 });
    });

    it('original differs: without OutputPath $[0] publish gets a one-element array; a failing job runs once', async () => {
      const run = await runRecorded(p.original, payload, { job: markingJob });
      expect(run.status).toBe('SUCCEEDED');
      expect(run.entered('publish')).toEqual([[marked(payload, 'convert-to-cog')]]);
      const failed = await runRecorded(p.original, payload, { job: failing });
      expect(failed.world.jobRuns).toHaveLength(1);
      expect(errorsDelivered(failed, 'failure', '$.error')).toEqual(['MyError']);
    });
  });
});

describe('examples/asl-json/flat-triad.asl.json: lambda:invoke pre-batch, native RetryStrategy 3, catch skips post-batch, no url_out', () => {
  const p = pair('examples__asl-json__flat-triad.asl.json');
  const payload = cirrus({});
  register(p, 0, payload);

  it('fixed: SUCCEEDED, the group hands the job output to publish', async () => {
    const run = await expectFixedSucceeds(p.fixed, payload, ['copy-assets-group']);
    expect(run.trace.at(-1)).toBe('success');
    expect(run.output).toEqual(marked(payload, 'copy-assets'));
  });

  it('fixed: failing job -> RetryStrategy.Attempts 3 became group MaxAttempts 2: still 3 runs; MyError reaches failure', async () => {
    const run = await expectFixedFails(p.fixed, payload, { group: 'copy-assets-group', jobRuns: 3 });
    expect(run).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    expect(batchGroupsOf(p.fixed)[0].nativeAttempts).toBe(1);
  });

  it('original differs: no url_out (3 native attempts, all PayloadUrlMissing); a failing job reaches failure as States.TaskFailed', async () => {
    const ok = await runRecorded(p.original, payload, { job: markingJob });
    expect(ok).toMatchObject({ status: 'FAILED', error: 'FailStateError' });
    expect(lastLogLines(ok)).toEqual(Array(3).fill(expect.stringMatching(/^PayloadUrlMissing: /)));
    const failed = await runRecorded(p.original, payload, { job: failing });
    expect(failed.world.jobRuns).toHaveLength(3);
    expect(failed.trace).not.toContain('copy-assets-post-batch');
    expect(errorsDelivered(failed, 'failure', '$.error')).toEqual(['States.TaskFailed']);
  });

  it('original + url_out only: the same success behaviour, and as many job runs on failure (native 3 = group 1 + 2)', async () => {
    await expectSameSuccess(withPayloadUrls(p.original), p.fixed, payload);
    const original = await runRecorded(withPayloadUrls(p.original), payload, { job: failing });
    const fixed = await runRecorded(p.fixed, payload, { job: failing });
    expect([original.world.jobRuns.length, fixed.world.jobRuns.length]).toEqual([3, 3]);
    expect([original.status, original.error]).toEqual([fixed.status, fixed.error]);
  });
});

// =============================================================================================
// Batch tasks that read the workflow payload by path: --fix does not wrap them
//
// A new pre-batch replaces the Batch task's input with `{url, url_out}`. A task whose SubmitJob
// request reads anything else from its input (`Parameters.$`, `JobName.$`, `Command.$`,
// `Value.$: $.detail.bucket.name`, …) would then fail with `States.Runtime` before submitting
// the job (an earlier version of the fix did exactly that; these cases pinned it). The fix now
// refuses (fixes/batch-members.ts `inputIsOnlyPayloadUrls`), and require-payload-urls offers no
// `$.url` while no pre-batch leads to the task: these files come out of --fix unchanged, with
// their reports left for the user. Each case checks that, and that the original still gets as
// far as submitting its job in the contract world (its own paths resolve).

interface UnwrappedCase {
  readonly fixture: string;
  readonly index?: number;
  readonly world?: { lambdas?: Record<string, (e: Json) => Json> };
  /** Routes into the Batch task(s); valid for the original (its own paths resolve). */
  readonly input: Json;
  /** A path the Batch task reads from its input, which a new pre-batch would hide. */
  readonly readsPath: string;
  /** What the original does in the contract world. */
  readonly original: { readonly status: 'SUCCEEDED' | 'FAILED'; readonly error?: string; readonly note: string };
}

/** Machine `index` of a corpus file that --fix leaves unchanged. */
function originalOnly(fixture: string, index: number): Json {
  const file = originalPathOf(fixture);
  return machinesOf(renderTemplate(fs.readFileSync(file, 'utf8'), RENDER[fixture] ?? {}), file)[index].definition;
}

function leftUnwrapped(c: UnwrappedCase): void {
  const world = c.world ?? {};

  it(`--fix leaves it unchanged (no fixture): a new pre-batch would hide ${c.readsPath} from the Batch task`, () => {
    expect(fs.existsSync(path.join(FIXTURES, c.fixture))).toBe(false);
  });

  it(`original: ${c.original.note}`, async () => {
    const run = await runRecorded(originalOnly(c.fixture, c.index ?? 0), c.input, { ...world, job: markingJob });
    expect({ status: run.status, error: run.error }).toEqual({ status: c.original.status, error: c.original.error });
    expect(run.world.calls.filter((call) => call.kind === 'batch').length).toBeGreaterThan(0);
    expect(JSON.stringify(run.world.calls)).not.toContain('States.Runtime');
  });
}

describe('#12 step-functions-workflows-collection batch-lambda-sam: Lambda builds the job Parameters ($.batch_input)', () => {
  leftUnwrapped({
    fixture: 'aws-samples__step-functions-workflows-collection__batch-lambda-sam__statemachine__statemachine.asl.json',
    world: { lambdas: { GenerateBatchJob: () => ({ input_uri: 's3://in/scene.tif', output_uri: 's3://out/scene.tif' }) } },
    input: { id: 'sam-1' },
    readsPath: '$.batch_input',
    original: {
      status: 'FAILED',
      error: 'States.TaskFailed',
      note: 'the job gets the generated Parameters but no url (not a Cirrus job): PayloadUrlMissing, no Catch',
    },
  });
});

/** #13 and #22: the genomics machine; the fix wraps RunIsaacJob only (the 3 tasks in the two-branch Parallel stay, still reported). */
const GENOMICS_INPUT = {
  id: 'NA12878',
  isaac: { JobName: 'isaac-NA12878', sample: 'NA12878' },
  strelka: { JobName: 'strelka-NA12878' },
  snpeff: { JobName: 'snpeff-NA12878' },
  samtools: { JobName: 'samtools-NA12878' },
};

describe('#13 aws-genomics-workflows example-state-machine.json: 4 Batch tasks, JobName.$/Parameters.$ from the payload', () => {
  leftUnwrapped({
    fixture: 'aws-samples__aws-genomics-workflows__docs__orchestration__step-functions__files__example-state-machine.json',
    input: GENOMICS_INPUT,
    readsPath: '$.isaac.JobName',
    original: { status: 'FAILED', error: 'States.TaskFailed', note: 'the job gets $.isaac but no url: PayloadUrlMissing (Retry is on States.Timeout only)' },
  });
});

describe('#22 aws-batch-genomics state_machine_template_cfn.yml: the same machine in a CloudFormation DefinitionString', () => {
  leftUnwrapped({
    fixture: 'aws-samples__aws-batch-genomics__pipeline__nested_templates__state_machine_template_cfn.yml',
    input: GENOMICS_INPUT,
    readsPath: '$.isaac.JobName',
    original: { status: 'FAILED', error: 'States.TaskFailed', note: 'the job gets $.isaac but no url: PayloadUrlMissing' },
  });
});

describe('#14 aws-genomics-workflows sfn-workflow-example-mapping (CloudFormation !Sub): 3 chained Batch tasks + 2 in a Map', () => {
  const input = {
    params: {
      queue: 'genomics-queue',
      chromosomes: ['chr1', 'chr2'],
      environment: { JOB_OUTPUT_PREFIX: 's3://out/NA12878', JOB_AWS_CLI_PATH: '/opt/aws', SOURCE_DATA_PREFIX: 's3://in', SAMPLE_ID: 'NA12878', REFERENCE_NAME: 'hg38' },
    },
  };
  leftUnwrapped({
    fixture: 'aws-samples__aws-genomics-workflows__src__templates__step-functions__sfn-workflow-example-mapping.template.yaml',
    input,
    // Even with the paths fixed, the kept `ResultPath: $.results...` (no-result-override, not fixable) would make
    // post-batch find no Parameters.url_out and return the stored input payload instead of the job's output.
    readsPath: '$.jobdefs.bwa',
    original: { status: 'FAILED', error: 'States.TaskFailed', note: 'BwaMem is submitted with its queue and definition but no url: PayloadUrlMissing, no Catch' },
  });
});

const S3_EVENT = { id: 'evt-1', region: 'us-east-1', detail: { bucket: { name: 'uploads' }, object: { key: 'incoming/data.csv' } } };

describe('#15 christoferson step-functions-std-batch (CloudFormation !Sub list): Command/Environment from the S3 event', () => {
  leftUnwrapped({
    fixture: 'christoferson__aws-cloudformation__step-functions__step-functions-std-batch.yaml',
    input: S3_EVENT,
    // Kept task Retry States.ALL x2: 3 x 3 runs; Catch (no ResultPath) -> Notify Failure -> Complete As Failed.
    readsPath: '$.detail.bucket.name',
    original: { status: 'FAILED', error: 'ErrorA', note: 'the job gets no url: 3 failed runs, Catch -> Notify Failure -> Complete As Failed (ErrorA)' },
  });
});

describe('#16 christoferson step-functions-std-batch-multiphase: two Batch tasks reading the S3 event', () => {
  leftUnwrapped({
    fixture: 'christoferson__aws-cloudformation__step-functions__step-functions-std-batch-multiphase.yaml',
    input: S3_EVENT,
    readsPath: '$.detail.bucket.name',
    original: { status: 'SUCCEEDED', note: 'the first job gets no url: 3 failed runs, Catch -> Notify Failure (End)' },
  });
});

describe('#18 azavea nasa-hyperspectral pipeline-choice.json (Terraform template, rendered): Map over a Choice between two Batch tasks', () => {
  // Rendered with RENDER (templatefile() variables) before parsing.
  leftUnwrapped({
    fixture: 'azavea__nasa-hyperspectral__deployment__terraform__step-functions__pipeline-choice.json',
    input: { tasks: ['activator', 'cog_clip'], commands: { activator: ['activate', 'scene-1'], cog_clip: ['clip', 'scene-1'] } },
    // The kept `ResultPath: $.status` (no-result-override) would also hide the job's output from post-batch.
    readsPath: '$.name',
    original: { status: 'FAILED', error: 'States.TaskFailed', note: 'the activator job is submitted with its definition and command but no url: PayloadUrlMissing, the Map fails' },
  });
});

describe('#19 azavea nasa-hyperspectral pipeline.json (Terraform template, rendered): Map over one Batch task', () => {
  leftUnwrapped({
    fixture: 'azavea__nasa-hyperspectral__deployment__terraform__step-functions__pipeline.json',
    input: { tasks: ['activator'], scene_id: 'scene-1', environment: { S3_BUCKET: 'bucket', S3_PREFIX: 'prefix' } },
    readsPath: '$.name',
    original: { status: 'FAILED', error: 'States.TaskFailed', note: 'the job is submitted with its environment but no url: PayloadUrlMissing, the Map fails' },
  });
});

describe('#20 d3b-center image-deid-etl.json.tmpl: Map fan-out, JobName.$ and study-uuid.$ from the item', () => {
  leftUnwrapped({
    fixture: 'd3b-center__image-deid-etl__deployment__terraform__step-functions__image-deid-etl.json.tmpl',
    input: { 'study-uuids': ['study-1', 'study-2'] },
    readsPath: '$.FormattedJobName',
    original: { status: 'FAILED', error: 'States.TaskFailed', note: 'each job is submitted with its name and study-uuid but no url: PayloadUrlMissing, the Map fails' },
  });
});

describe('examples/asl-yaml/naked-batch.asl.yaml: submitJob (no .sync), static job parameters, ResultPath $.job', () => {
  const p = pair('examples__asl-yaml__naked-batch.asl.yaml');
  const input = { id: 'scene-1' };
  register(p, 0, input);

  it('original: submitJob returns at once with the SubmitJob response at $.job; the job only queues', async () => {
    const run = await runRecorded(p.original, input, { job: markingJob });
    expect({ status: run.status, error: run.error }).toEqual({ status: 'SUCCEEDED', error: undefined });
    expect(run.world.jobRuns).toEqual([]);
  });

  // --fix cannot drop the task's `ResultPath: $.job` (batch/no-result-override has no fix: it is
  // the user's data flow). With it, post-batch sees the job result under $.job, not at the top.
  // Once the user removes it, as the remaining report asks, the group is the canonical one.
  const asTheReportAsks = derive(p.fixed, (copy) => {
    const branch = ((copy.States as JsonObject)['convert-to-cog-group'] as JsonObject).Branches as JsonObject[];
    delete ((branch[0].States as JsonObject)['convert-to-cog-batch'] as JsonObject).ResultPath;
    return copy;
  });

  it('fixed, then ResultPath removed: the job runs (.sync) and the group hands its output on', async () => {
    await expectFixedSucceeds(asTheReportAsks, input, ['convert-to-cog-group']);
  });

  it('fixed, then ResultPath removed: a failing job -> 3 runs (group Retry 2), MyError surfaces', async () => {
    await expectFixedFails(asTheReportAsks, input, { group: 'convert-to-cog-group', jobRuns: 3 });
  });
});

// =============================================================================================
// Skipped machines, the Map of the skipped one, and checks over the whole fixture directory

const SSFVE = 'ssfve__awsProject__OptionsArchive__stepfunctionsdefinition.asl';
const ELEMENT84 = 'Element84__filmdrop-aws-tf-modules__modules__cirrus__cirrus-examples__workflows__first-workflow-example__state-machine.json';

describe('#17 ssfve OptionsArchive stepfunctionsdefinition.asl: lambda:invoke without Parameters, then a Map over a naked Batch task', () => {
  const p = pair(SSFVE);
  register(p, 0, { id: 'options' }, { skip: /lambda:invoke task 'Generate batch job input' has no string Parameters\.FunctionName/ });

  // Skipped as a whole (see 'the skip list'). Partial proof: the machine from its Map state on,
  // with the list the first state would have put at $.batch_map given in the input.
  const fromMap = (def: Json): Json =>
    derive(def, (copy) => {
      delete (copy.States as JsonObject)['Generate batch job input'];
      return { ...copy, StartAt: 'Fan out batch jobs' };
    });
  const input = { id: 'options', batch_map: [1, 2, 3] };

  it('the Map state alone, fixed: every item runs through the group and the Map collects the job outputs', async () => {
    const run = await expectFixedSucceeds(fromMap(p.fixed), input, ['Submit Batch Job-group']);
    expect(run.output).toEqual([1, 2, 3].map((n) => marked({ BatchNumber: n }, 'BatchJobFanOut')));
  });

  it('the Map state alone, fixed: a failing job (one item) -> 1 + 2 group attempts, the Map fails with MyError', async () => {
    const run = await expectFixedFails(fromMap(p.fixed), { ...input, batch_map: [1] }, { group: 'Submit Batch Job-group', jobRuns: 3 });
    expect(run).toMatchObject({ status: 'FAILED', error: 'MyError' });
  });

  it('the Map state alone, original differs: the job gets no url, so every item fails (States.TaskFailed)', async () => {
    const run = await runRecorded(fromMap(p.original), input, { job: markingJob });
    expect(run).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(lastLogLines(run).every((line) => /^PayloadUrlMissing: /.test(line ?? ''))).toBe(true);
  });
});

describe('the skip list', () => {
  /** Machines the harness must refuse, with the reason; the tests above cover every other one. */
  const SKIPPED: Record<string, string> = {
    [`${SSFVE}#0`]: "lambda:invoke task 'Generate batch job input' has no Parameters (no FunctionName, no Payload): the called function is unknown",
  };

  it('is exactly the set of fixture machines the harness refuses, each for its stated reason', async () => {
    const refused: Record<string, string> = {};
    for (const [key, { input, skip, world }] of covered) {
      const [fixture, index] = key.split('#');
      const p = pair(fixture, Number(index));
      for (const def of [p.original, p.fixed]) {
        try {
          await runWorkflow(def, input, { ...(world ?? {}), job: markingJob });
        } catch (error) {
          if (!(error instanceof HarnessError)) throw error;
          expect({ key, message: error.message }).toEqual({ key, message: expect.stringMatching(skip ?? /^$/) });
          refused[key] = SKIPPED[key] ?? error.message;
        }
      }
    }
    expect(refused).toEqual(SKIPPED);
  });

  it('#9 (compliant, no fixture: --fix leaves it unchanged) cannot run: $$.Task.Token in its waitForTaskToken state', async () => {
    expect(fs.existsSync(path.join(FIXTURES, ELEMENT84))).toBe(false);
    const file = path.join(CORPUS, ELEMENT84);
    const [machine] = machinesOf(fs.readFileSync(file, 'utf8'), file);
    await expect(runWorkflow(machine.definition, cirrus({}), { job: markingJob })).rejects.toThrow(/send-callback-token-to-sqs: \$\$\.State \/ \$\$\.Task context fields/);
  });
});

describe('the whole fixture directory', () => {
  it('every machine of every fixture is taken on above (run or skipped with a reason)', () => {
    const expected = fs.readdirSync(FIXTURES).flatMap((fixture) => {
      const n = machinesOf(fs.readFileSync(path.join(FIXTURES, fixture), 'utf8'), originalPathOf(fixture)).length;
      return Array.from({ length: n }, (_, i) => `${fixture}#${i}`);
    });
    expect([...covered.keys()].sort()).toEqual(expected.sort());
  });

  it('asl-validator (ARN checks off) accepts every fixed machine', () => {
    for (const key of covered.keys()) {
      const [fixture, index] = key.split('#');
      expect({ key, errors: acceptedByAslValidator(pair(fixture, Number(index)).fixed) }).toEqual({ key, errors: [] });
    }
  });

  it('every batch group of every fixed machine has OutputPath $[0] and a Retry that covers the job error', () => {
    for (const key of covered.keys()) {
      const [fixture, index] = key.split('#');
      const fixed = pair(fixture, Number(index)).fixed;
      const groups = batchGroupsOf(fixed);
      expect({ key, groups: groups.length > 0, retried: groups.every((g) => g.groupRetries > 0) }).toEqual({ key, groups: true, retried: true });
      expect({ key, outputPaths: groupOutputPaths(fixed) }).toEqual({ key, outputPaths: groups.map(() => '$[0]') });
    }
  });
});

function groupOutputPaths(definition: Json): Json[] {
  const names = new Set(batchGroupsOf(definition).map((g) => g.name));
  const found: Json[] = [];
  const visit = (scope: Json): void => {
    if (!isJsonObject(scope) || !isJsonObject(scope.States)) return;
    for (const [name, state] of Object.entries(scope.States)) {
      if (!isJsonObject(state)) continue;
      if (names.has(name)) found.push(state.OutputPath ?? null);
      if (Array.isArray(state.Branches)) state.Branches.forEach(visit);
      for (const inner of [state.ItemProcessor, state.Iterator]) if (inner !== undefined) visit(inner);
    }
  };
  visit(definition);
  return found;
}

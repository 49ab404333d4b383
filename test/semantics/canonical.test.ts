/**
 * Proves the semantic harness on hand-written pairs before it is trusted with `--fix` output:
 * the canonical batch group of DESIGN §1 runs the contract end to end, a failing job surfaces
 * as its own error, a flat triad behaves like its group, the group works inside a Map, and
 * the contract violations the rules fix are visible as different behaviour.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  classifyResource,
  ContractWorld,
  failingJob,
  flakyJob,
  forEachState,
  HarnessError,
  materialise,
  type Json,
  type JobFn,
  type JsonObject,
} from './contract-world';
import { definitionsOf } from './load';
import { acceptedByAslValidator, runWorkflow } from './run';
import { expectSameBehaviour } from './same-behaviour';

// ---------------------------------------------------------------------------------------------
// Fixtures

const LAMBDA_RETRY = [{ ErrorEquals: ['Lambda.TooManyRequestsException', 'Lambda.Unknown'], IntervalSeconds: 1, BackoffRate: 2.0, MaxAttempts: 5 }];

/** The branch of DESIGN §1's group: pre-batch -> batch -> post-batch, as the YAML parser gives it. */
function triad(base: string, opts: { pre?: Json; post?: Json; next?: string } = {}): JsonObject {
  const tail: JsonObject = opts.next !== undefined ? { Next: opts.next } : { End: true };
  return {
    [`${base}-pre-batch`]: {
      Type: 'Task',
      Resource: opts.pre ?? { 'Fn::GetAtt': ['pre-batch', 'Arn'] },
      Next: `${base}-batch`,
      Retry: LAMBDA_RETRY,
    },
    [`${base}-batch`]: {
      Type: 'Task',
      Resource: 'arn:aws:states:::batch:submitJob.sync',
      Parameters: {
        JobName: base,
        JobQueue: '#{CopyAssetsJobQueue}',
        JobDefinition: '#{CopyAssetsJobDefinition}',
        Parameters: { 'url.$': '$.url', 'url_out.$': '$.url_out' },
      },
      Next: `${base}-post-batch`,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: `${base}-post-batch` }],
    },
    [`${base}-post-batch`]: {
      Type: 'Task',
      Resource: opts.post ?? { 'Fn::GetAtt': ['post-batch', 'Arn'] },
      ...tail,
      Retry: LAMBDA_RETRY,
    },
  };
}

/** DESIGN §1's canonical group, verbatim (with or without the scope's failure handler). */
function canonical(opts: { withCatch?: boolean } = {}): JsonObject {
  const withCatch = opts.withCatch ?? true;
  return {
    Comment: 'canonical batch group',
    StartAt: 'copy-assets-group',
    States: {
      'copy-assets-group': {
        Type: 'Parallel',
        Branches: [{ StartAt: 'copy-assets-pre-batch', States: triad('copy-assets') }],
        OutputPath: '$[0]',
        Next: 'publish',
        Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 }],
        ...(withCatch ? { Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'failure' }] } : {}),
      },
      publish: { Type: 'Task', Resource: { 'Fn::GetAtt': ['publish', 'Arn'] }, End: true, Retry: LAMBDA_RETRY },
      ...(withCatch ? { failure: { Type: 'Fail', Error: 'WorkflowFailed' } } : {}),
    },
  };
}

/** The same workflow before `--fix` wrapped it: a flat triad at the top level. */
function flat(opts: { withCatch?: boolean } = {}): JsonObject {
  const withCatch = opts.withCatch ?? true;
  const states = triad('copy-assets', { next: 'publish' });
  if (withCatch) {
    (states['copy-assets-post-batch'] as JsonObject).Catch = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'failure' }];
  }
  return {
    StartAt: 'copy-assets-pre-batch',
    States: {
      ...states,
      publish: { Type: 'Task', Resource: { 'Fn::GetAtt': ['publish', 'Arn'] }, End: true, Retry: LAMBDA_RETRY },
      ...(withCatch ? { failure: { Type: 'Fail', Error: 'WorkflowFailed' } } : {}),
    },
  };
}

const PAYLOAD: JsonObject = {
  id: 'sentinel-2-l2a/workflow-copy-assets/S2B_10TFK_20210713_0_L2A',
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: 'S2B_10TFK_20210713_0_L2A', properties: {}, assets: { B01: { href: 's3://src/B01.tif' } } }],
  process: { workflow: 'copy-assets', tasks: { 'copy-assets': { assets: ['B01'] } } },
};

/** A job that does real work on the payload: rewrites asset hrefs and stamps the item. */
const copyAssets: JobFn = (payload) => {
  const p = payload as JsonObject;
  const features = (p.features as JsonObject[]).map((f) => ({
    ...f,
    properties: { ...(f.properties as JsonObject), 'processing:copied': true },
    assets: Object.fromEntries(
      Object.entries(f.assets as JsonObject).map(([k, a]) => [k, { ...(a as JsonObject), href: `s3://dest/${k}.tif` }]),
    ),
  }));
  return { ...p, features };
};

const EXPECTED_OUTPUT = copyAssets(PAYLOAD, { jobName: '', jobId: '', attempt: 1, run: 1, log: () => undefined });

// ---------------------------------------------------------------------------------------------

describe('materialise', () => {
  it('turns intrinsics and placeholders in Resource into fake ARNs that keep the function name', () => {
    const def = materialise({
      StartAt: 'a',
      States: {
        a: { Type: 'Task', Resource: { 'Fn::GetAtt': ['pre-batch', 'Arn'] }, Next: 'b' },
        b: { Type: 'Task', Resource: { 'Fn::GetAtt': 'post-batch.Arn' }, Next: 'c' },
        c: { Type: 'Task', Resource: '${PreBatchFunctionArn}', Next: 'd' },
        d: { Type: 'Task', Resource: '${tasks.post-batch.lambda.function_arn}', Next: 'e' },
        e: { Type: 'Task', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:states:::batch:submitJob.sync' }, Next: 'f' },
        f: {
          Type: 'Task',
          Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ResourcePrefix}-pre-batch' },
          Next: 'g',
        },
        g: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: { Ref: 'PostBatchFunction' }, 'Payload.$': '$' }, Next: 'h' },
        h: { Type: 'Task', Resource: 'arn:${partition}:states:::batch:submitJob', TimeoutSeconds: '${Timeout}', End: true },
      },
    }) as JsonObject;
    const s = def.States as Record<string, JsonObject>;
    expect(s.a.Resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:pre-batch');
    expect(s.b.Resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:post-batch');
    expect(s.c.Resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:PreBatchFunction');
    expect(s.d.Resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:post-batch');
    expect(s.e.Resource).toBe('arn:aws:states:::batch:submitJob.sync');
    expect(s.f.Resource).toBe('arn:aws:lambda:us-east-1:123456789012:function:ResourcePrefix-pre-batch');
    expect((s.g.Parameters as JsonObject).FunctionName).toBe('PostBatchFunction');
    expect(s.h.Resource).toBe('arn:aws:states:::batch:submitJob');
    expect(s.h.TimeoutSeconds).toBe(3600);
    expect(materialise(def)).toEqual(def);
    expect(classifyResource(s.e.Resource as string)).toEqual({ kind: 'batch', sync: true });
    expect(classifyResource(s.h.Resource as string)).toEqual({ kind: 'batch', sync: false });
    expect(classifyResource(s.c.Resource as string)).toEqual({ kind: 'lambda', functionName: 'PreBatchFunction' });
  });

  it('leaves the input untouched and drops ResultPath "$" (which the interpreter mishandles)', () => {
    const input = { StartAt: 'p', States: { p: { Type: 'Pass', ResultPath: '$', End: true } } };
    const copy = JSON.parse(JSON.stringify(input));
    expect(materialise(input)).toEqual({ StartAt: 'p', States: { p: { Type: 'Pass', End: true } } });
    expect(input).toEqual(copy);
  });
});

describe('(a) the canonical batch group', () => {
  it('runs the contract end to end: the job transforms the payload and the group outputs it', async () => {
    const world = new ContractWorld({ job: copyAssets });
    const run = await runWorkflow(canonical(), PAYLOAD, world);
    expect(run).toMatchObject({ status: 'SUCCEEDED', output: EXPECTED_OUTPUT });
    expect(world.calls.map((c) => `${c.kind}:${c.state}`)).toEqual([
      'pre-batch:copy-assets-pre-batch',
      'batch:copy-assets-batch',
      'post-batch:copy-assets-post-batch',
      'lambda:publish',
    ]);
    // The job got the stored payload by url and wrote url_out.
    const request = world.calls[1].input as JsonObject;
    const { url, url_out } = request.Parameters as { url: string; url_out: string };
    expect(url).toMatch(/^s3:\/\/cirrus-payloads\/payloads\/tmp\/batch\/sentinel-2-l2a\/workflow-copy-assets\/S2B_10TFK_20210713_0_L2A\/[0-9a-f-]{36}\.json$/);
    expect(url_out).toBe(url.replace(/\.json$/, '_out.json'));
    expect(world.getObject(url)).toEqual(PAYLOAD);
    expect(world.getObject(url_out)).toEqual(EXPECTED_OUTPUT);
    expect(world.jobRuns).toEqual([expect.objectContaining({ jobName: 'copy-assets', status: 'SUCCEEDED', attempt: 1 })]);
    expect(run.trace).toEqual(expect.arrayContaining(['copy-assets-group', 'copy-assets-batch', 'publish']));
  });

  it('is accepted by asl-validator (ARN checks off), and the validator does reject broken machines', async () => {
    expect(acceptedByAslValidator(canonical())).toEqual([]);
    expect(acceptedByAslValidator(canonical({ withCatch: false }))).toEqual([]);
    const broken = canonical();
    (broken.States as Record<string, JsonObject>)['copy-assets-group'].Next = 'nowhere';
    expect(acceptedByAslValidator(broken)).toEqual(expect.arrayContaining([expect.stringContaining('MISSING_TRANSITION_TARGET')]));
    await expect(runWorkflow(broken, PAYLOAD)).rejects.toThrow(/MISSING_TRANSITION_TARGET/);
  });

  it('is deterministic: two runs produce identical worlds', async () => {
    const a = await runWorkflow(canonical(), PAYLOAD, { job: copyAssets });
    const b = await runWorkflow(canonical(), PAYLOAD, { job: copyAssets });
    expect([...b.world.s3]).toEqual([...a.world.s3]);
    expect(b.world.calls).toEqual(a.world.calls);
  });
});

describe('(b) a failing job', () => {
  it("is raised by post-batch under the job's error name; the group retries the whole triad, then its Catch routes to the Fail state", async () => {
    const run = await runWorkflow(canonical(), PAYLOAD, { job: failingJob('MyError: boom') });
    expect(run).toMatchObject({ status: 'FAILED', error: 'WorkflowFailed' });
    // group Retry MaxAttempts 2: three runs of the triad, each job failing.
    expect(run.world.jobRuns.map((r) => r.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    expect(run.world.calls.filter((c) => c.kind === 'post-batch')).toHaveLength(3);
    // post-batch got the Batch failure in $.error with a Cause it could read.
    const postInput = run.world.calls.find((c) => c.kind === 'post-batch')!.input as JsonObject;
    const error = postInput.error as { Error: string; Cause: string };
    expect(error.Error).toBe('States.TaskFailed');
    const cause = JSON.parse(error.Cause);
    expect(cause).toMatchObject({ Status: 'FAILED', JobName: 'copy-assets' });
    expect(run.world.logs.get(cause.Attempts.at(-1).Container.LogStreamName)?.at(-1)).toBe('MyError: boom');
    expect(run.trace).toContain('failure');
    expect(run.trace).not.toContain('publish');
  });

  it('fails the execution with the error named in the log when the group has no Catch', async () => {
    const run = await runWorkflow(canonical({ withCatch: false }), PAYLOAD, { job: failingJob('MyError: boom') });
    expect(run).toMatchObject({ status: 'FAILED', error: 'MyError' });
    expect(JSON.parse(run.cause!)).toEqual({ errorMessage: 'boom', errorType: 'MyError' });
  });

  it('follows the Cirrus regex: dotted names, no name (UnknownError)', async () => {
    const dotted = await runWorkflow(canonical({ withCatch: false }), PAYLOAD, { job: failingJob('cirrus.lib.errors.InvalidInput: no assets') });
    expect(dotted.error).toBe('cirrus.lib.errors.InvalidInput');
    const bare = await runWorkflow(canonical({ withCatch: false }), PAYLOAD, { job: failingJob('Segmentation fault (core dumped)') });
    expect(bare).toMatchObject({ error: 'UnknownError' });
    expect(JSON.parse(bare.cause!).errorMessage).toBe('Segmentation fault (core dumped)');
    const thrown = await runWorkflow(canonical({ withCatch: false }), PAYLOAD, {
      job: () => {
        throw new RangeError('bad band');
      },
    });
    expect(thrown.error).toBe('RangeError');
  });

  it('recovers through the group Retry when the job fails once', async () => {
    const run = await runWorkflow(canonical(), PAYLOAD, { job: flakyJob(1, copyAssets) });
    expect(run).toMatchObject({ status: 'SUCCEEDED', output: EXPECTED_OUTPUT });
    expect(run.world.jobRuns.map((r) => r.status)).toEqual(['FAILED', 'SUCCEEDED']);
  });
});

describe('(c) a flat triad behaves like its group', () => {
  it('gives the same output as (a)', async () => {
    const run = await runWorkflow(flat(), PAYLOAD, { job: copyAssets });
    expect(run).toMatchObject({ status: 'SUCCEEDED', output: EXPECTED_OUTPUT });
  });

  it('passes expectSameBehaviour against the canonical group (success and failure, with and without a Catch)', async () => {
    await expectSameBehaviour(flat(), canonical(), PAYLOAD, copyAssets);
    const { failure } = await expectSameBehaviour(flat({ withCatch: false }), canonical({ withCatch: false }), PAYLOAD, copyAssets);
    expect(failure.fixed.error).toBe('MyError');
  });

  it('catches a difference: a group without OutputPath outputs an array', async () => {
    const noOutputPath = canonical();
    delete (noOutputPath.States as Record<string, JsonObject>)['copy-assets-group'].OutputPath;
    await expect(expectSameBehaviour(flat(), noOutputPath, PAYLOAD, copyAssets)).rejects.toThrow();
    const run = await runWorkflow(noOutputPath, PAYLOAD, { job: copyAssets });
    expect(run.world.calls.at(-1)).toMatchObject({ kind: 'lambda', input: [EXPECTED_OUTPUT] });
  });

  it('catches a difference: the flat triad with a failing job and a Catch on post-batch keeps the error in its output', async () => {
    const flatToPass = flat();
    const states = flatToPass.States as Record<string, JsonObject>;
    states.failure = { Type: 'Pass', End: true };
    const groupToPass = canonical();
    (groupToPass.States as Record<string, JsonObject>).failure = { Type: 'Pass', End: true };
    // Both succeed after the catch, but the state that caught sees different input.
    const { failure } = await expectSameBehaviour(flatToPass, groupToPass, PAYLOAD, copyAssets, { compareFailureOutput: false });
    expect(failure.fixed.status).toBe('SUCCEEDED');
    expect((failure.fixed.output as JsonObject).error).toMatchObject({ Error: 'MyError' });
    await expect(expectSameBehaviour(flatToPass, groupToPass, PAYLOAD, copyAssets)).rejects.toThrow();
  });
});

describe('(d) a batch group inside a Map ItemProcessor', () => {
  function mapOf(processor: JsonObject, startAt: string): JsonObject {
    return {
      StartAt: 'each-item',
      States: {
        'each-item': {
          Type: 'Map',
          ItemsPath: '$.payloads',
          MaxConcurrency: 2,
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: startAt, States: processor },
          ResultPath: '$.results',
          End: true,
        },
      },
    };
  }
  const group: JsonObject = {
    'copy-assets-group': {
      Type: 'Parallel',
      Branches: [{ StartAt: 'copy-assets-pre-batch', States: triad('copy-assets') }],
      OutputPath: '$[0]',
      End: true,
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 }],
    },
  };
  const items = { payloads: [0, 1, 2].map((i) => ({ ...PAYLOAD, id: `${PAYLOAD.id}-${i}` })) };

  it('runs the group once per item and collects the transformed payloads', async () => {
    const def = mapOf(group, 'copy-assets-group');
    expect(acceptedByAslValidator(def)).toEqual([]);
    const run = await runWorkflow(def, items, { job: copyAssets });
    expect(run.status).toBe('SUCCEEDED');
    const expected = items.payloads.map((p) => copyAssets(p, { jobName: '', jobId: '', attempt: 1, run: 1, log: () => undefined }));
    expect(run.output).toEqual({ ...items, results: expected });
    expect(run.world.jobRuns).toHaveLength(3);
    // Every item got its own payload location.
    expect(new Set(run.world.calls.filter((c) => c.kind === 'batch').map((c) => ((c.input as JsonObject).Parameters as JsonObject).url)).size).toBe(3);
  });

  it('behaves like a flat triad in the same processor', async () => {
    await expectSameBehaviour(mapOf(triad('copy-assets'), 'copy-assets-pre-batch'), mapOf(group, 'copy-assets-group'), items, copyAssets);
  });

  it('fails the Map with the job error', async () => {
    const run = await runWorkflow(mapOf(group, 'copy-assets-group'), items, { job: failingJob('MyError: boom') });
    expect(run).toMatchObject({ status: 'FAILED', error: 'MyError' });
  });
});

describe('the contract violations the fixes repair are visible', () => {
  const statesOf = (def: JsonObject) => ((def.States as Record<string, JsonObject>)['copy-assets-group'].Branches as JsonObject[])[0].States as Record<string, JsonObject>;

  it('lambda:invoke pre-batch without unwrapping Payload: $.url does not resolve (States.Runtime)', async () => {
    const def = canonical();
    statesOf(def)['copy-assets-pre-batch'] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: { 'Fn::GetAtt': ['pre-batch', 'Arn'] }, 'Payload.$': '$' },
      Next: 'copy-assets-batch',
    };
    const broken = await runWorkflow(def, PAYLOAD, { job: copyAssets });
    expect(broken).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    statesOf(def)['copy-assets-pre-batch'].OutputPath = '$.Payload';
    await expectSameBehaviour(canonical(), def, PAYLOAD, copyAssets);
  });

  it('lambda:invoke post-batch unwrapped with ResultSelector behaves like the direct call', async () => {
    const def = canonical();
    statesOf(def)['copy-assets-post-batch'] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${PostBatchFunctionArn}', 'Payload.$': '$' },
      ResultSelector: { 'Payload.$': '$.Payload' },
      OutputPath: '$.Payload',
      End: true,
    };
    await expectSameBehaviour(canonical(), def, PAYLOAD, copyAssets);
  });

  it('submitJob without .sync: post-batch finds no output', async () => {
    const def = canonical({ withCatch: false });
    statesOf(def)['copy-assets-batch'].Resource = 'arn:aws:states:::batch:submitJob';
    const run = await runWorkflow(def, PAYLOAD, { job: copyAssets });
    expect(run).toMatchObject({ status: 'FAILED', error: 'KeyError' });
    expect(run.world.jobRuns).toEqual([]);
    expect(run.world.pendingJobs).toHaveLength(3);
  });

  it('job Parameters without url/url_out: the job cannot find its payload', async () => {
    const def = canonical({ withCatch: false });
    delete (statesOf(def)['copy-assets-batch'].Parameters as JsonObject).Parameters;
    const run = await runWorkflow(def, PAYLOAD, { job: copyAssets });
    expect(run).toMatchObject({ status: 'FAILED', error: 'PayloadUrlMissing' });
  });

  it('native RetryStrategy.Attempts: N runs the job as often as a group Retry of MaxAttempts N-1', async () => {
    const native = canonical({ withCatch: false });
    const group = native.States as Record<string, JsonObject>;
    delete group['copy-assets-group'].Retry;
    (statesOf(native)['copy-assets-batch'].Parameters as JsonObject).RetryStrategy = { Attempts: 3 };
    const { failure } = await expectSameBehaviour(native, canonical({ withCatch: false }), PAYLOAD, copyAssets);
    expect(failure.original.world.jobRuns).toHaveLength(3);
    expect(failure.fixed.world.jobRuns).toHaveLength(3);
    await expectSameBehaviour(native, canonical({ withCatch: false }), PAYLOAD, copyAssets, { failingJob: flakyJob(2, copyAssets) });
  });
});

describe('the world and the runner refuse what they cannot prove', () => {
  it('rejects JSONata, variables and other fields the interpreter ignores', async () => {
    const jsonata = { QueryLanguage: 'JSONata', StartAt: 'p', States: { p: { Type: 'Pass', Output: '{% $states.input %}', End: true } } };
    await expect(runWorkflow(jsonata, {})).rejects.toThrow(HarnessError);
    const assign = { StartAt: 'p', States: { p: { Type: 'Pass', Assign: { x: 1 }, End: true } } };
    await expect(runWorkflow(assign, {})).rejects.toThrow(/Assign/);
    // asl-validator itself accepts them: the limit is the interpreter's.
    expect(acceptedByAslValidator(jsonata)).toEqual([]);
  });

  it('does not let a workflow Catch swallow an unmodelled call', async () => {
    const def = {
      StartAt: 't',
      States: {
        t: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'x' },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'ok' }],
          End: true,
        },
        ok: { Type: 'Succeed' },
      },
    };
    await expect(runWorkflow(def, {})).rejects.toThrow(/Payload/);
  });

  it('runs registered Lambda functions and services by name, with their errors', async () => {
    const def = {
      StartAt: 'enrich',
      States: {
        enrich: { Type: 'Task', Resource: '${EnrichFunctionArn}', Next: 'notify' },
        notify: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { 'Message.$': '$' }, ResultPath: null, End: true },
      },
    };
    const ok = await runWorkflow(def, { n: 1 }, { lambdas: { EnrichFunction: (e) => ({ ...(e as JsonObject), enriched: true }) } });
    expect(ok).toMatchObject({ status: 'SUCCEEDED', output: { n: 1, enriched: true } });
    expect(ok.world.calls.map((c) => c.kind)).toEqual(['lambda', 'service']);
    const failing = await runWorkflow(def, {}, {
      lambdas: {
        enrichfunction: () => {
          throw Object.assign(new Error('nope'), { name: 'InvalidInput' });
        },
      },
    });
    expect(failing).toMatchObject({ status: 'FAILED', error: 'InvalidInput' });
  });
});

describe('definitions from files', () => {
  const corpus = path.resolve(__dirname, '../../../shared/corpus/real');
  const file = path.join(corpus, 'cirrus-geo__cirrus-geo__workflows__mirror-with-preview__definition.yml');

  it('loads a real Cirrus definition.yml, materialises it and accepts it', () => {
    const [definition] = definitionsOf(readFileSync(file, 'utf8'), file);
    expect(acceptedByAslValidator(definition)).toEqual([]);
    const resources: string[] = [];
    forEachState(materialise(definition), (_, s) => typeof s.Resource === 'string' && resources.push(s.Resource));
    expect(resources).toContain('arn:aws:lambda:us-east-1:123456789012:function:pre-batch');
    expect(resources.every((r) => /^arn:aws:(lambda:us-east-1:123456789012:function:[\w-]+|states:::batch:submitJob\.sync)$/.test(r))).toBe(true);
  });

  it('runs it, and sees that it breaks the contract: the job gets no url_out', async () => {
    const [definition] = definitionsOf(readFileSync(file, 'utf8'), file);
    const input = { ...PAYLOAD, process: { tasks: { 'copy-assets': { batch: true }, 'add-preview': { batch: false } } } };
    const run = await runWorkflow(definition, input, { job: copyAssets });
    // The job reads url, cannot write url_out; post-batch is bypassed by the Catch to workflow-failed.
    expect(run).toMatchObject({ status: 'FAILED' });
    expect(run.world.logs.get(run.world.jobRuns[0].logStreamName)?.at(-1)).toMatch(/^PayloadUrlMissing: .*url_out/);
    expect(run.trace).toEqual(expect.arrayContaining(['copy-assets-batch', 'workflow-failed', 'failure']));
    expect(run.trace).not.toContain('copy-assets-post-batch');
    // The Lambda route does not touch Batch at all.
    const lambda = await runWorkflow(definition, { ...input, process: { tasks: { 'copy-assets': { batch: false }, 'add-preview': { batch: false } } } });
    expect(lambda.status).toBe('SUCCEEDED');
    expect(lambda.world.jobRuns).toEqual([]);
    // Interpreter errors are outcomes too: the Choice's Variable path does not exist (as in AWS).
    expect(await runWorkflow(definition, PAYLOAD)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});

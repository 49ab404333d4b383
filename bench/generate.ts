/**
 * Deterministic benchmark corpus generator (not a test fixture: the output lives in the
 * git-ignored `bench/.corpus/`). It writes at least `definitions` state machines, counted as
 * machines, not files, in every input format wf-lint reads (DESIGN §3):
 *
 *   asl-json/        plain ASL JSON (`*.asl.json`, `*.json`), SAM / Terraform placeholders or ARNs
 *   asl-yaml/        plain ASL YAML (`*.asl.yaml`, `*.asl.yml`) with comments
 *   cirrus/          Cirrus `workflows/<name>/definition.yml` (`name` + `definition`)
 *   serverless/      `serverless.yml` with 2-3 `stepFunctions.stateMachines`
 *   cloudformation/  YAML templates with `DefinitionString: !Sub |` (embedded JSON) or SAM
 *                    `Definition:`, and JSON templates with `{"Fn::Sub": "..."}` / `Fn::Join`
 *
 * Machines have 3 to 150 states (most are small, as in real repositories), Parallel branches
 * and Map ItemProcessors nested up to three levels, canonical batch groups and the broken
 * shapes seen in real workflows (flat triads, missing post-batch, no `.sync`, native retries, ...).
 *
 * Everything comes from a seeded PRNG: the same seed and count give byte-identical files.
 * `manifest.txt` (JSON) records the counts the benchmark divides by.
 *
 *   node dist/bench/generate.js [--out bench/.corpus] [--definitions 2000] [--seed 20240601]
 */
import fs from 'node:fs';
import path from 'node:path';

export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20240601;
export const DEFAULT_DEFINITIONS = 2000;
export const DEFAULT_OUT = path.resolve(__dirname, '..', '..', 'bench', '.corpus');
/** JSON, but named so that the linter's folder walk never opens it (it reads .json/.yml/... only). */
export const MANIFEST_NAME = 'manifest.txt';

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32) and helpers.

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
}

// ---------------------------------------------------------------------------------------------
// Values the YAML writer renders specially; JSON output gets their long form.

/** A CloudFormation short-form tag on a scalar: `!GetAtt pre-batch.Arn`. */
class Tag {
  constructor(
    readonly tag: string,
    readonly value: string,
  ) {}

  toJSON(): unknown {
    const name = this.tag.slice(1);
    if (name === 'GetAtt') return { 'Fn::GetAtt': this.value.split('.') };
    if (name === 'Ref') return { Ref: this.value };
    return { [`Fn::${name}`]: this.value };
  }
}

/** A block literal, optionally tagged: `DefinitionString: !Sub |`. */
class Literal {
  constructor(
    readonly text: string,
    readonly tag?: string,
  ) {}

  toJSON(): unknown {
    return this.tag ? new Tag(this.tag, this.text).toJSON() : this.text;
  }
}

/** Comments written before some keys of an object (YAML only; JSON.stringify skips symbols). */
const COMMENTS = Symbol('comments');
type Obj = { [key: string]: unknown; [COMMENTS]?: Record<string, string[]> };

function comment(obj: Obj, key: string, ...lines: string[]): void {
  (obj[COMMENTS] ??= {})[key] = lines;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const WORKFLOWS = [
  'cog-archive', 'mirror', 'mirror-with-preview', 'sentinel-2-l2a-cogs', 'landsat-c2-l2', 'publish-only',
  'ingest-naip', 'hls-to-stac', 'dem-mosaic', 'sar-rtc', 'cloud-optimize', 'ndvi-timeseries', 'feed-stac-api',
  'reprocess-collection', 'thumbnail-backfill', 'sentinel-1-grd', 'modis-composite', 'viirs-nightlights',
  'planet-ingest', 'maxar-open-data', 'copernicus-dem', 'era5-zarr', 'goes-fire-detect', 'burn-severity',
  'flood-extent', 'crop-classification', 'building-footprints', 'lidar-tiling', 'hyperspectral-l2', 'image-deid-etl',
];
const PROJECTS = [
  'earth-search', 'stac-pipeline', 'filmdrop', 'geo-ingest', 'cirrus-deploy', 'imagery-platform', 'sat-processing',
  'open-data-lake', 'eo-workflows', 'raster-factory', 'catalog-feeder', 'hyperspectral', 'genomics-batch', 'mapping-ops',
];
const BATCH_OPS = [
  'copy-assets', 'convert-to-cog', 'add-preview', 'generate-thumbnails', 'mosaic-tiles', 'reproject', 'atmospheric-correction',
  'cloud-mask', 'compute-ndvi', 'pansharpen', 'rtc-process', 'zarr-convert', 'extract-footprints', 'tile-pyramid',
  'classify-landcover', 'point-cloud-tiling', 'fmask', 'sen2cor', 'gdal-translate', 'stack-bands', 'orthorectify',
  'dem-hillshade', 'water-mask', 'change-detection',
];
const LAMBDA_OPS = [
  'publish', 'update-stac-item', 'validate-payload', 'feeder', 'add-metadata', 'check-existing', 'notify-sns',
  'update-state-db', 'split-payload', 'collect-results', 'cleanup-tmp', 'index-opensearch', 'post-to-api',
  'prepare-batch-input', 'read-manifest', 'select-assets', 'sign-urls', 'record-metrics', 'compute-footprint', 'stac-validate',
];
const PASS_OPS = ['prepare-input', 'set-defaults', 'merge-results', 'format-output', 'select-collection', 'init-process'];
const WAIT_OPS = ['wait-for-ingest', 'throttle', 'backoff', 'wait-for-index'];
const CHOICE_OPS = ['check-item-count', 'has-assets', 'route-by-collection', 'is-reprocess', 'needs-preview'];
const MAP_OPS = ['process-items', 'each-scene', 'per-granule', 'fan-out-tiles', 'each-asset'];
const PARALLEL_OPS = ['derivatives', 'fan-out', 'products', 'outputs', 'enrich'];
const QUEUES = ['BasicOnDemandJobQueue', 'BasicSpotJobQueue', 'GpuJobQueue', 'HighMemoryJobQueue'];
const LAMBDA_RETRY_ERRORS = ['Lambda.TooManyRequestsException', 'Lambda.Unknown'];

const title = (name: string) => name.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
const pascal = (name: string) => name.split(/[-_]/).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const snake = (name: string) => name.replace(/-/g, '_');

// ---------------------------------------------------------------------------------------------
// How a file refers to Lambdas and Batch resources.

interface Style {
  readonly lambda: (fn: string) => unknown;
  readonly batchResource: (sync: boolean) => unknown;
  readonly jobQueue: (op: string) => unknown;
  readonly jobDefinition: (op: string) => unknown;
  /** Extra job parameters (Cirrus passes the Lambda name to run as a Batch job). */
  readonly jobExtras?: (op: string) => Record<string, unknown>;
}

const SUBMIT = 'states:::batch:submitJob';

function samSubstitutionStyle(): Style {
  return {
    lambda: (fn) => `\${${pascal(fn)}FunctionArn}`,
    batchResource: (sync) => `arn:aws:${SUBMIT}${sync ? '.sync' : ''}`,
    jobQueue: (op) => `\${${pascal(op)}JobQueueArn}`,
    jobDefinition: (op) => `\${${pascal(op)}JobDefinitionArn}`,
  };
}

function terraformStyle(rng: Rng): Style {
  const prefix = rng.pick(['${name_prefix}', '${var.stack}', 'cirrus-${stage}']);
  return {
    lambda: (fn) => (fn.endsWith('batch') || rng.chance(0.5) ? `arn:aws:lambda:\${region}:\${account_id}:function:${prefix}-${fn}` : `\${${snake(fn)}_lambda_arn}`),
    batchResource: (sync) => `arn:\${partition}:${SUBMIT}${sync ? '.sync' : ''}`,
    jobQueue: () => '${batch_job_queue_arn}',
    jobDefinition: (op) => `\${${snake(op)}_job_definition_arn}`,
  };
}

function literalStyle(rng: Rng): Style {
  const region = rng.pick(['us-west-2', 'us-east-1', 'eu-central-1']);
  const account = String(rng.int(100000000000, 999999999999));
  const stage = rng.pick(['dev', 'staging', 'prod']);
  return {
    lambda: (fn) => `arn:aws:lambda:${region}:${account}:function:stac-${stage}-${fn}`,
    batchResource: (sync) => `arn:aws:${SUBMIT}${sync ? '.sync' : ''}`,
    jobQueue: () => `arn:aws:batch:${region}:${account}:job-queue/stac-${stage}-${rng.pick(['spot', 'on-demand'])}`,
    jobDefinition: (op) => `arn:aws:batch:${region}:${account}:job-definition/${op}:${rng.int(1, 12)}`,
  };
}

function serverlessStyle(rng: Rng): Style {
  const shortTags = rng.chance(0.6);
  const sharedDefinition = rng.chance(0.5);
  return {
    lambda: (fn) => (shortTags ? new Tag('!GetAtt', `${fn}.Arn`) : { 'Fn::GetAtt': [fn, 'Arn'] }),
    batchResource: (sync) => `arn:aws:${SUBMIT}${sync ? '.sync' : ''}`,
    jobQueue: () => `#{${rng.pick(QUEUES)}}`,
    jobDefinition: (op) => (sharedDefinition ? '#{GeoLambdaAsBatchJob}' : `#{${pascal(op)}JobDefinition}`),
    jobExtras: (op) => (sharedDefinition ? { lambda_function: `\${self:service}-\${self:provider.stage}-${op}` } : {}),
  };
}

/** Embedded JSON in a CloudFormation `!Sub` / `Fn::Sub` string. */
function cfnSubStyle(): Style {
  return {
    lambda: (fn) => `\${${pascal(fn)}Function.Arn}`,
    batchResource: (sync) => `arn:\${AWS::Partition}:${SUBMIT}${sync ? '.sync' : ''}`,
    jobQueue: () => '${JobQueueArn}',
    jobDefinition: (op) => `\${${pascal(op)}JobDefinition}`,
  };
}

/** SAM `Definition:` objects in a YAML template: short tags everywhere. */
function samDefinitionStyle(): Style {
  return {
    lambda: (fn) => new Tag('!GetAtt', `${pascal(fn)}Function.Arn`),
    batchResource: (sync) => new Tag('!Sub', `arn:\${AWS::Partition}:${SUBMIT}${sync ? '.sync' : ''}`),
    jobQueue: () => new Tag('!Ref', 'JobQueueArn'),
    jobDefinition: (op) => new Tag('!Ref', `${pascal(op)}JobDefinition`),
  };
}

// ---------------------------------------------------------------------------------------------
// Machines.

type BatchVariant =
  | 'compliant'
  | 'compliant-invoke'
  | 'flat-triad'
  | 'missing-post-batch'
  | 'naked'
  | 'no-sync'
  | 'no-output-path'
  | 'no-group-retry'
  | 'native-retry'
  | 'result-override'
  | 'missing-url-out'
  | 'invoke-no-unwrap';

const BATCH_VARIANTS: readonly (readonly [BatchVariant, number])[] = [
  ['compliant', 45],
  ['compliant-invoke', 8],
  ['flat-triad', 12],
  ['missing-post-batch', 6],
  ['naked', 4],
  ['no-sync', 6],
  ['no-output-path', 4],
  ['no-group-retry', 4],
  ['native-retry', 3],
  ['result-override', 3],
  ['missing-url-out', 3],
  ['invoke-no-unwrap', 2],
];

export interface MachineStats {
  states: number;
  batchTasks: number;
  variants: Partial<Record<BatchVariant, number>>;
  parallels: number;
  maps: number;
  maxDepth: number;
}

/** A placeholder for a transition, resolved once the following block is known. */
const NEXT = '\u0000next';

interface Block {
  entry: string;
  states: [string, Obj][];
  /** States whose `Next` placeholder points at whatever follows the block. */
  exits: Obj[];
  count: number;
  /** A YAML comment written before the block's first state. */
  comment?: string[];
}

interface Scope {
  depth: number;
  /** The Fail state of this scope (Catch cannot leave a Parallel branch or a Map processor). */
  failName?: string;
}

class MachineBuilder {
  private readonly used = new Set<string>();
  readonly stats: MachineStats = { states: 0, batchTasks: 0, variants: {}, parallels: 0, maps: 0, maxDepth: 0 };

  constructor(
    private readonly rng: Rng,
    private readonly style: Style,
    /** YAML hosts get `#` comments; JSON only `Comment` fields. */
    private readonly yamlComments: boolean,
  ) {}

  private name(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}-${i}`;
    this.used.add(name);
    return name;
  }

  /** A base name such that `<base>-pre-batch`, `-batch`, `-post-batch` and `-group` are all free. */
  private batchBase(): string {
    const op = this.rng.pick(BATCH_OPS);
    let base = op;
    for (let i = 2; ['', '-pre-batch', '-batch', '-post-batch', '-group'].some((s) => this.used.has(base + s)); i++) base = `${op}-${i}`;
    for (const s of ['-pre-batch', '-batch', '-post-batch', '-group']) this.used.add(base + s);
    return base;
  }

  private failOf(scope: Scope): string {
    scope.failName ??= this.name(scope.depth === 0 ? 'failure' : 'branch-failed');
    return scope.failName;
  }

  private catchAll(scope: Scope): Obj[] {
    return [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: this.failOf(scope) }];
  }

  private lambdaRetry(): Obj[] {
    return [{ ErrorEquals: [...LAMBDA_RETRY_ERRORS], IntervalSeconds: this.rng.pick([1, 2]), BackoffRate: this.rng.pick([2, 2.5]), MaxAttempts: this.rng.pick([3, 5, 6]) }];
  }

  /** The whole machine: `Comment`, `StartAt`, `States`, sized to `target` states. */
  machine(target: number, workflow: string): Obj {
    const scope: Scope = { depth: 0 };
    const { entry, states, count } = this.sequence(scope, Math.max(5, target - 2), true);
    this.stats.states = count;
    const machine: Obj = { Comment: `${title(workflow)}: ${this.rng.pick(['process items', 'ingest and publish', 'derive products', 'reprocess a collection', 'build cloud-optimized assets'])}` };
    if (this.rng.chance(0.05)) machine.QueryLanguage = 'JSONPath';
    machine.StartAt = entry;
    machine.States = states;
    if (this.rng.chance(0.15)) machine.TimeoutSeconds = this.rng.pick([3600, 14400, 86400]);
    return machine;
  }

  /** A chain of blocks in one scope, ending with End (or success) and the scope's Fail state. */
  private sequence(scope: Scope, budget: number, top = false): { entry: string; states: Obj; count: number } {
    this.stats.maxDepth = Math.max(this.stats.maxDepth, scope.depth);
    const blocks: Block[] = [];
    let remaining = budget;
    while (remaining > 0) {
      const block = this.block(scope, remaining, blocks.length === 0);
      blocks.push(block);
      remaining -= block.count;
    }
    const states: Obj = {};
    let count = 0;
    blocks.forEach((block, i) => {
      const next = blocks[i + 1]?.entry;
      for (const exit of block.exits) setNext(exit, next);
      for (const [name, state] of block.states) states[name] = state;
      if (this.yamlComments && block.comment) comment(states, block.entry, ...block.comment);
      count += block.count;
    });
    const last = blocks[blocks.length - 1];
    if (top && this.rng.chance(0.7)) {
      const success = this.name('success');
      for (const exit of last.exits) setNext(exit, success);
      states[success] = { Type: 'Succeed' };
      count++;
    }
    if (scope.failName) {
      states[scope.failName] = { Type: 'Fail', Error: top ? 'WorkflowFailed' : 'BranchFailed', Cause: this.rng.pick(['See the error in the execution history', 'A step of the workflow failed']) };
      if (this.yamlComments && this.rng.chance(0.5)) comment(states, scope.failName, 'Failure handler: the error is in $.error');
      count++;
    }
    return { entry: blocks[0].entry, states, count };
  }

  private block(scope: Scope, remaining: number, first: boolean): Block {
    const canNest = scope.depth < 3 && remaining >= 5;
    const kind = this.rng.weighted<string>([
      ['lambda', 30],
      ['batch', remaining >= 4 ? 16 : 3],
      ['pass', 8],
      ['wait', 3],
      ['choice', remaining >= 3 ? 6 : 0],
      ['parallel', canNest ? (remaining > 30 ? 10 : 5) : 0],
      ['map', canNest ? (remaining > 30 ? 10 : 5) : 0],
    ]);
    switch (kind) {
      case 'batch':
        return this.batch(scope, this.rng.weighted(BATCH_VARIANTS));
      case 'pass':
        return this.single(this.pass());
      case 'wait':
        return this.single([this.name(this.rng.pick(WAIT_OPS)), { Type: 'Wait', Seconds: this.rng.pick([5, 30, 60, 300]), Next: NEXT }]);
      case 'choice':
        return this.choice(scope);
      case 'parallel':
        return this.parallel(scope, remaining);
      case 'map':
        return this.map(scope, remaining);
      default:
        return this.single(this.lambdaTask(scope, first));
    }
  }

  private single([name, state]: [string, Obj]): Block {
    return { entry: name, states: [[name, state]], exits: [state], count: 1 };
  }

  private lambdaTask(scope: Scope, first: boolean): [string, Obj] {
    const op = this.rng.pick(LAMBDA_OPS);
    const name = this.name(op);
    const state: Obj = { Type: 'Task' };
    if (this.rng.chance(0.25)) state.Comment = `${title(op)} (Lambda)`;
    if (this.rng.chance(0.3)) {
      state.Resource = 'arn:aws:states:::lambda:invoke';
      state.Parameters = { FunctionName: this.style.lambda(op), 'Payload.$': '$' };
      state.OutputPath = '$.Payload';
    } else {
      state.Resource = this.style.lambda(op);
      if (this.rng.chance(0.2)) state.Parameters = { 'url.$': '$.url', 'collections.$': '$.process.collections' };
    }
    if (!first && this.rng.chance(0.2)) state.ResultPath = `$.${snake(op)}`;
    if (this.rng.chance(0.15)) state.TimeoutSeconds = this.rng.pick([60, 300, 900]);
    state.Next = NEXT;
    if (this.rng.chance(0.8)) state.Retry = this.lambdaRetry();
    if (this.rng.chance(0.7)) state.Catch = this.catchAll(scope);
    return [name, state];
  }

  private pass(): [string, Obj] {
    const state: Obj = { Type: 'Pass' };
    const r = this.rng.next();
    if (r < 0.4) state.Parameters = { 'payload.$': '$', 'collection.$': '$.process.collection', stage: this.rng.pick(['dev', 'prod']) };
    else if (r < 0.6) state.Assign = { 'itemCount.$': 'States.ArrayLength($.features)', retries: 0 };
    else if (r < 0.8) {
      state.Result = { replace: this.rng.chance(0.5), workflow: this.rng.pick(WORKFLOWS) };
      state.ResultPath = '$.process.options';
    }
    state.Next = NEXT;
    return [this.name(this.rng.pick(PASS_OPS)), state];
  }

  private choice(scope: Scope): Block {
    const name = this.name(this.rng.pick(CHOICE_OPS));
    const [aName, a] = this.rng.chance(0.5) ? this.pass() : this.lambdaTask(scope, false);
    const [bName, b] = this.pass();
    const state: Obj = {
      Type: 'Choice',
      Choices: [
        this.rng.chance(0.5)
          ? { Variable: '$.features[0]', IsPresent: true, Next: aName }
          : { And: [{ Variable: '$.process.workflow', StringEquals: this.rng.pick(WORKFLOWS) }, { Variable: '$.process.replace', BooleanEquals: true }], Next: aName },
      ],
      Default: bName,
    };
    return { entry: name, states: [[name, state], [aName, a], [bName, b]], exits: [a, b], count: 3 };
  }

  private parallel(scope: Scope, remaining: number): Block {
    const name = this.name(this.rng.pick(PARALLEL_OPS));
    const k = this.rng.int(2, 3);
    const inner = this.rng.int(k, Math.min(remaining - 1, scope.depth === 0 ? 60 : 20));
    const branches: Obj[] = [];
    let count = 1;
    for (let i = 0; i < k; i++) {
      const share = i === k - 1 ? inner - (count - 1) : Math.max(1, Math.floor(inner / k));
      const sub = this.sequence({ depth: scope.depth + 1 }, Math.max(1, share));
      branches.push({ StartAt: sub.entry, States: sub.states });
      count += sub.count;
    }
    this.stats.parallels++;
    const state: Obj = { Type: 'Parallel', Comment: `Run ${k} independent branches`, Branches: branches, ResultPath: '$.branches', Next: NEXT };
    if (this.rng.chance(0.5)) state.Catch = this.catchAll(scope);
    return { entry: name, states: [[name, state]], exits: [state], count };
  }

  private map(scope: Scope, remaining: number): Block {
    const name = this.name(this.rng.pick(MAP_OPS));
    const sub = this.sequence({ depth: scope.depth + 1 }, this.rng.int(1, Math.min(remaining - 1, scope.depth === 0 ? 40 : 15)));
    this.stats.maps++;
    const state: Obj = { Type: 'Map', ItemsPath: '$.features', MaxConcurrency: this.rng.pick([0, 5, 10, 40]) };
    if (this.rng.chance(0.5)) state.ItemSelector = { 'feature.$': '$$.Map.Item.Value', 'process.$': '$.process' };
    if (this.rng.chance(0.2)) {
      state.Iterator = { StartAt: sub.entry, States: sub.states }; // the pre-2022 spelling
    } else {
      state.ItemProcessor = { ProcessorConfig: { Mode: this.rng.chance(0.8) ? 'INLINE' : 'DISTRIBUTED', ...(this.rng.chance(0.2) ? { ExecutionType: 'STANDARD' } : {}) }, StartAt: sub.entry, States: sub.states };
    }
    state.ResultPath = '$.items';
    state.Next = NEXT;
    if (this.rng.chance(0.5)) state.Catch = this.catchAll(scope);
    return { entry: name, states: [[name, state]], exits: [state], count: 1 + sub.count };
  }

  // --- Batch steps -----------------------------------------------------------------------------

  private batch(scope: Scope, variant: BatchVariant): Block {
    const base = this.batchBase();
    this.stats.batchTasks++;
    this.stats.variants[variant] = (this.stats.variants[variant] ?? 0) + 1;
    const invoke = variant === 'compliant-invoke' || variant === 'invoke-no-unwrap';
    const pre = this.helper('pre-batch', invoke, variant !== 'invoke-no-unwrap');
    const post = this.helper('post-batch', invoke, true);
    const batch = this.batchTask(base, variant);
    const preName = `${base}-pre-batch`;
    const batchName = `${base}-batch`;
    const postName = `${base}-post-batch`;
    const header = `${title(base)}: pre-batch -> Batch job -> post-batch`;

    if (variant === 'naked') {
      batch.Next = NEXT;
      if (this.rng.chance(0.5)) batch.Catch = this.catchAll(scope);
      return { entry: batchName, states: [[batchName, batch]], exits: [batch], count: 1 };
    }
    if (variant === 'missing-post-batch') {
      pre.Next = batchName;
      batch.Next = NEXT;
      batch.Catch = this.catchAll(scope);
      return { entry: preName, states: [[preName, pre], [batchName, batch]], exits: [batch], count: 2 };
    }
    pre.Next = batchName;
    batch.Next = postName;
    batch.Catch = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: postName }];
    if (variant === 'flat-triad') {
      post.Next = NEXT;
      if (this.rng.chance(0.5)) {
        pre.Catch = this.catchAll(scope);
        post.Catch = this.catchAll(scope);
      }
      if (this.rng.chance(0.3)) batch.Catch = this.catchAll(scope); // errors skip post-batch
      const states: [string, Obj][] = [[preName, pre], [batchName, batch], [postName, post]];
      return { entry: preName, states, exits: [post], count: 3, comment: this.rng.chance(0.6) ? [header] : undefined };
    }
    post.Next = NEXT;
    setNext(post, undefined);
    const branchStates: Obj = { [preName]: pre, [batchName]: batch, [postName]: post };
    if (this.yamlComments && this.rng.chance(0.3)) comment(branchStates, batchName, 'The user\'s Batch job: keeps its name and settings');
    const groupName = `${base}-group`;
    const group: Obj = { Type: 'Parallel' };
    if (this.rng.chance(0.3)) group.Comment = `${title(base)} in AWS Batch, retried as one unit`;
    group.Branches = [{ StartAt: preName, States: branchStates }];
    if (variant !== 'no-output-path') group.OutputPath = '$[0]';
    group.Next = NEXT;
    if (variant !== 'no-group-retry') group.Retry = [{ ErrorEquals: ['States.ALL'], IntervalSeconds: this.rng.pick([3, 10, 30]), MaxAttempts: this.rng.pick([1, 2, 3]) }];
    else if (this.rng.chance(0.5)) group.Retry = [{ ErrorEquals: ['Batch.AWSBatchException'], IntervalSeconds: 5, MaxAttempts: 2 }];
    if (this.rng.chance(0.7)) group.Catch = this.catchAll(scope);
    const notes: string[] = [];
    if (this.rng.chance(0.6)) notes.push(header);
    // Some teams silence the warning where a retry is deliberately absent.
    if (variant === 'no-group-retry' && this.rng.chance(0.25)) notes.push('wf-lint-disable-next-line batch/require-group-retry');
    return { entry: groupName, states: [[groupName, group]], exits: [group], count: 4, comment: notes.length > 0 ? notes : undefined };
  }

  private helper(fn: 'pre-batch' | 'post-batch', invoke: boolean, unwrap: boolean): Obj {
    const state: Obj = { Type: 'Task' };
    if (invoke) {
      state.Resource = 'arn:aws:states:::lambda:invoke';
      state.Parameters = { FunctionName: this.style.lambda(fn), 'Payload.$': '$' };
      if (unwrap) {
        if (this.rng.chance(0.7)) state.OutputPath = '$.Payload';
        else state.ResultSelector = { 'url.$': '$.Payload.url', 'url_out.$': '$.Payload.url_out' };
      }
    } else {
      state.Resource = this.style.lambda(fn);
    }
    state.Next = undefined; // keeps the key order: Next or End comes before Retry
    state.Retry = this.lambdaRetry();
    return state;
  }

  private batchTask(base: string, variant: BatchVariant): Obj {
    const job: Obj = {
      JobName: base,
      JobQueue: this.style.jobQueue(base),
      JobDefinition: this.style.jobDefinition(base),
    };
    if (variant === 'native-retry') job.RetryStrategy = { Attempts: this.rng.int(2, 5) };
    if (this.rng.chance(0.2)) job.ContainerOverrides = { ResourceRequirements: [{ Type: 'VCPU', Value: String(this.rng.pick([1, 2, 4])) }, { Type: 'MEMORY', Value: String(this.rng.pick([2048, 4096, 15360])) }] };
    const params: Obj = { ...(this.style.jobExtras?.(base) ?? {}), 'url.$': '$.url' };
    if (variant !== 'missing-url-out' && variant !== 'naked') params['url_out.$'] = '$.url_out';
    if (variant === 'naked') params['scene_id.$'] = '$.id';
    job.Parameters = params;
    const state: Obj = { Type: 'Task' };
    if (this.rng.chance(0.2)) state.Comment = `Runs ${base} as an AWS Batch job`;
    state.Resource = this.style.batchResource(variant !== 'no-sync' && !(variant === 'naked' && this.rng.chance(0.6)));
    state.Parameters = job;
    if (variant === 'result-override' || (variant === 'naked' && this.rng.chance(0.5))) state.ResultPath = '$.job';
    state.Next = undefined;
    return state;
  }
}

/** Resolves a `Next` placeholder: the following block, or `End: true` (the key keeps its place). */
function setNext(state: Obj, next: string | undefined): void {
  const entries = Object.entries(state);
  for (const key of Object.keys(state)) delete state[key];
  for (const [key, value] of entries) {
    if (key === 'Next' && value === NEXT) {
      if (next === undefined) state.End = true;
      else state.Next = next;
    } else {
      state[key] = value;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writers.

const PLAIN_UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMERIC = /^[-+]?(?:\d|\.\d)/;

function yamlScalar(value: unknown, inFlow = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (
    s === '' ||
    PLAIN_UNSAFE_START.test(s) ||
    /\s$/.test(s) ||
    RESERVED.test(s) ||
    NUMERIC.test(s) ||
    /: |:$| #|[\n\t\\]/.test(s) ||
    (inFlow && /[,[\]{}]/.test(s))
  ) {
    return JSON.stringify(s);
  }
  return s;
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object' || value instanceof Tag;
}

function inline(value: unknown): string | undefined {
  if (value instanceof Tag) return `${value.tag} ${yamlScalar(value.value)}`;
  if (isScalar(value)) return yamlScalar(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'string' || typeof v === 'number') && value.length <= 4) {
      return `[${value.map((v) => yamlScalar(v, true)).join(', ')}]`;
    }
    return undefined;
  }
  if (value instanceof Literal) return undefined;
  return Object.keys(value as object).length === 0 ? '{}' : undefined;
}

/** Block-style YAML with comments, short tags and literal blocks. */
export function toYaml(value: unknown, indent = 0): string {
  const out: string[] = [];
  writeYaml(value, indent, out);
  return `${out.join('\n')}\n`;
}

function writeYaml(value: unknown, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      const simple = inline(item);
      if (simple !== undefined) {
        out.push(`${pad}- ${simple}`);
        continue;
      }
      const start = out.length;
      writeYaml(item, indent + 2, out);
      out[start] = `${pad}- ${out[start].slice(indent + 2)}`;
    }
    return;
  }
  const obj = value as Obj;
  const comments = obj[COMMENTS];
  for (const [key, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    for (const line of comments?.[key] ?? []) out.push(`${pad}# ${line}`);
    const k = yamlScalar(key);
    if (v instanceof Literal) {
      out.push(`${pad}${k}: ${v.tag ? `${v.tag} ` : ''}|`);
      for (const line of v.text.replace(/\n$/, '').split('\n')) out.push(line === '' ? '' : `${pad}  ${line}`);
      continue;
    }
    const simple = inline(v);
    if (simple !== undefined) {
      out.push(`${pad}${k}: ${simple}`);
    } else {
      out.push(`${pad}${k}:`);
      writeYaml(v, indent + 2, out);
    }
  }
}

/**
 * JSON as people write it: one key per line, short lists of scalars on one line
 * (`"ErrorEquals": ["States.ALL"]`). `undefined` placeholders and comment symbols are dropped,
 * tags take their long form.
 */
function json(value: unknown, indent: number, depth = 0): string {
  if (value instanceof Tag || value instanceof Literal) return json(value.toJSON(), indent, depth);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = ' '.repeat(indent * (depth + 1));
  const outer = ' '.repeat(indent * depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.length <= 4 && value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + json(v, indent, depth + 1)).join(',\n')}\n${outer}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${json(v, indent, depth + 1)}`).join(',\n')}\n${outer}}`;
}

// ---------------------------------------------------------------------------------------------
// Files.

export type Format = 'asl-json' | 'asl-yaml' | 'cirrus' | 'serverless' | 'cfn-yaml' | 'cfn-json';

export interface GeneratedFile {
  readonly path: string;
  readonly format: Format;
  readonly machines: MachineStats[];
  readonly bytes: number;
}

export interface Manifest {
  readonly generatorVersion: number;
  readonly seed: number;
  readonly requestedDefinitions: number;
  readonly definitions: number;
  readonly files: number;
  readonly bytes: number;
  readonly states: number;
  readonly batchTasks: number;
  readonly statesPerMachine: { min: number; median: number; max: number; mean: number };
  readonly byFormat: Record<Format, { files: number; definitions: number; bytes: number }>;
  readonly batchVariants: Record<string, number>;
  readonly parallels: number;
  readonly maps: number;
  readonly maxDepth: number;
  /** The smallest Cirrus definition.yml and ASL JSON file with a broken Batch step (paths relative to the corpus): cold-start probes. */
  readonly probes: { readonly yaml: string; readonly json: string };
}

/**
 * Machine sizes: most real workflows are small, a few are large. The bands follow the 22 real
 * Batch workflows in shared/corpus/real (2 to 23 states, median 8, about 5 KB a file), with a
 * tail of larger machines that no real file reaches, so that big definitions are measured too.
 */
function machineSize(rng: Rng): number {
  const band = rng.weighted<[number, number]>([
    [[3, 10], 55],
    [[11, 25], 35],
    [[26, 60], 8],
    [[61, 150], 2],
  ]);
  return rng.int(band[0], band[1]);
}

class CorpusWriter {
  readonly files: GeneratedFile[] = [];
  private readonly serials = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly out: string,
  ) {}

  private folder(kind: string): string {
    const n = (this.serials.get(kind) ?? 0) + 1;
    this.serials.set(kind, n);
    return path.join(kind, `${this.rng.pick(PROJECTS)}-${String(n).padStart(4, '0')}`);
  }

  private write(rel: string, format: Format, text: string, machines: MachineStats[]): void {
    const full = path.join(this.out, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    this.files.push({ path: rel, format, machines, bytes: Buffer.byteLength(text) });
  }

  /** One machine with its stats; the builder's comments are placed on the top-level states. */
  private machine(style: Style, yaml: boolean, workflow = this.rng.pick(WORKFLOWS)): { definition: Obj; stats: MachineStats; workflow: string; lambdas: Set<string>; batchOps: Set<string> } {
    const lambdas = new Set<string>();
    const batchOps = new Set<string>();
    const tracking: Style = {
      ...style,
      lambda: (fn) => {
        lambdas.add(fn);
        return style.lambda(fn);
      },
      jobDefinition: (op) => {
        batchOps.add(op);
        return style.jobDefinition(op);
      },
    };
    const builder = new MachineBuilder(this.rng, tracking, yaml);
    const definition = builder.machine(machineSize(this.rng), workflow);
    return { definition, stats: builder.stats, workflow, lambdas, batchOps };
  }

  aslJson(): void {
    const style = this.rng.weighted<() => Style>([
      [() => samSubstitutionStyle(), 4],
      [() => terraformStyle(this.rng), 3],
      [() => literalStyle(this.rng), 3],
    ])();
    const m = this.machine(style, false);
    const ext = this.rng.pick(['.asl.json', '.asl.json', '.json']);
    const dir = this.folder('asl-json');
    const name = this.rng.chance(0.5) ? `statemachine/${m.workflow}${ext}` : `${m.workflow}${ext}`;
    this.write(path.join(dir, name), 'asl-json', `${json(m.definition, this.rng.pick([2, 2, 4]))}\n`, [m.stats]);
  }

  aslYaml(): void {
    const style = this.rng.chance(0.6) ? samSubstitutionStyle() : literalStyle(this.rng);
    const m = this.machine(style, true);
    const ext = this.rng.pick(['.asl.yaml', '.asl.yaml', '.asl.yml']);
    const header = `# ${title(m.workflow)} state machine (Amazon States Language)\n# Deployed with DefinitionSubstitutions; see template.yaml.\n`;
    this.write(path.join(this.folder('asl-yaml'), `${m.workflow}${ext}`), 'asl-yaml', header + toYaml(m.definition), [m.stats]);
  }

  /** A Cirrus project: 1-4 `workflows/<name>/definition.yml`. */
  cirrus(): number {
    const dir = this.folder('cirrus');
    const n = this.rng.int(1, 4);
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      let workflow = this.rng.pick(WORKFLOWS);
      while (used.has(workflow)) workflow = `${workflow}-v${used.size + 1}`;
      used.add(workflow);
      const m = this.machine(serverlessStyle(this.rng), true, workflow);
      const doc: Obj = { name: `\${self:service}-\${self:provider.stage}-${workflow}`, definition: m.definition };
      this.write(path.join(dir, 'workflows', workflow, 'definition.yml'), 'cirrus', toYaml(doc), [m.stats]);
    }
    return n;
  }

  /** A serverless.yml with 2-3 state machines. */
  serverless(): number {
    const style = serverlessStyle(this.rng);
    const k = this.rng.int(2, 3);
    const machines = Array.from({ length: k }, () => this.machine(style, true));
    const service = this.rng.pick(PROJECTS);
    const functions: Obj = {};
    for (const fn of new Set(machines.flatMap((m) => [...m.lambdas]))) {
      functions[fn] = { handler: `lambdas/${snake(fn)}.handler`, ...(fn === 'pre-batch' ? { environment: { CIRRUS_PAYLOAD_BUCKET: '${self:service}-${self:provider.stage}-payloads' } } : {}) };
    }
    const stateMachines: Obj = {};
    const seen = new Set<string>();
    for (const m of machines) {
      let key = m.workflow;
      for (let i = 2; seen.has(key); i++) key = `${m.workflow}-${i}`;
      seen.add(key);
      stateMachines[key] = { name: `\${self:service}-\${self:provider.stage}-${key}`, definition: m.definition };
      if (this.rng.chance(0.3)) comment(stateMachines, key, `${title(key)} workflow`);
    }
    const doc: Obj = {
      service,
      frameworkVersion: '3',
      provider: { name: 'aws', runtime: 'python3.12', stage: "${opt:stage, 'dev'}", region: this.rng.pick(['us-west-2', 'us-east-1']) },
      plugins: ['serverless-step-functions', 'serverless-pseudo-parameters'],
      functions,
      stepFunctions: { validate: true, stateMachines },
    };
    const jobDefs = new Set(machines.flatMap((m) => [...m.batchOps]));
    if (jobDefs.size > 0 && this.rng.chance(0.5)) doc.resources = { Resources: Object.fromEntries([...jobDefs].map((op) => [`${pascal(op)}JobDefinition`, jobDefinition(this.rng, op, false)])) };
    this.write(path.join(this.folder('serverless'), 'serverless.yml'), 'serverless', toYaml(doc), machines.map((m) => m.stats));
    return k;
  }

  /** A CloudFormation / SAM YAML template with 1-2 machines. */
  cfnYaml(): number {
    const k = this.rng.chance(0.75) ? 1 : 2;
    const sam = this.rng.chance(0.25);
    const machines = Array.from({ length: k }, () => this.machine(sam ? samDefinitionStyle() : cfnSubStyle(), sam));
    const resources = templateResources(this.rng, machines, true);
    const ids = machines.map((m, i) => `${pascal(m.workflow)}StateMachine${k > 1 ? i + 1 : ''}`);
    machines.forEach((m, i) => {
      const id = ids[i];
      const properties: Obj = { RoleArn: new Tag('!GetAtt', 'StateMachineRole.Arn') };
      if (sam) properties.Definition = m.definition;
      else properties.DefinitionString = new Literal(`${json(m.definition, 2)}\n`, '!Sub');
      resources[id] = { Type: sam ? 'AWS::Serverless::StateMachine' : 'AWS::StepFunctions::StateMachine', Properties: properties };
      comment(resources, id, `${title(m.workflow)} workflow`);
    });
    const doc: Obj = {
      AWSTemplateFormatVersion: '2010-09-09',
      ...(sam ? { Transform: 'AWS::Serverless-2016-10-31' } : {}),
      Description: `${title(machines[0].workflow)} pipeline with AWS Batch`,
      Parameters: { JobQueueArn: { Type: 'String' }, PayloadBucket: { Type: 'String' } },
      Resources: resources,
      Outputs: { StateMachineArn: { Value: new Tag('!Ref', ids[0]) } },
    };
    this.write(path.join(this.folder('cloudformation'), this.rng.pick(['template.yaml', 'template.yml', 'stack.yaml'])), 'cfn-yaml', toYaml(doc), machines.map((m) => m.stats));
    return k;
  }

  /** A CloudFormation JSON template: `DefinitionString` as `Fn::Sub` (or `Fn::Join` of lines), or `Definition`. */
  cfnJson(): number {
    const k = this.rng.chance(0.8) ? 1 : 2;
    const machines = Array.from({ length: k }, () => this.machine(cfnSubStyle(), false));
    const resources = templateResources(this.rng, machines, false);
    machines.forEach((m, i) => {
      const text = json(m.definition, 2);
      const how = this.rng.weighted<string>([['sub', 7], ['join', 2], ['sub-array', 1]]);
      const definition =
        how === 'join' ? { 'Fn::Join': ['\n', text.split('\n')] } : how === 'sub-array' ? { 'Fn::Sub': [text, { Stage: { Ref: 'Stage' } }] } : { 'Fn::Sub': text };
      resources[`${pascal(m.workflow)}StateMachine${k > 1 ? i + 1 : ''}`] = {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { RoleArn: { 'Fn::GetAtt': ['StateMachineRole', 'Arn'] }, DefinitionString: definition },
      };
    });
    const doc = {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: `${title(machines[0].workflow)} pipeline with AWS Batch`,
      Parameters: { JobQueueArn: { Type: 'String' }, Stage: { Type: 'String', Default: 'dev' } },
      Resources: resources,
    };
    this.write(path.join(this.folder('cloudformation'), 'template.json'), 'cfn-json', `${json(doc, 2)}\n`, machines.map((m) => m.stats));
    return k;
  }
}

function jobDefinition(rng: Rng, op: string, yaml: boolean): Obj {
  const image = `\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/${op}:latest`;
  return {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      Type: 'container',
      // A quarter of the templates keep Batch-native retries: batch/no-native-retry reports them.
      RetryStrategy: { Attempts: rng.chance(0.25) ? 3 : 1 },
      ContainerProperties: {
        Image: yaml ? new Tag('!Sub', image) : { 'Fn::Sub': image },
        Command: ['run', 'Ref::url', 'Ref::url_out'],
        ResourceRequirements: [
          { Type: 'VCPU', Value: String(rng.pick([1, 2, 4])) },
          { Type: 'MEMORY', Value: String(rng.pick([2048, 4096, 8192])) },
        ],
      },
    },
  };
}

function templateResources(rng: Rng, machines: { lambdas: Set<string>; batchOps: Set<string> }[], yaml: boolean): Obj {
  const resources: Obj = {};
  const getAtt = (id: string) => (yaml ? new Tag('!GetAtt', `${id}.Arn`) : { 'Fn::GetAtt': [id, 'Arn'] });
  const ref = (id: string) => (yaml ? new Tag('!Ref', id) : { Ref: id });
  for (const fn of new Set(machines.flatMap((m) => [...m.lambdas]))) {
    resources[`${pascal(fn)}Function`] = {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'python3.12',
        Handler: `${snake(fn)}.handler`,
        Role: getAtt('FunctionRole'),
        Code: { S3Bucket: ref('PayloadBucket'), S3Key: `lambdas/${fn}.zip` },
        ...(fn.endsWith('batch') ? { Environment: { Variables: { CIRRUS_PAYLOAD_BUCKET: ref('PayloadBucket') } } } : {}),
      },
    };
  }
  for (const op of new Set(machines.flatMap((m) => [...m.batchOps]))) resources[`${pascal(op)}JobDefinition`] = jobDefinition(rng, op, yaml);
  resources.StateMachineRole = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      Policies: [{ PolicyName: 'batch', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['batch:SubmitJob', 'batch:DescribeJobs', 'batch:TerminateJob'], Resource: '*' }] } }],
    },
  };
  return resources;
}

// ---------------------------------------------------------------------------------------------

export interface GenerateOptions {
  readonly out?: string;
  readonly definitions?: number;
  readonly seed?: number;
}

/** Share of definitions per format (percent), and the mean number of definitions per file. */
const FORMAT_SHARES: readonly (readonly [Format, number, number])[] = [
  ['asl-json', 25, 1],
  ['asl-yaml', 15, 1],
  ['cirrus', 20, 2.5], // a project: 1-4 workflows/<name>/definition.yml
  ['serverless', 15, 2.5],
  ['cfn-yaml', 15, 1.25],
  ['cfn-json', 10, 1.2],
];
/** Files are drawn so that formats get their share of definitions, not of files. */
const FILE_WEIGHTS = FORMAT_SHARES.map(([format, share, perFile]) => [format, share / perFile] as const);

/** Writes the corpus (replacing `out`) and its `manifest.json`; returns the manifest. */
export function generateCorpus(options: GenerateOptions = {}): Manifest {
  const out = path.resolve(options.out ?? DEFAULT_OUT);
  const requested = options.definitions ?? DEFAULT_DEFINITIONS;
  const seed = options.seed ?? DEFAULT_SEED;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const rng = new Rng(seed);
  const writer = new CorpusWriter(rng, out);
  let definitions = 0;
  while (definitions < requested) {
    switch (rng.weighted(FILE_WEIGHTS)) {
      case 'asl-json':
        writer.aslJson();
        definitions += 1;
        break;
      case 'asl-yaml':
        writer.aslYaml();
        definitions += 1;
        break;
      case 'cirrus':
        definitions += writer.cirrus();
        break;
      case 'serverless':
        definitions += writer.serverless();
        break;
      case 'cfn-yaml':
        definitions += writer.cfnYaml();
        break;
      default:
        definitions += writer.cfnJson();
    }
  }
  const manifest = summarise(writer.files, seed, requested, out);
  fs.writeFileSync(path.join(out, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function summarise(files: readonly GeneratedFile[], seed: number, requested: number, out: string): Manifest {
  const machines = files.flatMap((f) => f.machines);
  const sizes = machines.map((m) => m.states).sort((a, b) => a - b);
  const byFormat = Object.fromEntries(FORMAT_SHARES.map(([f]) => [f, { files: 0, definitions: 0, bytes: 0 }])) as Manifest['byFormat'];
  for (const f of files) {
    byFormat[f.format].files++;
    byFormat[f.format].definitions += f.machines.length;
    byFormat[f.format].bytes += f.bytes;
  }
  const variants: Record<string, number> = {};
  for (const m of machines) for (const [v, n] of Object.entries(m.variants)) variants[v] = (variants[v] ?? 0) + (n ?? 0);
  // The probes hold a broken Batch step, so a lint of them must exit 1.
  const broken = (m: MachineStats) => Object.keys(m.variants).some((v) => !v.startsWith('compliant') && v !== 'no-group-retry');
  const smallest = (format: Format) =>
    files.filter((f) => f.format === format && f.machines.some(broken)).sort((a, b) => a.bytes - b.bytes || (a.path < b.path ? -1 : 1))[0]?.path ?? '';
  return {
    generatorVersion: GENERATOR_VERSION,
    seed,
    requestedDefinitions: requested,
    definitions: machines.length,
    files: files.length,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    states: sizes.reduce((n, s) => n + s, 0),
    batchTasks: machines.reduce((n, m) => n + m.batchTasks, 0),
    statesPerMachine: { min: sizes[0], median: sizes[Math.floor(sizes.length / 2)], max: sizes[sizes.length - 1], mean: Math.round((sizes.reduce((n, s) => n + s, 0) / sizes.length) * 10) / 10 },
    byFormat,
    batchVariants: variants,
    parallels: machines.reduce((n, m) => n + m.parallels, 0),
    maps: machines.reduce((n, m) => n + m.maps, 0),
    maxDepth: Math.max(...machines.map((m) => m.maxDepth)),
    probes: { yaml: smallest('cirrus'), json: smallest('asl-json') },
  };
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const started = process.hrtime.bigint();
  const manifest = generateCorpus({
    out: argValue(argv, '--out'),
    definitions: argValue(argv, '--definitions') ? Number(argValue(argv, '--definitions')) : undefined,
    seed: argValue(argv, '--seed') ? Number(argValue(argv, '--seed')) : undefined,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    `Generated ${manifest.definitions} definitions in ${manifest.files} files (${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.states} states) in ${ms.toFixed(0)} ms\n`,
  );
}

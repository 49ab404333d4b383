/**
 * fast-check arbitraries for the property tests of `--fix` (issue 3): random but valid ASL
 * state machines as plain JSON objects, with Batch tasks placed anywhere, rendered as JSON or
 * YAML text.
 *
 * A machine is drawn as a *plan* (what each scope holds, item by item) and then built by
 * `buildMachine`, which names every state (unique across the whole machine) and wires the
 * transitions. Plans shrink well: a failing machine shrinks to fewer scopes, fewer items and
 * simpler Batch tasks.
 *
 * What the plans cover:
 * - Pass, Task (a plain Lambda), Wait, Choice (targets: any other item of its scope, forward
 *   or back), Succeed and Fail at the end of a scope, and a Fail state that Tasks catch into;
 * - Parallel with 1–3 branches and Map with `ItemProcessor` or the legacy `Iterator`, nested
 *   up to three scopes below the machine;
 * - Batch tasks (`batch:submitJob` with or without `.sync`, with or without `RetryStrategy`,
 *   job `Parameters` with both, one, wrong or no payload urls, or none at all) at the top
 *   level, as `StartAt`, as a Choice target, in Parallel branches and in Map processors; alone
 *   or after a pre-batch / before a post-batch (a Lambda ARN ending in `pre-batch` /
 *   `post-batch`, or `lambda:invoke` with `FunctionName`, unwrapped or not); sometimes already
 *   in a batch group (canonical, or missing parts);
 * - names that collide with what the fixer would insert (`copy-group`, `convert-pre-batch`, …)
 *   and two Batch tasks with the same base name (`copy` and `copy-batch`).
 *
 * Every object is built fresh (never shared), so YAML never writes an alias.
 */
import fc from 'fast-check';
import YAML from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

// ---------------------------------------------------------------------------------------------
// Plans

/** How a pre-/post-batch Lambda is called. */
export type LambdaForm = 'arn' | 'invoke' | 'invoke-unwrapped';

export type PayloadUrls = 'both' | 'url-only' | 'none' | 'wrong' | 'absent';

export interface BatchPlan {
  readonly kind: 'batch';
  /** The base word of the task's name. */
  readonly word: string;
  /** `<word>-batch` or just `<word>`. */
  readonly suffixed: boolean;
  readonly sync: boolean;
  /** `aws` or a templated partition. */
  readonly partition: 'aws' | '${AWS::Partition}';
  /** `Parameters.Parameters`: both urls, only `url`, other keys only, wrong paths, or no such object. */
  readonly urls: PayloadUrls;
  /** `Parameters.RetryStrategy.Attempts`, when present. */
  readonly retryStrategy: number | null;
  readonly pre: LambdaForm | null;
  readonly post: LambdaForm | null;
  /** The Batch task's own `Catch`: none, States.ALL to its post-batch, or to the scope's Fail state. */
  readonly batchCatch: 'none' | 'post' | 'fail';
  /** The pre- and post-batch tasks catch into the scope's Fail state too (flat triads only). */
  readonly memberCatch: boolean;
  /** Other fields of the Batch task: `TimeoutSeconds`, a `Comment`. */
  readonly extras: boolean;
  /** Already in a batch group: none, a canonical group, or a group missing parts. */
  readonly group: 'none' | 'canonical' | 'partial';
  readonly groupOutputPath: boolean;
  readonly groupRetry: boolean;
}

export type ItemPlan =
  | { readonly kind: 'pass'; readonly word: string }
  | {
      readonly kind: 'task';
      readonly word: string;
      readonly retry: boolean;
      /** Catches `States.ALL` into the scope's Fail state. */
      readonly catchToFail: boolean;
      /** Catches `States.TaskFailed` into another item of its scope (a Batch task, say). */
      readonly catchTarget: number | null;
    }
  | { readonly kind: 'wait'; readonly word: string; readonly seconds: number }
  | { readonly kind: 'choice'; readonly word: string; readonly targets: readonly number[]; readonly defaultTarget: number }
  | { readonly kind: 'parallel'; readonly word: string; readonly branches: readonly ScopePlan[] }
  | { readonly kind: 'map'; readonly word: string; readonly legacy: boolean; readonly processor: ScopePlan }
  | BatchPlan;

export interface ScopePlan {
  /** The chain of items: each one's exit leads to the next one's entry. */
  readonly items: readonly ItemPlan[];
  /** How the scope ends: the last item ends it, or it goes on to a Succeed or a Fail state. */
  readonly tail: 'end' | 'succeed' | 'fail';
  /** A Fail state that Tasks (and sometimes Batch tasks) catch into, when one does. */
  readonly failHandler: boolean;
}

export interface MachinePlan {
  readonly root: ScopePlan;
  readonly comment: boolean;
}

/**
 * Base words of Batch tasks: few, so that two tasks often share a base; some need quoting in
 * YAML (a space, ` #`, `: `), which the names the fixer derives from them inherit.
 */
const BATCH_WORDS = ['copy', 'convert', 'publish', 'Copy Assets', 'publish #2', 'ingest: raw'] as const;
/** Names of other states, some of them what the fixer would like to insert. */
const OTHER_WORDS = ['start', 'check', 'notify', 'copy-group', 'convert-pre-batch', 'publish-post-batch', 'copy-2-group', 'done'] as const;

const otherWord = fc.constantFrom(...OTHER_WORDS);

/** A Batch task and what surrounds it. */
export const batchPlan: fc.Arbitrary<BatchPlan> = fc.record({
  kind: fc.constant('batch' as const),
  word: fc.constantFrom(...BATCH_WORDS),
  suffixed: fc.boolean(),
  sync: fc.boolean(),
  partition: fc.constantFrom('aws' as const, '${AWS::Partition}' as const),
  urls: fc.constantFrom<PayloadUrls>('both', 'url-only', 'none', 'wrong', 'absent'),
  retryStrategy: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  pre: fc.option(fc.constantFrom<LambdaForm>('arn', 'invoke', 'invoke-unwrapped'), { nil: null }),
  post: fc.option(fc.constantFrom<LambdaForm>('arn', 'invoke', 'invoke-unwrapped'), { nil: null }),
  batchCatch: fc.constantFrom('none' as const, 'post' as const, 'fail' as const),
  memberCatch: fc.boolean(),
  extras: fc.boolean(),
  group: fc.oneof({ arbitrary: fc.constant('none' as const), weight: 4 }, { arbitrary: fc.constantFrom('canonical' as const, 'partial' as const), weight: 2 }),
  groupOutputPath: fc.boolean(),
  groupRetry: fc.boolean(),
});

/** A Batch task with nothing around it (no pre-batch, no group): what StartAt and Choices lead to. */
export const nakedBatchPlan: fc.Arbitrary<BatchPlan> = batchPlan.map((plan) => ({ ...plan, pre: null, group: 'none' as const }));

const simpleItem: fc.Arbitrary<ItemPlan> = fc.oneof(
  fc.record({ kind: fc.constant('pass' as const), word: otherWord }),
  fc.record({
    kind: fc.constant('task' as const),
    word: otherWord,
    retry: fc.boolean(),
    catchToFail: fc.boolean(),
    catchTarget: fc.option(fc.nat(7), { nil: null }),
  }),
  fc.record({ kind: fc.constant('wait' as const), word: otherWord, seconds: fc.integer({ min: 1, max: 30 }) }),
  {
    // Choices are where Batch tasks get entered from several places: drawn twice as often.
    arbitrary: fc.record({
      kind: fc.constant('choice' as const),
      word: otherWord,
      targets: fc.array(fc.nat(7), { minLength: 1, maxLength: 3 }),
      defaultTarget: fc.nat(7),
    }),
    weight: 2,
  },
);

/** Deepest scope level a Parallel or Map may open (the machine is level 0). */
export const MAX_DEPTH = 3;

const scopeCache = new Map<number, fc.Arbitrary<ScopePlan>>();

/** A scope at nesting level `depth` (0: the machine itself). */
export function scopePlan(depth: number): fc.Arbitrary<ScopePlan> {
  const cached = scopeCache.get(depth);
  if (cached) return cached;
  const nested: fc.Arbitrary<ItemPlan>[] =
    depth < MAX_DEPTH
      ? [
          fc.record({
            kind: fc.constant('parallel' as const),
            word: fc.constantFrom('fan-out', 'in-parallel'),
            branches: fc.array(scopePlan(depth + 1), { minLength: 1, maxLength: 3 }),
          }),
          fc.record({
            kind: fc.constant('map' as const),
            word: fc.constantFrom('each-item', 'for-each'),
            legacy: fc.boolean(),
            processor: scopePlan(depth + 1),
          }),
        ]
      : [];
  const item: fc.Arbitrary<ItemPlan> = fc.oneof(
    { arbitrary: batchPlan, weight: 3 },
    { arbitrary: nakedBatchPlan, weight: 1 },
    { arbitrary: simpleItem, weight: 4 },
    ...nested.map((arbitrary) => ({ arbitrary, weight: depth === 0 ? 2 : 1 })),
  );
  // A naked Batch task first, a third of the time: the scope's StartAt then points at it.
  const lead = fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: nakedBatchPlan.map((p): ItemPlan[] => [p]), weight: 1 });
  const arbitrary = fc.record({
    items: fc
      .tuple(lead, fc.array(item, { minLength: 1, maxLength: depth === 0 ? 4 : 2 }))
      .map(([first, rest]) => [...first, ...rest]),
    tail: fc.constantFrom('end' as const, 'succeed' as const, 'fail' as const),
    failHandler: fc.boolean(),
  });
  scopeCache.set(depth, arbitrary);
  return arbitrary;
}

export const machinePlan: fc.Arbitrary<MachinePlan> = fc.record({ root: scopePlan(0), comment: fc.boolean() });

// ---------------------------------------------------------------------------------------------
// Building a machine from a plan

export const PRE_BATCH_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:cirrus-pre-batch';
export const POST_BATCH_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:cirrus-post-batch';
export const WORKER_ARN = 'arn:aws:lambda:us-west-2:123456789012:function:worker';
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_RETRY = (): JsonObject => ({ ErrorEquals: ['Lambda.TooManyRequestsException', 'Lambda.Unknown'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 5 });

type Exit = { Next: string } | { End: true };

/** A built item: its states in order, the name control enters by, and how to give it its exit. */
interface Unit {
  readonly states: [string, JsonObject][];
  readonly entry: string;
  /** Sets the item's exit; false for a Choice, which has none (its Default is set instead). */
  setExit(exit: Exit): void;
}

class Builder {
  private readonly taken = new Set<string>();
  private flags = 0;

  /** `base`, or `base-2`, `base-3`, … : a name no state of the machine has. */
  name(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}-${n}`;
    this.taken.add(name);
    return name;
  }

  scope(plan: ScopePlan): JsonObject {
    // Names are taken in document order, so they are stable under shrinking of later items.
    const fail = plan.failHandler ? this.name('failed') : undefined;
    const units = plan.items.map((item) => this.item(item, fail));
    const tailName = plan.tail === 'end' ? undefined : this.name(plan.tail === 'succeed' ? 'done' : 'stop');
    // A Choice that ends the chain needs somewhere to go by default.
    const last = plan.items[plan.items.length - 1];
    const after = tailName ?? (last.kind === 'choice' ? this.name('finish') : undefined);
    units.forEach((unit, i) => {
      const next = i + 1 < units.length ? units[i + 1].entry : after;
      unit.setExit(next !== undefined ? { Next: next } : { End: true });
    });
    // Choice and Catch targets: any other item of the scope (loops included).
    plan.items.forEach((item, i) => {
      const others = units.filter((_, j) => j !== i).map((u) => u.entry);
      // A Choice that ends the chain has `after`; one that does not has a next item.
      if (after !== undefined) others.push(after);
      if (item.kind === 'task') {
        const catchers: Json[] = [];
        if (item.catchTarget !== null && others.length > 0) catchers.push({ ErrorEquals: ['States.TaskFailed'], Next: others[item.catchTarget % others.length] });
        if (item.catchToFail && fail !== undefined) catchers.push({ ErrorEquals: ['States.ALL'], Next: fail });
        if (catchers.length > 0) units[i].states[0][1].Catch = catchers;
      }
      if (item.kind !== 'choice') return;
      const choice = units[i].states[0][1];
      choice.Choices = item.targets.map((t) => ({ Variable: `$.flag${this.flags++}`, BooleanEquals: true, Next: others[t % others.length] }));
      if (choice.Default === undefined) choice.Default = others[item.defaultTarget % others.length];
    });
    const states: JsonObject = {};
    for (const unit of units) for (const [name, state] of unit.states) states[name] = state;
    if (tailName !== undefined) states[tailName] = plan.tail === 'succeed' ? { Type: 'Succeed' } : { Type: 'Fail', Error: 'Stopped', Cause: 'stopped' };
    else if (after !== undefined) states[after] = { Type: 'Succeed' };
    // asl-validator wants every state reachable: the handler only when something catches into it.
    if (fail !== undefined && catchesInto(states, fail)) states[fail] = { Type: 'Fail', Error: 'Failed', Cause: 'a task failed' };
    return { StartAt: units[0].entry, States: states };
  }

  private item(plan: ItemPlan, fail: string | undefined): Unit {
    switch (plan.kind) {
      case 'pass':
        return single(this.name(plan.word), { Type: 'Pass', Result: { step: plan.word }, ResultPath: `$.${identifier(plan.word)}` });
      case 'task': {
        const state: JsonObject = { Type: 'Task', Resource: WORKER_ARN };
        if (plan.retry) state.Retry = [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 }];
        return single(this.name(plan.word), state);
      }
      case 'wait':
        return single(this.name(plan.word), { Type: 'Wait', Seconds: plan.seconds });
      case 'choice': {
        const state: JsonObject = { Type: 'Choice' };
        const name = this.name(plan.word);
        return { states: [[name, state]], entry: name, setExit: (exit) => { if ('Next' in exit) state.Default = exit.Next; } };
      }
      case 'parallel': {
        const name = this.name(plan.word);
        const state: JsonObject = { Type: 'Parallel', Branches: plan.branches.map((b) => this.scope(b)), ResultPath: '$.branches' };
        return single(name, state);
      }
      case 'map': {
        const name = this.name(plan.word);
        const processor = this.scope(plan.processor);
        const state: JsonObject = plan.legacy
          ? { Type: 'Map', ItemsPath: '$.items', Iterator: processor }
          : { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...processor }, MaxConcurrency: 2 };
        return single(name, state);
      }
      case 'batch':
        return this.batch(plan, fail);
    }
  }

  private batch(plan: BatchPlan, fail: string | undefined): Unit {
    const canonical = plan.group === 'canonical';
    // A canonical group has both Lambdas, unwrapped when called through lambda:invoke.
    const pre = canonical ? unwrapped(plan.pre ?? 'arn') : plan.pre;
    const post = canonical ? unwrapped(plan.post ?? 'arn') : plan.post;
    const batchName = this.name(plan.suffixed ? `${plan.word}-batch` : plan.word);
    const preName = pre ? this.name(`${plan.word}-pre-batch`) : undefined;
    const postName = post ? this.name(`${plan.word}-post-batch`) : undefined;
    const groupName = plan.group !== 'none' ? this.name(`${plan.word}-group`) : undefined;

    const id = cap(identifier(plan.word));
    const parameters: JsonObject = { JobName: identifier(plan.word), JobQueue: `#{${id}JobQueue}`, JobDefinition: `#{${id}JobDefinition}` };
    const urls = canonical ? 'both' : plan.urls;
    if (urls !== 'absent') {
      parameters.Parameters =
        urls === 'both' ? { 'url.$': '$.url', 'url_out.$': '$.url_out' }
        : urls === 'url-only' ? { 'url.$': '$.url' }
        : urls === 'wrong' ? { 'url.$': '$.input', 'url_out.$': '$.output' }
        : { 'mode': 'fast' };
    }
    if (plan.retryStrategy !== null && !canonical) parameters.RetryStrategy = { Attempts: plan.retryStrategy };
    const sync = canonical || plan.sync;
    const batch: JsonObject = { Type: 'Task', Resource: `arn:${plan.partition}:states:::batch:submitJob${sync ? '.sync' : ''}`, Parameters: parameters };
    if (plan.extras) Object.assign(batch, { Comment: `runs ${plan.word}`, TimeoutSeconds: 3600 });

    const members: [string, JsonObject][] = [];
    let preState: JsonObject | undefined;
    if (preName) {
      preState = lambda(pre!, 'pre');
      preState.Next = batchName;
      members.push([preName, preState]);
    }
    members.push([batchName, batch]);
    let postState: JsonObject | undefined;
    if (postName) {
      postState = lambda(post!, 'post');
      batch.Next = postName;
      members.push([postName, postState]);
    }
    const catchTo = canonical && postName ? 'post' : plan.batchCatch;
    if (catchTo === 'post' && postName) batch.Catch = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: postName }];
    // The scope's Fail state is outside a group's branch: only a flat task may catch into it.
    if (catchTo === 'fail' && fail !== undefined && !groupName) batch.Catch = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: fail }];
    if (plan.memberCatch && fail !== undefined && !groupName) {
      for (const state of [preState, postState]) if (state) state.Catch = [{ ErrorEquals: ['States.ALL'], Next: fail }];
    }
    const last = postState ?? batch;

    if (!groupName) {
      return { states: members, entry: preName ?? batchName, setExit: (exit) => Object.assign(last, exit) };
    }
    last.End = true;
    const states: JsonObject = {};
    for (const [name, state] of members) states[name] = state;
    const group: JsonObject = { Type: 'Parallel', Branches: [{ StartAt: preName ?? batchName, States: states }] };
    if (canonical || plan.groupOutputPath) group.OutputPath = '$[0]';
    return {
      states: [[groupName, group]],
      entry: groupName,
      setExit: (exit) => {
        Object.assign(group, exit);
        if (canonical || plan.groupRetry) group.Retry = [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 }];
      },
    };
  }
}

function catchesInto(states: JsonObject, target: string): boolean {
  return Object.values(states).some((state) => isObject(state) && Array.isArray(state.Catch) && state.Catch.some((c) => isObject(c) && c.Next === target));
}

function single(name: string, state: JsonObject): Unit {
  return { states: [[name, state]], entry: name, setExit: (exit) => Object.assign(state, exit) };
}

function unwrapped(form: LambdaForm): LambdaForm {
  return form === 'invoke' ? 'invoke-unwrapped' : form;
}

/** `word` with only letters, digits and `_`. */
function identifier(word: string): string {
  return word.replace(/\W+/g, '_');
}

function cap(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

/** A pre- or post-batch Lambda state (without its exit) in the `form` asked for. */
function lambda(form: LambdaForm, role: 'pre' | 'post'): JsonObject {
  const arn = role === 'pre' ? PRE_BATCH_ARN : POST_BATCH_ARN;
  if (form === 'arn') return { Type: 'Task', Resource: arn, Retry: [LAMBDA_RETRY()] };
  const state: JsonObject = { Type: 'Task', Resource: LAMBDA_INVOKE, Parameters: { FunctionName: arn, 'Payload.$': '$' } };
  if (form === 'invoke-unwrapped') state.OutputPath = '$.Payload';
  state.Retry = [LAMBDA_RETRY()];
  return state;
}

/** The ASL definition a plan describes. */
export function buildMachine(plan: MachinePlan): JsonObject {
  const builder = new Builder();
  const scope = builder.scope(plan.root);
  return plan.comment ? { Comment: 'A generated workflow', ...scope } : scope;
}

// ---------------------------------------------------------------------------------------------
// Rendering

export type Rendering = (
  | { readonly format: 'json'; readonly indent: 2 | 4 }
  | { readonly format: 'yaml'; readonly indent: 2 | 4; readonly indentSeq: boolean; readonly comments: readonly boolean[] }
) & { readonly eol: '\n' | '\r\n' };

export interface MachineCase {
  readonly plan: MachinePlan;
  readonly definition: JsonObject;
  readonly filePath: string;
  readonly text: string;
  /** The YAML comment lines inserted (trimmed), in order. */
  readonly comments: readonly string[];
}

/** Line breaks: mostly `\n`, sometimes CRLF. */
const eol = fc.oneof({ arbitrary: fc.constant('\n' as const), weight: 4 }, { arbitrary: fc.constant('\r\n' as const), weight: 1 });

export const rendering: fc.Arbitrary<Rendering> = fc.oneof(
  fc.record({ format: fc.constant('json' as const), indent: fc.constantFrom(2 as const, 4 as const), eol }),
  fc.record({
    format: fc.constant('yaml' as const),
    indent: fc.constantFrom(2 as const, 4 as const),
    indentSeq: fc.boolean(),
    // Which state keys get a comment line above them (cycled over the states in document order).
    comments: fc.array(fc.boolean(), { minLength: 0, maxLength: 8 }),
    eol,
  }),
);

/** Every state name of a definition, in document order (depth first). */
export function stateNames(definition: Json): string[] {
  const names: string[] = [];
  const walk = (scope: Json | undefined) => {
    if (!isObject(scope) || !isObject(scope.States)) return;
    for (const [name, state] of Object.entries(scope.States)) {
      names.push(name);
      if (!isObject(state)) continue;
      if (Array.isArray(state.Branches)) state.Branches.forEach(walk);
      walk(state.ItemProcessor);
      walk(state.Iterator);
    }
  };
  walk(definition);
  return names;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `definition` as text in `how`, with the file name that goes with it. */
export function render(plan: MachinePlan, definition: JsonObject, how: Rendering): MachineCase {
  const lineBreaks = (text: string) => (how.eol === '\n' ? text : text.replace(/\n/g, how.eol));
  if (how.format === 'json') {
    return { plan, definition, filePath: 'machine.asl.json', text: lineBreaks(`${JSON.stringify(definition, null, how.indent)}\n`), comments: [] };
  }
  const yaml = YAML.stringify(definition, { indent: how.indent, indentSeq: how.indentSeq });
  const names = stateNames(definition);
  const chosen = how.comments.length === 0 ? [] : names.filter((_, i) => how.comments[i % how.comments.length]);
  // A state key is `name:` alone on its line (its value is a block mapping), the name plain or quoted.
  const wanted = new Map<string, string>();
  for (const name of chosen) {
    for (const key of [name, JSON.stringify(name), `'${name.replace(/'/g, "''")}'`]) wanted.set(`${key}:`, name);
  }
  const comments: string[] = [];
  const done = new Set<string>();
  const lines = yaml.split('\n').flatMap((line) => {
    const name = wanted.get(line.trim());
    if (name === undefined || done.has(name)) return [line];
    done.add(name);
    const comment = `# note ${comments.length + 1} about ${name.replace(/[^\w -]/g, '')}`;
    comments.push(comment);
    return [`${/^\s*/.exec(line)![0]}${comment}`, line];
  });
  return { plan, definition, filePath: 'machine.asl.yaml', text: lineBreaks(lines.join('\n')), comments };
}

/** A random machine, rendered. */
export const machineCase: fc.Arbitrary<MachineCase> = fc
  .tuple(machinePlan, rendering)
  .map(([plan, how]) => render(plan, buildMachine(plan), how));

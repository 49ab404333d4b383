/**
 * What the structural fixes insert (issue 3): names for a new group and new pre-/post-batch
 * states, and the Lambda those states call, in the form the file already uses.
 */
import { isIntrinsic, type FixValue, type IntrinsicValue } from '../src/engine/fix-ops';
import { collectStrings, stringValue, type AstNode } from '../src/model/ast';
import type { BatchQueries } from '../src/model/batch';
import type { State, StateMachine } from '../src/model/types';

export type LambdaRole = 'pre-batch' | 'post-batch';

/** The retrier of a pre-/post-batch Lambda (DESIGN §1). */
export const LAMBDA_RETRIER = { ErrorEquals: ['Lambda.TooManyRequestsException', 'Lambda.Unknown'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 5 } as const;

/** `settings.batch.fix`: what to insert when the file shows no form to copy, and how to name it. */
export interface FixSettings {
  readonly preBatchResource?: FixValue;
  readonly postBatchResource?: FixValue;
  readonly names?: NameSettings;
}

/** Name templates for inserted states; `{base}` is the Batch task's name without `stripSuffix`. */
export interface NameSettings {
  readonly group?: string;
  readonly preBatch?: string;
  readonly postBatch?: string;
  readonly stripSuffix?: string;
}

export type MemberRole = 'group' | LambdaRole;

const DEFAULT_NAMES = { group: '{base}-group', 'pre-batch': '{base}-pre-batch', 'post-batch': '{base}-post-batch' } as const;

/** The name of the `role` state built on `base` (`copy-assets` → `copy-assets-group`). */
export function nameFor(role: MemberRole, base: string, settings: FixSettings | undefined): string {
  const names = settings?.names;
  const configured = role === 'group' ? names?.group : role === 'pre-batch' ? names?.preBatch : names?.postBatch;
  return (configured ?? DEFAULT_NAMES[role]).split('{base}').join(base);
}

/** The pre-batch task that leads to `state` (its `Next`); undefined when none, or several. */
export function preBatchOf(state: State, batch: BatchQueries): State | undefined {
  const pres = state.scope.states.filter((s) => batch.isPreBatch(s) && stringValue(s.field('Next')) === state.name);
  return pres.length === 1 ? pres[0] : undefined;
}

/** The post-batch task `state` goes to (its `Next`), if that is one. */
export function postBatchOf(state: State, batch: BatchQueries): State | undefined {
  const next = state.scope.get(stringValue(state.field('Next')) ?? '');
  return next && next !== state && batch.isPostBatch(next) ? next : undefined;
}

/**
 * A new pre-/post-batch state (DESIGN §1): `Type`, the Lambda call of `lambdaFields`, its exit
 * (`Next` or `End`), and the Lambda retrier.
 */
export function lambdaState(state: State, batch: BatchQueries, role: LambdaRole, exit: { Next: string } | { End: true }, settings: FixSettings | undefined): FixValue {
  return { Type: 'Task', ...lambdaFields(state.scope.machine, batch, role, settings), ...exit, Retry: [LAMBDA_RETRIER] };
}

/** `copy-assets-batch` → `copy-assets` (the suffix is `settings.batch.fix.names.stripSuffix`). */
function baseOf(state: State, settings: FixSettings | undefined): string {
  const suffix = settings?.names?.stripSuffix ?? '-batch';
  return (suffix && state.name.endsWith(suffix) ? state.name.slice(0, -suffix.length) : state.name) || state.name;
}

/**
 * The first of `<base>`, `<base>-2`, … for which the name of every role is a free state name
 * in the machine; the chosen names are then taken.
 */
function freeBase(base: string, roles: readonly MemberRole[], taken: Set<string>, settings: FixSettings | undefined): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const names = roles.map((role) => nameFor(role, candidate, settings));
    if (names.every((name) => !taken.has(name))) {
      for (const name of names) taken.add(name);
      return candidate;
    }
  }
}

/**
 * A Batch task the wrap fix would put in a new group: one not in the branch of a single-branch
 * Parallel. (That Parallel is meant as its group; a branch of a multi-branch Parallel, like a
 * Map processor, gets a group of its own inside it.)
 */
export function needsGroup(state: State, batch: BatchQueries): boolean {
  return batch.isBatchTask(state) && !inSingleBranchParallel(state);
}

/** True when `state` sits in the one branch of a single-branch Parallel. */
export function inSingleBranchParallel(state: State): boolean {
  const owner = state.scope.owner;
  return owner?.type === 'Parallel' && owner.children.length === 1;
}

/**
 * The allocation of the machine linted last. One entry, not a WeakMap of every machine: a
 * module-wide WeakMap keeps each linted tree alive through young-generation GCs, which doubled
 * the peak memory of large runs (issue 8). Allocation is a pure function of the machine, so a
 * miss only recomputes it.
 */
let lastAllocation: { readonly machine: StateMachine; readonly bases: Map<State, string> } | undefined;

/**
 * The base name of every Batch task that a fix may give new states, for the whole machine.
 * All fixes of one pass are computed against the same text and applied together, so every
 * name they could insert (a group, a missing pre- or post-batch, in any scope) is reserved here
 * once, in document order: two fixes of one pass never insert the same name.
 */
function allocate(machine: StateMachine, batch: BatchQueries, settings: FixSettings | undefined): Map<State, string> {
  if (lastAllocation?.machine === machine) return lastAllocation.bases;
  const bases = new Map<State, string>();
  const taken = new Set(machine.states().map((s) => s.name));
  for (const task of machine.states()) {
    if (!batch.isBatchTask(task)) continue;
    const inGroup = !needsGroup(task, batch);
    const roles: MemberRole[] = [
      ...(inGroup ? [] : ['group' as const]),
      ...(preBatchOf(task, batch) ? [] : ['pre-batch' as const]),
      ...(postBatchOf(task, batch) ? [] : ['post-batch' as const]),
    ];
    if (roles.length > 0) bases.set(task, freeBase(baseOf(task, settings), roles, taken, settings));
  }
  lastAllocation = { machine, bases };
  return bases;
}

/** The base name of the group for the Batch task `state` (see `allocate`). */
export function groupBase(state: State, batch: BatchQueries, settings: FixSettings | undefined): string {
  return allocate(state.scope.machine, batch, settings).get(state) ?? baseOf(state, settings);
}

/** The name (`<base>-pre-batch` by default) of a `role` state inserted next to `state` (see `allocate`). */
export function memberName(state: State, role: LambdaRole, batch: BatchQueries, settings: FixSettings | undefined): string {
  return nameFor(role, groupBase(state, batch, settings), settings);
}

/**
 * The fields that make a new `role` state call its Lambda: copied from another pre/post-batch
 * state of the machine (its `Resource`, plus `Parameters` and the unwrapping of `Payload` for
 * `lambda:invoke`), else `settings.batch.fix`, else the dialect's default.
 */
function lambdaFields(machine: StateMachine, batch: BatchQueries, role: LambdaRole, settings: FixSettings | undefined): { [key: string]: FixValue } {
  const states = machine.states();
  const same = states.find((s) => batch.roleOf(s)?.role === role);
  const other = states.find((s) => batch.roleOf(s)?.role === (role === 'pre-batch' ? 'post-batch' : 'pre-batch'));
  const model = same ?? other;
  if (model) {
    const found = batch.roleOf(model);
    const invoke = found !== undefined && 'invoke' in found && found.invoke;
    const keys = invoke ? ['Resource', 'Parameters', 'ResultSelector', 'OutputPath'] : ['Resource'];
    const fields: { [key: string]: FixValue } = {};
    for (const key of keys) {
      const node = model.field(key);
      if (node) fields[key] = model === same ? valueOf(node) : swapRole(valueOf(node), role);
    }
    return fields;
  }
  const configured = role === 'pre-batch' ? settings?.preBatchResource : settings?.postBatchResource;
  if (configured !== undefined) return { Resource: asIntrinsic(configured) };
  return { Resource: defaultResource(machine, role) };
}

/** `!GetAtt pre-batch.Arn` in serverless, Cirrus and CloudFormation; a `${…}` placeholder elsewhere. */
function defaultResource(machine: StateMachine, role: LambdaRole): FixValue {
  if (collectStrings(machine.root.node).some((s) => s.includes('${tasks.'))) return `\${tasks.${role}.lambda.function_arn}`;
  // A definition embedded in a string, or written in TypeScript, cannot hold a CloudFormation
  // intrinsic; plain ASL and TypeScript take a substitution.
  if (machine.host.kind === 'asl' || machine.host.kind === 'typescript' || machine.host.kind === 'cdk' || machine.host.embedded) return role === 'pre-batch' ? '${PreBatchFunctionArn}' : '${PostBatchFunctionArn}';
  return { intrinsic: 'GetAtt', args: `${role}.Arn` };
}

/** A configured `{"Fn::GetAtt": [...]}` as an intrinsic, so JSON writes it on one line. */
function asIntrinsic(value: FixValue): FixValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isIntrinsic(value)) return value;
  const entries = Object.entries(value as { [key: string]: FixValue });
  if (entries.length !== 1 || !/^(?:Fn::\w+|Ref)$/.test(entries[0][0])) return value;
  return { intrinsic: entries[0][0].replace(/^Fn::/, ''), args: entries[0][1], form: 'long' };
}

/** A fix value for a node, keeping a CloudFormation intrinsic in its short or long form. */
function valueOf(node: AstNode): FixValue {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map(valueOf);
  const [first] = node.properties;
  const key = String(first?.key.value);
  if (node.properties.length === 1 && (node.tag !== undefined || key.startsWith('Fn::') || key === 'Ref')) {
    const intrinsic: IntrinsicValue = { intrinsic: key.replace(/^Fn::/, ''), args: valueOf(first.value), form: node.tag ? 'short' : 'long' };
    return intrinsic;
  }
  return Object.fromEntries(node.properties.map((p) => [String(p.key.value), valueOf(p.value)]));
}

/** `value` with every `post-batch`/`PostBatch`/`post_batch` spelled for `role`, case kept. */
function swapRole(value: FixValue, role: LambdaRole): FixValue {
  const word = role === 'pre-batch' ? 'pre' : 'post';
  if (typeof value === 'string') return value.replace(/(pre|post)(?=[-_]?batch)/gi, (found) => caseLike(word, found));
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: FixValue) => swapRole(item, role));
  if (isIntrinsic(value)) return { ...value, args: swapRole(value.args, role) };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swapRole(v as FixValue, role)]));
}

function caseLike(word: string, sample: string): string {
  if (sample === sample.toUpperCase()) return word.toUpperCase();
  if (sample[0] === sample[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/**
 * True when a new pre-batch may go in front of `state`: pre-batch replaces the task's input with
 * `{url, url_out}`, so a task that reads anything else from its input (`JobName.$: $.name`,
 * `Parameters.$`, an `InputPath`) would fail at run time with `States.Runtime`. Such a task is
 * reported without a fix: rewiring its data flow is a guess.
 */
export function inputIsOnlyPayloadUrls(state: State): boolean {
  const inputPath = stringValue(state.field('InputPath'));
  if (state.field('InputPath') !== undefined && inputPath !== '$') return false;
  return inputReferences(state.field('Parameters') ?? state.field('Arguments')).every((ref) => PAYLOAD_URL_PATHS.has(ref));
}

const PAYLOAD_URL_PATHS = new Set(['$.url', '$.url_out']);
// A reference to the state input: `$`, `$.a.b`, `$['a']`, `$[0]`; `$$` (the context object) is not one.
const INPUT_REFERENCE = /(?<![$\w])\$(?!\$)(?:\.[\w-]+|\[[^\]]*\])*/g;

/** Every input reference in the `.$` values (and JSONata expressions) of a request. */
function inputReferences(node: AstNode | undefined, into: string[] = []): string[] {
  if (node?.kind === 'object') {
    for (const p of node.properties) {
      const key = String(p.key.value);
      if (key.endsWith('.$') && p.value.kind === 'scalar') into.push(...(String(p.value.value).match(INPUT_REFERENCE) ?? []));
      else inputReferences(p.value, into);
    }
  } else if (node?.kind === 'array') {
    for (const item of node.items) inputReferences(item, into);
  } else if (node?.kind === 'scalar' && typeof node.value === 'string' && /^\{%[^]*%\}$/.test(node.value.trim())) {
    // JSONata reads the input through $states.input.
    if (node.value.includes('$states.input')) into.push('$states.input');
  }
  return into;
}

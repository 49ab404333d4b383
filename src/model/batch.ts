/**
 * Recognising the parts of the Batch contract (DESIGN §2 "Detection"): Batch tasks, pre- and
 * post-batch Lambdas in every spelling seen in real files, and batch groups. The matchers are
 * configurable through `settings.batch`.
 */
import { collectStrings, getValue, stringValue, type AstNode } from './ast';
import type { Scope, State } from './types';

export interface BatchMatchers {
  /** Matches the (de-templated) `Resource` of a Batch task. */
  readonly batchResource: RegExp;
  /** Matches a pre-batch function's name anywhere in a `Resource` or `FunctionName`. */
  readonly preBatch: RegExp;
  readonly postBatch: RegExp;
}

/** `settings.batch` as written in configuration: regular expressions as strings. */
export interface BatchSettings {
  readonly batchResource?: string;
  readonly preBatch?: string;
  readonly postBatch?: string;
}

// The partition may be literal (`aws`, `aws-us-gov`) or templated (`${AWS::Partition}`, `#{AWS::Partition}`).
export const DEFAULT_BATCH_RESOURCE = String.raw`^arn:(?:[\w-]*|\$\{[^}]*\}|#\{[^}]*\}):states:::batch:submitJob(?:\.sync)?$`;
export const DEFAULT_PRE_BATCH = 'pre[-_]?batch';
export const DEFAULT_POST_BATCH = 'post[-_]?batch';

let compiled: { readonly sources: readonly string[]; readonly matchers: BatchMatchers } | undefined;

/**
 * Compiles `settings.batch` over the defaults. The last result is reused while the patterns
 * stay the same: it is asked for every file, and the expressions hold no state (no `g` flag).
 */
export function batchMatchers(settings: BatchSettings | undefined): BatchMatchers {
  const sources = [settings?.batchResource ?? DEFAULT_BATCH_RESOURCE, settings?.preBatch ?? DEFAULT_PRE_BATCH, settings?.postBatch ?? DEFAULT_POST_BATCH];
  if (!compiled || compiled.sources.some((source, i) => source !== sources[i])) {
    const [batchResource, preBatch, postBatch] = sources;
    compiled = { sources, matchers: { batchResource: new RegExp(batchResource), preBatch: new RegExp(preBatch, 'i'), postBatch: new RegExp(postBatch, 'i') } };
  }
  return compiled.matchers;
}

export type BatchRole =
  /** `sync` is undefined when the Resource is an opaque placeholder (`${batch_arn}`). */
  | { readonly role: 'batch'; readonly sync: boolean | undefined }
  | { readonly role: 'pre-batch' | 'post-batch'; readonly invoke: boolean };

const LAMBDA_INVOKE = /^arn:(?:[\w-]*|\$\{[^}]*\}|#\{[^}]*\}):states:::lambda:invoke$/;
const OPAQUE = /^(?:\$\{[^}]*\}|#\{[^}]*\}|<[^>]*>)$/;

/** Classifies states as Batch, pre-batch or post-batch tasks, caching per state. */
export class BatchQueries {
  // A Map, not a WeakMap: it lives for one file's lint, and weak entries cost every collection.
  private readonly roles = new Map<State, BatchRole | null>();

  constructor(readonly matchers: BatchMatchers) {}

  /** What part of the contract `state` plays, if any. */
  roleOf(state: State): BatchRole | undefined {
    let role = this.roles.get(state);
    if (role === undefined) {
      role = state.type === 'Task' ? this.classify(state) ?? null : null;
      this.roles.set(state, role);
    }
    return role ?? undefined;
  }

  isBatchTask(state: State | undefined): boolean {
    return state !== undefined && this.roleOf(state)?.role === 'batch';
  }

  isPreBatch(state: State | undefined): boolean {
    return state !== undefined && this.roleOf(state)?.role === 'pre-batch';
  }

  isPostBatch(state: State | undefined): boolean {
    return state !== undefined && this.roleOf(state)?.role === 'post-batch';
  }

  /** The Batch tasks that sit directly in `scope`. */
  batchTasksIn(scope: Scope): State[] {
    return scope.states.filter((s) => this.isBatchTask(s));
  }

  /** A Parallel with one branch that holds a Batch task (DESIGN §2): a batch group. */
  isBatchGroup(state: State): boolean {
    return state.type === 'Parallel' && state.children.length === 1 && this.batchTasksIn(state.children[0]).length > 0;
  }

  /** The batch group whose single branch is `scope`, if it is one. */
  groupOf(scope: Scope): State | undefined {
    const owner = scope.owner;
    return owner && this.isBatchGroup(owner) && owner.children[0] === scope ? owner : undefined;
  }

  private classify(state: State): BatchRole | undefined {
    const resource = state.field('Resource');
    const text = resourceText(resource);
    if (text !== undefined && this.matchers.batchResource.test(text)) return { role: 'batch', sync: syncOf(text) };
    if (text !== undefined && OPAQUE.test(text) && looksLikeSubmitJob(state)) return { role: 'batch', sync: undefined };
    const invoke = text !== undefined && LAMBDA_INVOKE.test(text);
    const names = invoke ? collectStrings(getValue(request(state), 'FunctionName')) : collectStrings(resource);
    if (names.some((n) => this.matchers.preBatch.test(n))) return { role: 'pre-batch', invoke };
    if (names.some((n) => this.matchers.postBatch.test(n))) return { role: 'post-batch', invoke };
    return undefined;
  }
}

/**
 * A Resource as one string: the literal, the `Fn::Sub` template, or an `Fn::Join` with
 * `${}` standing for each non-literal part.
 */
export function resourceText(node: AstNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar') return typeof node.value === 'string' ? node.value.trim() : undefined;
  if (node.kind !== 'object' || node.properties.length !== 1) return undefined;
  const [{ key, value }] = node.properties;
  if (key.value === 'Fn::Sub') return stringValue(value.kind === 'array' ? value.items[0] : value)?.trim();
  if (key.value === 'Fn::Join' && value.kind === 'array') {
    const separator = stringValue(value.items[0]) ?? '';
    const parts = value.items[1];
    if (parts?.kind !== 'array') return undefined;
    return parts.items.map((part) => stringValue(part) ?? '${}').join(separator);
  }
  return undefined;
}

/** `.sync` or not, when the Resource says; undefined when a custom matcher accepted an opaque text. */
function syncOf(resource: string): boolean | undefined {
  if (/:batch:submitJob\.sync$/.test(resource)) return true;
  return /:batch:submitJob$/.test(resource) ? false : undefined;
}

/** The request a Task sends: `Parameters` (JSONPath) or `Arguments` (JSONata). */
export function request(state: State): AstNode | undefined {
  return state.field('Parameters') ?? state.field('Arguments');
}

/** A task with an opaque Resource is a Batch job when its Parameters name a queue and a definition. */
function looksLikeSubmitJob(state: State): boolean {
  const parameters = request(state);
  const has = (key: string) => getValue(parameters, key) !== undefined || getValue(parameters, `${key}.$`) !== undefined;
  return has('JobQueue') && has('JobDefinition');
}

/**
 * `batch/require-parallel-group` (and require-pre-/post-batch outside a group): rewrites a flat
 * triad or a naked Batch task into the canonical batch group of DESIGN §1. Existing pre/post-batch
 * states are reused under their names and moved into the branch with their comments; missing
 * ones are inserted; every entry into the triad is rewired to the group, which takes the
 * triad's exit and the catchers that left the triad.
 *
 * Gives up (the report stays, without a fix) when the result would not mean what the user
 * wrote: the task is in a Parallel branch, the triad has two entry points or a shared
 * post-batch, the triad loops on itself through its exit, catchers of different members would
 * merge into conflicting group catchers, or the machine uses JSONata.
 */
import type { FixFunction, FixOp, FixValue, GroupCatcher, GroupMember } from '../src/engine/fix-ops';
import { fixer as f } from '../src/engine/fix-ops';
import { getValue, stringValue, toValue, type ArrayNode, type AstNode } from '../src/model/ast';
import type { BatchQueries } from '../src/model/batch';
import { queryLanguage } from '../src/model/describe';
import type { State, Transition } from '../src/model/types';
import { GROUP_RETRIER } from './add-group-retry';
import { groupBase, inSingleBranchParallel, inputIsOnlyPayloadUrls, lambdaState, nameFor, postBatchOf, preBatchOf, type FixSettings } from './batch-members';

/** The catcher that sends every error, in `$.error`, to `next` (DESIGN §1). */
export function errorCatcher(next: string): { [key: string]: FixValue } {
  return { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: next };
}

/** The wrap fix for the Batch task `state`; undefined when the shape is ambiguous. */
export function wrapInGroup(state: State, batch: BatchQueries, settings: FixSettings | undefined): FixFunction | undefined {
  const scope = state.scope;
  if (inSingleBranchParallel(state) || !scope.statesNode || queryLanguage(state) === 'JSONata') return undefined;
  const pre = preBatchOf(state, batch);
  if (!pre && !inputIsOnlyPayloadUrls(state)) return undefined;
  const post = postBatchOf(state, batch);
  const members = [pre, state, post].filter((m): m is State => m !== undefined);
  const names = new Set(members.map((m) => m.name));
  if (members.some((m) => scope.states.filter((s) => s.name === m.name).length > 1)) return undefined;

  // The group leaves the way the triad did; a triad leading back into itself is a loop to keep.
  const exit = exitOf(post ?? state);
  const entries = entriesOf(state, pre, post, names);
  if (!entries || !exit || ('Next' in exit && names.has(exit.Next))) return undefined;
  const leaving = new Map<State, AstNode[]>();
  for (const member of members) {
    const catchers = leavingCatchers(member, names);
    if (!catchers) return undefined;
    leaving.set(member, catchers);
  }
  const catchers = mergeCatchers([...leaving.values()].flat());
  if (!catchers) return undefined;
  const fail = scope.states.find((s) => s.type === 'Fail');
  if (catchers.length === 0 && fail) catchers.push({ value: errorCatcher(fail.name) });

  const base = groupBase(state, batch, settings);
  const groupName = nameFor('group', base, settings);
  const preName = pre?.name ?? nameFor('pre-batch', base, settings);
  const postName = post?.name ?? nameFor('post-batch', base, settings);
  const branch: GroupMember[] = [
    pre ? { move: pre.property, edits: catchEdits(pre, leaving.get(pre)!) } : { key: preName, value: lambdaState(state, batch, 'pre-batch', { Next: state.name }, settings) },
    { move: state.property, edits: batchEdits(state, leaving.get(state)!, post ? undefined : postName) },
    post
      ? { move: post.property, edits: [...catchEdits(post, leaving.get(post)!), ...endEdits(post)] }
      : { key: postName, value: lambdaState(state, batch, 'post-batch', { End: true }, settings) },
  ];
  const fields = { OutputPath: '$[0]', ...exit, Retry: [GROUP_RETRIER] };
  const ops = [...entries.map((t) => f.set(t.target, groupName)), f.wrap(state.property, groupName, { startAt: preName, members: branch, fields, catchers })];
  return () => ops;
}

/** `{ Next }` or `{ End: true }` of a state; undefined when it has neither. */
function exitOf(state: State): { Next: string } | { End: true } | undefined {
  const next = stringValue(state.field('Next'));
  if (next !== undefined) return { Next: next };
  const end = state.field('End');
  return end?.kind === 'scalar' && end.value === true ? { End: true } : undefined;
}

/**
 * The transitions to rewire to the group: those entering the pre-batch (or the Batch task when
 * there is none) from outside the triad. Undefined when the triad has two entry points (the
 * pre-batch and, past it, the Batch task) or post-batch is entered from elsewhere.
 */
function entriesOf(state: State, pre: State | undefined, post: State | undefined, names: ReadonlySet<string>): Transition[] | undefined {
  const outside = (member: State) => state.scope.machine.incoming(member).filter((t) => !t.from || !names.has(t.from.name));
  if (post && outside(post).length > 0) return undefined;
  const intoBatch = outside(state);
  const intoPre = pre ? outside(pre) : [];
  if (intoBatch.length > 0 && intoPre.length > 0) return undefined;
  return [...intoPre, ...intoBatch];
}

/** The catchers of `member` that lead outside the triad; undefined when `Catch` is not a list. */
function leavingCatchers(member: State, names: ReadonlySet<string>): AstNode[] | undefined {
  const catchers = member.field('Catch');
  if (catchers === undefined) return [];
  if (catchers.kind !== 'array') return undefined;
  return catchers.items.filter((item) => {
    const next = stringValue(getValue(item, 'Next'));
    return next !== undefined && !names.has(next);
  });
}

/**
 * One `Catch` list for the group, each catcher as written in its member: duplicates merged (the
 * first kept), `States.ALL` last (ASL requires it). Undefined when two different catchers take
 * the same error: merged, one would shadow the other.
 */
function mergeCatchers(catchers: readonly AstNode[]): GroupCatcher[] | undefined {
  const byValue = new Map<string, AstNode>();
  for (const catcher of catchers) {
    const key = JSON.stringify(toValue(catcher));
    if (!byValue.has(key)) byValue.set(key, catcher);
  }
  const unique = [...byValue.values()];
  const errors = unique.map(errorsOf);
  const seen = new Set<string>();
  for (const list of errors) {
    if (!list || list.some((e) => seen.has(e))) return undefined;
    for (const error of list) seen.add(error);
  }
  const last = (i: number) => Number(errors[i]!.includes('States.ALL'));
  return unique.map((copy, i) => ({ copy, i })).sort((a, b) => last(a.i) - last(b.i)).map(({ copy }) => ({ copy }));
}

function errorsOf(catcher: AstNode): string[] | undefined {
  const errors = getValue(catcher, 'ErrorEquals');
  if (errors?.kind !== 'array') return undefined;
  const names = errors.items.map(stringValue);
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}

/** Takes the leaving catchers out of a member: the whole `Catch` when none stays. */
function catchEdits(member: State, leaving: readonly AstNode[]): FixOp[] {
  const property = member.fieldProperty('Catch');
  if (!property || leaving.length === 0) return [];
  const catchers = property.value as ArrayNode;
  if (leaving.length === catchers.items.length) return [f.remove(property)];
  return leaving.map((item) => f.removeItem(catchers, item));
}

/**
 * The Batch task's edits: its leaving catchers out, `Next` to the inserted post-batch, and a
 * `States.ALL` catcher to post-batch when it is left with none (post-batch raises the job's error).
 */
function batchEdits(state: State, leaving: readonly AstNode[], newPost: string | undefined): FixOp[] {
  const edits: FixOp[] = [];
  if (newPost !== undefined) {
    const nextProperty = state.fieldProperty('Next');
    const endProperty = state.fieldProperty('End');
    if (nextProperty) edits.push(f.set(nextProperty.value, newPost));
    else if (endProperty) edits.push(f.renameKey(endProperty, 'Next'), f.set(endProperty.value, newPost));
  }
  const post = newPost ?? stringValue(state.field('Next'))!;
  const property = state.fieldProperty('Catch');
  const catchers = property?.value as ArrayNode | undefined;
  if (!property) return [...edits, f.insert(state.node, 'Catch', [errorCatcher(post)])];
  if (leaving.length > 0 && leaving.length === catchers!.items.length) return [...edits, f.set(catchers!, [errorCatcher(post)])];
  return [...edits, ...catchEdits(state, leaving)];
}

/** post-batch ends the branch: its `Next` becomes `End: true` (the group takes the `Next`). */
function endEdits(post: State): FixOp[] {
  const nextProperty = post.fieldProperty('Next');
  return nextProperty ? [f.renameKey(nextProperty, 'End'), f.set(nextProperty.value, true)] : [];
}

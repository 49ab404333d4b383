/**
 * `batch/require-pre-batch` and `batch/require-post-batch`: inserts the missing pre- or
 * post-batch state into the branch of an existing batch group. Outside a group the Batch task
 * gets the wrap fix instead, which inserts both as needed.
 */
import type { FixFunction, FixOp } from '../src/engine/fix-ops';
import { fixer as f } from '../src/engine/fix-ops';
import { stringValue } from '../src/model/ast';
import type { BatchQueries } from '../src/model/batch';
import type { State } from '../src/model/types';
import { inputIsOnlyPayloadUrls, lambdaState, memberName, type FixSettings } from './batch-members';
import { wrapInGroup } from './wrap-in-group';

/**
 * A pre-batch state in front of the Batch task, taking every entry into it. Undefined when a
 * pre-batch already leads to it (the other entries are then the user's to sort out).
 */
export function insertPreBatch(state: State, batch: BatchQueries, settings: FixSettings | undefined): FixFunction | undefined {
  if (!batch.groupOf(state.scope)) return wrapInGroup(state, batch, settings);
  const states = state.scope.statesNode;
  if (!states || state.scope.states.some((s) => batch.isPreBatch(s) && stringValue(s.field('Next')) === state.name)) return undefined;
  if (!inputIsOnlyPayloadUrls(state)) return undefined;
  const name = memberName(state, 'pre-batch', batch, settings);
  const value = lambdaState(state, batch, 'pre-batch', { Next: state.name }, settings);
  const ops: FixOp[] = state.scope.machine
    .incoming(state)
    .filter((t) => t.from !== state)
    .map((t) => f.set(t.target, name));
  ops.push(f.insertBefore(states, name, value, state.property));
  return () => ops;
}

/**
 * A post-batch state after the Batch task, taking over its `Next` or `End`. Undefined when the
 * branch already has a post-batch state the task does not lead to: which one is meant is unclear.
 */
export function insertPostBatch(state: State, batch: BatchQueries, settings: FixSettings | undefined): FixFunction | undefined {
  if (!batch.groupOf(state.scope)) return wrapInGroup(state, batch, settings);
  const states = state.scope.statesNode;
  if (!states || state.scope.states.some((s) => batch.isPostBatch(s))) return undefined;
  const nextProperty = state.fieldProperty('Next');
  const endProperty = state.fieldProperty('End');
  const next = stringValue(nextProperty?.value);
  const ends = endProperty?.value.kind === 'scalar' && endProperty.value.value === true;
  if (next === undefined && !ends) return undefined;
  const name = memberName(state, 'post-batch', batch, settings);
  const value = lambdaState(state, batch, 'post-batch', next !== undefined ? { Next: next } : { End: true }, settings);
  const ops: FixOp[] = next !== undefined ? [f.set(nextProperty!.value, name)] : [f.renameKey(endProperty!, 'Next'), f.set(endProperty!.value, name)];
  ops.push(f.insert(states, name, value, state.property));
  return () => ops;
}

/** `settings.batch.fix`, as configured. */
export function fixSettings(settings: Readonly<Record<string, unknown>>): FixSettings | undefined {
  return (settings.batch as { fix?: FixSettings } | undefined)?.fix;
}

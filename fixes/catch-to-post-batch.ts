/** `batch/require-catch-to-post-batch`: every error of the Batch task reaches post-batch, in `$.error`. */
import type { FixFunction, FixOp } from '../src/engine/fix-ops';
import { getProperty, getValue, stringValue, type ArrayNode, type AstNode, type ObjectNode } from '../src/model/ast';
import type { BatchQueries } from '../src/model/batch';
import { queryLanguage } from '../src/model/describe';
import { isPath } from '../src/model/paths';
import type { State } from '../src/model/types';
import { insertionPoint } from './placement';

export const ERROR_RESULT_PATH = '$.error';

// DESIGN §1 order: the Batch task has … Next, Catch; ASL writes Retry before Catch. Fields a
// user put after these stay after the new Catch.
const BEFORE_CATCH = ['Next', 'End', 'Retry'];

/**
 * Makes the Batch task's `States.ALL` catcher go to its post-batch task (the state its `Next`
 * names) with `ResultPath: $.error`: inserts `Catch`, appends the catcher to an existing list
 * (a `States.ALL` catcher comes last), or sets the wrong `Next` / `ResultPath` of the one there.
 *
 * Undefined (reported, not fixed) for JSONata tasks, when `Next` is not a post-batch task, and
 * when the catcher leads outside the triad (not to pre-batch, the task itself or post-batch)
 * unless redirecting it keeps that error path: the task is in a batch group whose own `Catch`
 * takes `States.ALL`, and the old target is a `Fail` state or not a state of the branch at all.
 * A flat task's catcher to `workflow-failed` waits for the wrap fix of
 * `batch/require-parallel-group`, which moves it to the group.
 */
export function catchToPostBatch(state: State, batch: BatchQueries): FixFunction | undefined {
  if (queryLanguage(state) === 'JSONata') return undefined;
  const post = state.scope.get(stringValue(state.field('Next')) ?? '');
  if (!post || !batch.isPostBatch(post)) return undefined;
  const wanted = { ErrorEquals: ['States.ALL'], ResultPath: ERROR_RESULT_PATH, Next: post.name };
  const property = state.fieldProperty('Catch');
  if (!property) return (f) => f.insert(state.node, 'Catch', [wanted], insertionPoint(state.node, BEFORE_CATCH));
  if (property.value.kind !== 'array') return undefined;
  const catchers: ArrayNode = property.value;
  const catcher = catchAllOf(catchers);
  if (!catcher) return (f) => f.insertItem(catchers, wanted);

  const next = getProperty(catcher, 'Next');
  const resultPath = getProperty(catcher, 'ResultPath');
  const target = state.scope.get(stringValue(next?.value) ?? '');
  const wrongNext = !batch.isPostBatch(target);
  const wrongResultPath = !isPath(stringValue(resultPath?.value), ERROR_RESULT_PATH);
  if (!wrongNext && !wrongResultPath) return undefined;
  if (wrongNext && !inTriad(state, post, target, batch) && !keepsErrorPath(state, target, batch)) return undefined;
  return (f) => {
    const ops: FixOp[] = [];
    if (wrongResultPath) {
      ops.push(resultPath ? f.set(resultPath.value, ERROR_RESULT_PATH) : f.insert(catcher, 'ResultPath', ERROR_RESULT_PATH, getProperty(catcher, 'ErrorEquals')));
    }
    if (wrongNext) ops.push(next ? f.set(next.value, post.name) : f.insert(catcher, 'Next', post.name));
    return ops;
  };
}

/** The first catcher whose `ErrorEquals` lists `States.ALL` (the one the rule judges). */
function catchAllOf(catchers: ArrayNode): ObjectNode | undefined {
  for (const catcher of catchers.items) {
    if (catcher.kind === 'object' && catchesAll(catcher)) return catcher;
  }
  return undefined;
}

function catchesAll(catcher: AstNode): boolean {
  const errors = getValue(catcher, 'ErrorEquals');
  return errors?.kind === 'array' && errors.items.some((e) => stringValue(e) === 'States.ALL');
}

/** The catcher goes back into the triad: to the task itself, its post-batch, or a pre-batch that enters it. */
function inTriad(state: State, post: State, target: State | undefined, batch: BatchQueries): boolean {
  if (target === undefined) return false;
  if (target === state || target === post) return true;
  return batch.isPreBatch(target) && stringValue(target.field('Next')) === state.name;
}

/**
 * Redirecting the catcher to post-batch keeps the error path: post-batch raises the job's
 * error, the group fails and its `States.ALL` catcher takes it where the old target led. True
 * only inside a batch group with such a catcher, and only when the old target just ends the
 * branch in failure (a `Fail` state) or is not a state of the branch (the wrap fix left the
 * old name behind); a handler state the user wrote in the branch is never bypassed.
 */
function keepsErrorPath(state: State, target: State | undefined, batch: BatchQueries): boolean {
  const group = batch.groupOf(state.scope);
  const groupCatch = group?.field('Catch');
  if (groupCatch?.kind !== 'array' || !groupCatch.items.some(catchesAll)) return false;
  return target === undefined || target.type === 'Fail';
}

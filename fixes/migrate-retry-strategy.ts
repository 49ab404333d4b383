/**
 * `batch/no-native-retry`: moves AWS Batch's own retries (`RetryStrategy` in the SubmitJob
 * request) to the batch group, so pre-batch, the job and post-batch are retried together.
 */
import type { FixFunction, FixOp, Fixer } from '../src/engine/fix-ops';
import { getProperty, getValue, numberValue, stringValue, type AstNode, type ObjectNode } from '../src/model/ast';
import { request, type BatchQueries } from '../src/model/batch';
import type { State } from '../src/model/types';
import { BEFORE_RETRY, GROUP_RETRIER } from './add-group-retry';
import { insertionPoint } from './placement';

/** ASL's `MaxAttempts` when a retrier leaves it out. */
const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Removes `RetryStrategy` from the task's `Parameters` (or `Arguments`) and, for `Attempts: N`
 * with N > 1, has the group retry `States.ALL` N-1 times: a new `Retry`, a retrier appended
 * to a `Retry` of other errors (`States.ALL` comes last), or the group's `States.ALL` retrier
 * raised to N-1 (a larger `MaxAttempts` is kept). With `Attempts: 1` (which the rule does not
 * report) the strategy is just removed.
 *
 * Undefined (reported, not fixed) when the task is not the Batch task of a batch group yet
 * (the wrap fix of `batch/require-parallel-group` comes first), when `Attempts` is missing or
 * not a whole number from 1 (a placeholder, an intrinsic), when the group's `MaxAttempts` is not
 * a number, and when the group's `Retry` is not a list.
 */
export function migrateRetryStrategy(state: State, batch: BatchQueries): FixFunction | undefined {
  const group = batch.groupOf(state.scope);
  if (!group) return undefined;
  const strategy = getProperty(request(state), 'RetryStrategy');
  if (!strategy) return undefined;
  const attempts = attemptsOf(strategy.value);
  if (attempts === undefined) return undefined;
  const retries = attempts - 1;
  const remove = (f: Fixer) => f.remove(strategy);
  if (retries < 1) return (f) => remove(f);

  const retrier = { ...GROUP_RETRIER, MaxAttempts: retries };
  const retry = group.fieldProperty('Retry');
  if (!retry) return (f) => [remove(f), f.insert(group.node, 'Retry', [retrier], insertionPoint(group.node, BEFORE_RETRY))];
  const retriers = retry.value;
  if (retriers.kind !== 'array') return undefined;
  const existing = retriers.items.find((r): r is ObjectNode => r.kind === 'object' && retriesAll(r));
  if (!existing) return (f) => [remove(f), f.insertItem(retriers, retrier)];
  const max = getProperty(existing, 'MaxAttempts');
  const current = max ? numberValue(max.value) : DEFAULT_MAX_ATTEMPTS;
  if (current === undefined) return undefined;
  if (current >= retries) return (f) => remove(f);
  return (f): FixOp[] => [remove(f), max ? f.set(max.value, retries) : f.insert(existing, 'MaxAttempts', retries)];
}

function retriesAll(retrier: AstNode): boolean {
  const errors = getValue(retrier, 'ErrorEquals');
  return errors?.kind === 'array' && errors.items.some((e) => stringValue(e) === 'States.ALL');
}

/**
 * `RetryStrategy.Attempts`, from 1 up; undefined when it cannot be known: left out (AWS Batch
 * documents no default, and `EvaluateOnExit` without it still retries), an intrinsic, a
 * placeholder, or out of Batch's range.
 */
function attemptsOf(strategy: AstNode): number | undefined {
  const attempts = strategy.kind === 'object' && !strategy.placeholder && strategy.tag === undefined ? getProperty(strategy, 'Attempts') : undefined;
  const count = attempts && countOf(attempts.value);
  return count !== undefined && count >= 1 ? count : undefined;
}

/** A whole number, or a string of digits (CloudFormation accepts both). */
function countOf(node: AstNode | undefined): number | undefined {
  const number = numberValue(node);
  if (number !== undefined) return Number.isInteger(number) ? number : undefined;
  const text = stringValue(node);
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

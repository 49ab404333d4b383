/** `batch/require-group-retry`: retries the whole triad together, on the group. */
import type { FixFunction } from '../src/engine/fix-ops';
import { getValue, stringValue } from '../src/model/ast';
import type { State } from '../src/model/types';
import { insertionPoint } from './placement';

/** The group's retrier of DESIGN §1. */
export const GROUP_RETRIER = { ErrorEquals: ['States.ALL'], IntervalSeconds: 3, MaxAttempts: 2 } as const;

/** The fields that come before `Retry` on a group, in DESIGN §1 order: … OutputPath, Next, Retry, Catch. */
export const BEFORE_RETRY = ['Type', 'Comment', 'QueryLanguage', 'Branches', 'InputPath', 'Parameters', 'Arguments', 'ResultSelector', 'ResultPath', 'OutputPath', 'Output', 'Assign', 'Next', 'End'];

/**
 * Inserts `Retry: [GROUP_RETRIER]`, or appends the retrier to an existing `Retry` (a
 * `States.ALL` retrier must come last in ASL). Undefined when a `States.ALL` retrier is already
 * there (with `MaxAttempts: 0`, a deliberate "never retry") or `Retry` is not a list.
 */
export function addGroupRetry(state: State): FixFunction | undefined {
  const retry = state.fieldProperty('Retry');
  if (!retry) return (f) => f.insert(state.node, 'Retry', [GROUP_RETRIER], insertionPoint(state.node, BEFORE_RETRY));
  const retriers = retry.value;
  if (retriers.kind !== 'array') return undefined;
  const retriesAll = retriers.items.some((r) => {
    const errors = getValue(r, 'ErrorEquals');
    return errors?.kind === 'array' && errors.items.some((e) => stringValue(e) === 'States.ALL');
  });
  if (retriesAll) return undefined;
  return (f) => f.insertItem(retriers, GROUP_RETRIER);
}

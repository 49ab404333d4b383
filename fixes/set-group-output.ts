/** `batch/require-output-path`: makes a batch group pass on its branch's result, not the array. */
import type { FixFunction } from '../src/engine/fix-ops';
import { queryLanguage } from '../src/model/describe';
import type { State } from '../src/model/types';
import { insertionPoint } from './placement';

/** JSONPath `OutputPath: $[0]`, or JSONata `Output: "{% $states.result[0] %}"`. */
export function groupOutput(state: State): { readonly field: string; readonly value: string } {
  return queryLanguage(state) === 'JSONata' ? { field: 'Output', value: '{% $states.result[0] %}' } : { field: 'OutputPath', value: '$[0]' };
}

/** Sets the group's output field, or inserts it after `Branches` (DESIGN §1 order). */
export function setGroupOutput(state: State): FixFunction {
  const { field, value } = groupOutput(state);
  const existing = state.fieldProperty(field);
  if (existing) return (f) => f.set(existing.value, value);
  return (f) => f.insert(state.node, field, value, insertionPoint(state.node, ['Type', 'Comment', 'QueryLanguage', 'Branches']));
}

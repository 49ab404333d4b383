/** The one walker over the model: calls visitors for a machine, its scopes, states and transitions. */
import type { Visitors } from '../engine/define-rule';
import type { Scope, StateMachine } from './types';

type StateKind = 'Task' | 'Parallel' | 'Map' | 'Choice' | 'Pass' | 'Wait' | 'Succeed' | 'Fail';
const STATE_KINDS = new Set<string>(['Task', 'Parallel', 'Map', 'Choice', 'Pass', 'Wait', 'Succeed', 'Fail']);

/** Walks `machine` depth first in document order, calling every visitor of every rule. */
export function traverse(machine: StateMachine, visitors: readonly Visitors[]): void {
  for (const v of visitors) v.StateMachine?.(machine);
  walkScope(machine.root, visitors);
  for (const v of visitors) v['StateMachine:exit']?.(machine);
}

function walkScope(scope: Scope, visitors: readonly Visitors[]): void {
  for (const v of visitors) v.Scope?.(scope);
  if (scope.startAt) {
    const entry = scope.transitions[0];
    for (const v of visitors) v.Transition?.(entry);
  }
  for (const state of scope.states) {
    const kind = state.type && STATE_KINDS.has(state.type) ? (state.type as StateKind) : undefined;
    for (const v of visitors) {
      v.State?.(state);
      if (kind) v[kind]?.(state);
    }
    for (const t of state.transitions) for (const v of visitors) v.Transition?.(t);
    for (const child of state.children) walkScope(child, visitors);
  }
}

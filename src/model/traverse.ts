/** The one walker over the model: calls visitors for a machine, its scopes, states and transitions. */
import type { Visitors } from '../engine/define-rule';
import type { Scope, State, StateMachine, Transition } from './types';

type StateKind = 'Task' | 'Parallel' | 'Map' | 'Choice' | 'Pass' | 'Wait' | 'Succeed' | 'Fail';
const STATE_KINDS = new Set<string>(['Task', 'Parallel', 'Map', 'Choice', 'Pass', 'Wait', 'Succeed', 'Fail']);

/** A visitor method bound to its visitors object. */
type Listener<T> = (node: T) => void;

/**
 * The listeners of each event, in rule order, gathered once per walk (per state type on first
 * use): the walk then calls only the methods that exist, instead of reading every rule's
 * visitors for every state, which was most of the walk's time.
 */
class Dispatch {
  readonly scope: readonly Listener<Scope>[];
  readonly transition: readonly Listener<Transition>[];
  private readonly states = new Map<StateKind | undefined, readonly Listener<State>[]>();

  constructor(private readonly visitors: readonly Visitors[]) {
    this.scope = visitors.flatMap((v) => (v.Scope ? [v.Scope.bind(v)] : []));
    this.transition = visitors.flatMap((v) => (v.Transition ? [v.Transition.bind(v)] : []));
  }

  /** For a state of `type`: each visitor's `State`, then its method for the type, as always called. */
  forState(type: string | undefined): readonly Listener<State>[] {
    // The model holds each known type once (build.ts), so `v[kind]` reads a property by a constant name.
    const kind = type !== undefined && STATE_KINDS.has(type) ? (type as StateKind) : undefined;
    let found = this.states.get(kind);
    if (!found) {
      const listeners: Listener<State>[] = [];
      for (const v of this.visitors) {
        const onState = v.State;
        if (onState) listeners.push(onState.bind(v));
        const onKind = kind && v[kind];
        if (onKind) listeners.push(onKind.bind(v));
      }
      this.states.set(kind, (found = listeners));
    }
    return found;
  }
}

function emit<T>(listeners: readonly Listener<T>[], node: T): void {
  for (let i = 0; i < listeners.length; i++) listeners[i](node);
}

/** Walks `machine` depth first in document order, calling every visitor of every rule. */
export function traverse(machine: StateMachine, visitors: readonly Visitors[]): void {
  for (const v of visitors) v.StateMachine?.(machine);
  walkScope(machine.root, new Dispatch(visitors));
  for (const v of visitors) v['StateMachine:exit']?.(machine);
}

function walkScope(scope: Scope, dispatch: Dispatch): void {
  emit(dispatch.scope, scope);
  if (scope.startAt) emit(dispatch.transition, scope.transitions[0]);
  for (const state of scope.states) {
    emit(dispatch.forState(state.type), state);
    for (const t of state.transitions) emit(dispatch.transition, t);
    for (const child of state.children) walkScope(child, dispatch);
  }
}

/**
 * Control flow inside one scope (a machine's, a Parallel branch's or a Map processor's `States`):
 * where transitions lead, what `StartAt` reaches, which states end the scope. The graph rules
 * share these so that "reachable" and "terminal" mean the same thing in every report.
 */
import { getValue, type AstNode } from '../model/ast';
import type { Scope, State, Transition } from '../model/types';
import { hasMergeKey } from './merge-key';

/** `${name}` (CloudFormation, Terraform, serverless) or `#{name}` (serverless pseudo-parameters). */
const PLACEHOLDER = /[$#]\{[^}]*\}/;

/** True when a name holds a `${...}` or `#{...}` placeholder: its real text comes at deployment. */
export function isTemplatedName(name: string): boolean {
  return PLACEHOLDER.test(name);
}

/** True when a transition target is templated: its real value is only known after substitution. */
export function isTemplated(t: Transition): boolean {
  return t.target.placeholder === true || (typeof t.target.value === 'string' && isTemplatedName(t.target.value));
}

/** The state a transition leads to in its own scope, if that name exists there. */
export function targetOf(t: Transition): State | undefined {
  return t.scope.get(String(t.target.value));
}

/** A place that names a transition target, with the node written there (of any kind). */
export interface TargetSlot {
  /** As written in the state: `"Next"`, `"Choices[2].Next"`, `"StartAt"` … */
  readonly label: string;
  readonly node: AstNode;
}

/**
 * Every target slot of the scope, whatever its value: `StartAt`, and each state's `Next`,
 * `Default`, `Choices[i].Next` and `Catch[i].Next`. The model's transitions hold only the
 * string-valued ones; these are for judging the rest.
 */
export function targetSlots(scope: Scope): TargetSlot[] {
  const slots: TargetSlot[] = [];
  eachTargetNode(scope, (node, label) => {
    slots.push({ label: label(), node });
    return false;
  });
  return slots;
}

const LISTS = ['Choices', 'Catch'] as const;
const START_AT_LABEL = () => '"StartAt"';
const NEXT_LABEL = () => '"Next"';
const DEFAULT_LABEL = () => '"Default"';

/**
 * Calls `visit` with the node of each target slot, in document order, until it returns true
 * (then returns true). The label is built only when asked for: the graph rules ask whether any
 * slot is opaque for every scope, and seldom need the words.
 */
function eachTargetNode(scope: Scope, visit: (node: AstNode, label: () => string) => boolean): boolean {
  const startAt = getValue(scope.node, 'StartAt');
  if (startAt !== undefined && visit(startAt, START_AT_LABEL)) return true;
  for (const state of scope.states) {
    const next = state.field('Next');
    if (next !== undefined && visit(next, NEXT_LABEL)) return true;
    const fallback = state.field('Default');
    if (fallback !== undefined && visit(fallback, DEFAULT_LABEL)) return true;
    for (const field of LISTS) {
      const list = state.field(field);
      if (list?.kind !== 'array') continue;
      for (let i = 0; i < list.items.length; i++) {
        const item = list.items[i];
        const target = item.kind === 'object' ? getValue(item, 'Next') : undefined;
        if (target !== undefined && visit(target, () => `"${field}[${i}].Next"`)) return true;
      }
    }
  }
  return false;
}

/**
 * True when some transition of the scope cannot be read: a target written as an intrinsic
 * (`Next: !Ref X`), a templated name that matches no state, or `Choices`/`Catch` that are not
 * lists of objects. Reachability is then unknown, and reporting a state as unreachable would
 * be a guess.
 */
export function hasOpaqueTransitions(scope: Scope): boolean {
  // Asked by three rules of every scope: computed once.
  return scope.derive(opaqueTransitions);
}

function opaqueTransitions(scope: Scope): boolean {
  // Merged-in states, or a state whose `Next` may come from a merged base, hide transitions.
  if (hasMergeKey(scope.statesNode) || scope.states.some((state) => hasMergeKey(state.node))) return true;
  if (eachTargetNode(scope, isOpaqueTarget)) return true;
  if (scope.transitions.some((t) => isTemplated(t) && targetOf(t) === undefined)) return true;
  return scope.states.some((state) =>
    LISTS.some((field) => {
      const list = state.field(field);
      return list !== undefined && (list.kind !== 'array' || list.items.some((item) => item.kind !== 'object' || hasMergeKey(item)));
    }),
  );
}

/**
 * True when every transition of the scope can be followed: none is opaque and none names a
 * state missing from the scope. A dangling `Next` may be a typo for the very state a graph rule
 * would call unreachable or missing, so the warnings built on the whole graph wait until
 * asl/valid-transition-target is satisfied.
 */
export function isGraphComplete(scope: Scope): boolean {
  return scope.derive(graphComplete);
}

function graphComplete(scope: Scope): boolean {
  return !hasOpaqueTransitions(scope) && scope.transitions.every((t) => targetOf(t) !== undefined);
}

/** A target present but not a plain string, or marked as a placeholder by the parser. */
function isOpaqueTarget(node: AstNode): boolean {
  return node.placeholder === true || node.kind !== 'scalar' || typeof node.value !== 'string';
}

/** The states reachable from the scope's `StartAt` by any transition, `StartAt`'s own target included. */
export function reachableStates(scope: Scope): ReadonlySet<State> {
  return scope.derive(reachable);
}

function reachable(scope: Scope): Set<State> {
  const reached = new Set<State>();
  const start = scope.startAt && scope.get(String(scope.startAt.value));
  if (!start) return reached;
  reached.add(start);
  // A Set's walk visits what is added during it: the set is its own breadth-first queue.
  for (const state of reached) {
    for (const t of state.transitions) {
      const next = targetOf(t);
      if (next) reached.add(next);
    }
  }
  return reached;
}

/** True when `state` ends its scope: a Succeed or Fail state, or a state with `End: true`. */
export function isTerminal(state: State): boolean {
  if (state.type === 'Succeed' || state.type === 'Fail') return true;
  const end = state.field('End');
  return end?.kind === 'scalar' && end.value === true;
}

/**
 * True when `state` is, or might be, terminal: also when its `Type` or `End` is templated,
 * written as an intrinsic or merged in (`<<: *base`), so that a rule demanding a terminal state
 * never fires on a guess.
 */
export function mayBeTerminal(state: State): boolean {
  if (isTerminal(state) || hasMergeKey(state.node)) return true;
  return [state.field('Type'), state.field('End')].some((node) => node !== undefined && (node.placeholder === true || node.kind !== 'scalar'));
}

/** The display name of a scope for messages: `the top-level "States"`, `branch 2 of "P"` … */
export function describeScope(scope: Scope): string {
  if (!scope.owner) return 'the top-level "States"';
  if (scope.kind === 'branch') return `branch ${(scope.branchIndex ?? 0) + 1} of Parallel state "${scope.owner.name}"`;
  const field = scope.owner.field('ItemProcessor') ? 'ItemProcessor' : 'Iterator';
  return `the "${field}" of Map state "${scope.owner.name}"`;
}

/** True when `inner` is `outer` or nested (at any depth) inside one of its states. */
export function isWithin(inner: Scope, outer: Scope): boolean {
  for (let s: Scope | undefined = inner; s; s = s.owner?.scope) if (s === outer) return true;
  return false;
}

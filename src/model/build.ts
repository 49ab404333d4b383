/**
 * Builds the state-machine model from a definition node. This and `traverse.ts` are the
 * only modules that know how ASL nests: `States`, Parallel `Branches`, Map `ItemProcessor`
 * (and its legacy spelling `Iterator`).
 */
import { getValue, stringValue, type AstNode, type ObjectNode, type PropertyNode, type ScalarNode } from './ast';
import type { MachineHost, Scope, State, StateMachine, Transition } from './types';

/** Builds the model of one machine whose definition (`StartAt` + `States`) is `definition`. */
export function buildMachine(definition: ObjectNode, host: MachineHost, name: string | undefined): StateMachine {
  const scopes: ScopeImpl[] = [];
  // Asked for once per machine by several rules and the suppressions: gathered on first use.
  let states: readonly State[] | undefined;
  const machine: StateMachine = {
    name,
    host,
    root: undefined as unknown as Scope,
    scopes: () => scopes,
    states: () => (states ??= scopes.flatMap((s) => s.states)),
    incoming: (state) => state.scope.transitions.filter((t) => t.target.value === state.name),
  };
  const root = buildScope(definition, 'machine', undefined, undefined, machine, scopes);
  (machine as { root: Scope }).root = root;
  return machine;
}

class ScopeImpl implements Scope {
  readonly states: StateImpl[] = [];
  readonly transitions: Transition[] = [];
  private readonly byName = new Map<string, StateImpl>();

  constructor(
    readonly kind: Scope['kind'],
    readonly node: ObjectNode,
    readonly startAt: ScalarNode | undefined,
    readonly statesNode: ObjectNode | undefined,
    readonly owner: State | undefined,
    readonly branchIndex: number | undefined,
    readonly machine: StateMachine,
  ) {}

  private facts: Map<(scope: Scope) => unknown, unknown> | undefined;

  get(name: string): State | undefined {
    return this.byName.get(name);
  }

  derive<T>(fact: (scope: Scope) => T): T {
    this.facts ??= new Map();
    if (!this.facts.has(fact)) this.facts.set(fact, fact(this));
    return this.facts.get(fact) as T;
  }

  add(state: StateImpl): void {
    this.states.push(state);
    // The first definition wins for lookups; duplicates are a rule's business, not a crash.
    if (!this.byName.has(state.name)) this.byName.set(state.name, state);
  }
}

/**
 * The state types, each held once: a type read from a file becomes this copy of its text, so the
 * rules' comparisons and lookups by type do not each compare or hash the file's string.
 */
const STATE_TYPE_NAMES = new Map(['Task', 'Parallel', 'Map', 'Choice', 'Pass', 'Wait', 'Succeed', 'Fail'].map((name) => [name, name]));

class StateImpl implements State {
  readonly children: Scope[] = [];
  readonly transitions: Transition[] = [];
  readonly type: string | undefined;
  /**
   * The state's fields by name, the last of a repeated key winning as in `getProperty`: rules
   * ask for dozens of fields of every state, and the model is read-only.
   */
  private readonly fields = new Map<string, PropertyNode>();

  constructor(
    readonly name: string,
    readonly key: ScalarNode,
    readonly property: State['property'],
    readonly node: ObjectNode,
    readonly scope: Scope,
  ) {
    for (const p of node.properties) if (typeof p.key.value === 'string') this.fields.set(p.key.value, p);
    const type = stringValue(this.field('Type'));
    this.type = (type !== undefined && STATE_TYPE_NAMES.get(type)) || type;
  }

  field(name: string): AstNode | undefined {
    return this.fields.get(name)?.value;
  }

  fieldProperty(name: string): PropertyNode | undefined {
    return this.fields.get(name);
  }
}

function buildScope(
  node: ObjectNode,
  kind: Scope['kind'],
  owner: State | undefined,
  branchIndex: number | undefined,
  machine: StateMachine,
  all: ScopeImpl[],
): ScopeImpl {
  const startAt = scalarAt(node, 'StartAt');
  const statesValue = getValue(node, 'States');
  const statesNode = statesValue?.kind === 'object' ? statesValue : undefined;
  const scope = new ScopeImpl(kind, node, startAt, statesNode, owner, branchIndex, machine);
  all.push(scope);
  if (startAt) scope.transitions.push({ scope, from: undefined, field: 'StartAt', index: undefined, target: startAt });
  for (const property of statesNode?.properties ?? []) {
    // `1:` in YAML is a number key; AWS takes it as the state name "1".
    if (property.value.kind !== 'object' || property.key.value === null) continue;
    const state = new StateImpl(String(property.key.value), property.key, property, property.value, scope);
    scope.add(state);
    collectTransitions(state, scope);
    for (const [child, childKind, index] of nestedScopes(state)) {
      state.children.push(buildScope(child, childKind, state, index, machine, all));
    }
  }
  return scope;
}

/** The Parallel branches or Map processor of a state. */
function nestedScopes(state: State): [ObjectNode, Scope['kind'], number | undefined][] {
  const out: [ObjectNode, Scope['kind'], number | undefined][] = [];
  if (state.type === 'Parallel') {
    const branches = state.field('Branches');
    if (branches?.kind === 'array') {
      branches.items.forEach((branch, index) => {
        if (branch.kind === 'object') out.push([branch, 'branch', index]);
      });
    }
  } else if (state.type === 'Map') {
    const processor = state.field('ItemProcessor') ?? state.field('Iterator');
    if (processor?.kind === 'object') out.push([processor, 'processor', undefined]);
  }
  return out;
}

function collectTransitions(state: StateImpl, scope: ScopeImpl): void {
  const add = (field: Transition['field'], target: ScalarNode | undefined, index?: number) => {
    if (!target) return;
    const t: Transition = { scope, from: state, field, index, target };
    state.transitions.push(t);
    scope.transitions.push(t);
  };
  add('Next', stringScalar(state.field('Next')));
  add('Default', stringScalar(state.field('Default')));
  eachObject(state.field('Choices'), (choice, i) => add('Choices', scalarAt(choice, 'Next'), i));
  eachObject(state.field('Catch'), (catcher, i) => add('Catch', scalarAt(catcher, 'Next'), i));
}

function eachObject(node: AstNode | undefined, visit: (item: ObjectNode, index: number) => void): void {
  if (node?.kind !== 'array') return;
  node.items.forEach((item, index) => {
    if (item.kind === 'object') visit(item, index);
  });
}

function scalarAt(node: ObjectNode, key: string): ScalarNode | undefined {
  return stringScalar(getValue(node, key));
}

function stringScalar(value: AstNode | undefined): ScalarNode | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value : undefined;
}

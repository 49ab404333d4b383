/**
 * Builds the state-machine model from a definition node. This and `traverse.ts` are the
 * only modules that know how ASL nests: `States`, Parallel `Branches`, Map `ItemProcessor`
 * (and its legacy spelling `Iterator`).
 */
import { getProperty, getValue, stringValue, type AstNode, type ObjectNode, type ScalarNode } from './ast';
import type { MachineHost, Scope, State, StateMachine, Transition } from './types';

/** Builds the model of one machine whose definition (`StartAt` + `States`) is `definition`. */
export function buildMachine(definition: ObjectNode, host: MachineHost, name: string | undefined): StateMachine {
  const scopes: ScopeImpl[] = [];
  const machine: StateMachine = {
    name,
    host,
    root: undefined as unknown as Scope,
    scopes: () => scopes,
    states: () => scopes.flatMap((s) => s.states),
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

  get(name: string): State | undefined {
    return this.byName.get(name);
  }

  add(state: StateImpl): void {
    this.states.push(state);
    // The first definition wins for lookups; duplicates are a rule's business, not a crash.
    if (!this.byName.has(state.name)) this.byName.set(state.name, state);
  }
}

class StateImpl implements State {
  readonly children: Scope[] = [];
  readonly transitions: Transition[] = [];

  constructor(
    readonly name: string,
    readonly key: ScalarNode,
    readonly property: State['property'],
    readonly node: ObjectNode,
    readonly scope: Scope,
  ) {}

  get type(): string | undefined {
    return stringValue(this.field('Type'));
  }

  field(name: string): AstNode | undefined {
    return getValue(this.node, name);
  }

  fieldProperty(name: string) {
    return getProperty(this.node, name);
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
  add('Next', scalarAt(state.node, 'Next'));
  add('Default', scalarAt(state.node, 'Default'));
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
  const value = getValue(node, key);
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value : undefined;
}

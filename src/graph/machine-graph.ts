/**
 * The picture of a state machine as plain data, shared by the Mermaid and DOT renderers: one
 * node per state, transitions as edges (`Catch` dashed), every Parallel or Map boxed with its
 * branches or item processor as nested boxes, batch groups labelled as such, and the rule ids
 * reported on each state.
 */
import { collectStrings, getValue } from '../model/ast';
import type { BatchQueries } from '../model/batch';
import type { Scope, State, StateMachine } from '../model/types';

export interface GraphNode {
  readonly kind: 'node';
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Rule ids reported on the state, sorted, without repeats. */
  readonly problems: readonly string[];
}

export interface GraphBox {
  readonly kind: 'box';
  readonly id: string;
  readonly label: string;
  /** A batch group (DESIGN §2): drawn with a heavier frame. */
  readonly batchGroup: boolean;
  readonly members: readonly GraphMember[];
}

export type GraphMember = GraphNode | GraphBox;

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** `next` (Next, Default, Choices), `catch` (dashed), `enter` (into a branch or item processor). */
  readonly style: 'next' | 'catch' | 'enter';
  readonly label?: string;
}

export interface MachineGraph {
  readonly members: readonly GraphMember[];
  readonly edges: readonly GraphEdge[];
}

/** The ids of the start and end markers (capitalised: `end` is a Mermaid keyword). */
export const START_ID = 'Start';
export const END_ID = 'End';

/** The graph of `machine`; `problems` gives the rule ids reported on each state. */
export function buildGraph(machine: StateMachine, batch: BatchQueries, problems: ReadonlyMap<State, readonly string[]>): MachineGraph {
  const ids = new Map<State, string>(machine.states().map((s, i) => [s, `s${i}`]));
  const edges: GraphEdge[] = [];
  const rootStart = startOf(machine.root);
  if (rootStart) edges.push({ from: START_ID, to: ids.get(rootStart) as string, style: 'next' });

  const membersOf = (scope: Scope): GraphMember[] =>
    scope.states.map((state) => {
      const id = ids.get(state) as string;
      edges.push(...edgesFrom(state, ids));
      if (scope.kind === 'machine' && isTerminal(state)) edges.push({ from: id, to: END_ID, style: 'next' });
      const node: GraphNode = { kind: 'node', id, name: state.name, type: state.type ?? '?', problems: problems.get(state) ?? [] };
      if (state.children.length === 0) return node;
      const inner = state.children.map((child, i): GraphBox => {
        const first = startOf(child);
        if (first) edges.push({ from: id, to: ids.get(first) as string, style: 'enter' });
        return { kind: 'box', id: `${id}_${i}`, label: child.kind === 'branch' ? `branch ${i + 1}` : 'item processor', batchGroup: false, members: membersOf(child) };
      });
      const batchGroup = batch.isBatchGroup(state);
      return { kind: 'box', id: `${id}_box`, label: batchGroup ? `batch group ${state.name}` : `${state.type ?? '?'} ${state.name}`, batchGroup, members: [node, ...inner] };
    });

  return { members: membersOf(machine.root), edges };
}

function edgesFrom(state: State, ids: ReadonlyMap<State, string>): GraphEdge[] {
  const from = ids.get(state) as string;
  const out: GraphEdge[] = [];
  // Choices in order, then Default, then Next, then the catchers: the order a reader follows.
  const rank = { StartAt: 0, Choices: 0, Default: 1, Next: 2, Catch: 3 } as const;
  const transitions = [...state.transitions].sort((a, b) => rank[a.field] - rank[b.field] || (a.index ?? 0) - (b.index ?? 0));
  for (const t of transitions) {
    const target = t.scope.get(String(t.target.value));
    // A transition to an unknown state is a problem for the rules; the picture leaves it out.
    if (!target) continue;
    const to = ids.get(target) as string;
    if (t.field === 'Catch') {
      const catcher = t.index === undefined ? undefined : itemAt(state.field('Catch'), t.index);
      out.push({ from, to, style: 'catch', label: collectStrings(getValue(catcher, 'ErrorEquals')).join(', ') || 'Catch' });
    } else if (t.field === 'Default') {
      out.push({ from, to, style: 'next', label: 'Default' });
    } else if (t.field === 'Choices') {
      out.push({ from, to, style: 'next', label: `rule ${(t.index ?? 0) + 1}` });
    } else {
      out.push({ from, to, style: 'next' });
    }
  }
  return out;
}

function itemAt(node: ReturnType<State['field']>, index: number) {
  return node?.kind === 'array' ? node.items[index] : undefined;
}

function startOf(scope: Scope): State | undefined {
  return scope.startAt ? scope.get(String(scope.startAt.value)) : undefined;
}

function isTerminal(state: State): boolean {
  if (state.type === 'Succeed' || state.type === 'Fail') return true;
  const end = state.field('End');
  return end?.kind === 'scalar' && end.value === true;
}

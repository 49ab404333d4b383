/**
 * The checks behind the property tests of `--fix`: one fix run per input (memoised, so the
 * properties share it), and the graph comparison of property (d).
 */
import os from 'node:os';
import { WfLint } from '../../src/api/wf-lint';
import type { LintResult } from '../../src/engine/types';
import { stringValue } from '../../src/model/ast';
import { BatchQueries, batchMatchers } from '../../src/model/batch';
import type { Scope, State, StateMachine } from '../../src/model/types';
import { parseSource } from '../../src/sources/parse-source';

/** `FAST_CHECK_RUNS` raises (or lowers) the number of runs of every property; 60 by default. */
export const RUNS = Number(process.env.FAST_CHECK_RUNS ?? '') || 60;
/** `FAST_CHECK_SEED` replays another seed; fixed by default so CI runs are reproducible. */
export const SEED = Number(process.env.FAST_CHECK_SEED ?? '') || 424242;

export interface FixOutcome {
  /** The fixed text (the input when nothing changed). */
  readonly output: string;
  readonly result: LintResult;
  /** Warnings of the fix loop (circular fixes, fixes dropped because their text would not parse). */
  readonly warnings: readonly string[];
}

let warnings: string[] = [];
const linter = new WfLint({ cwd: os.tmpdir(), configLookup: false, fix: true, onWarning: (w) => warnings.push(w) });
const memo = new Map<string, FixOutcome>();

/** `new WfLint({ fix: true }).lintText(text)`, once per distinct input. */
export async function fix(text: string, filePath: string): Promise<FixOutcome> {
  const key = `${filePath}\0${text}`;
  const known = memo.get(key);
  if (known) return known;
  warnings = [];
  const [result] = await linter.lintText(text, { filePath });
  const outcome = { output: result.output ?? text, result, warnings };
  if (memo.size > 2000) memo.clear();
  memo.set(key, outcome);
  return outcome;
}

export const batchQueries = (): BatchQueries => new BatchQueries(batchMatchers(undefined));

/**
 * Property (d): the graph outside the triads is unchanged. Returns the differences (empty when
 * the property holds):
 * - no state of the input disappears;
 * - every state that is not a Batch, pre- or post-batch task keeps its type and its
 *   transitions (same fields, same `Choices`/`Catch` indices), and each target is the one it
 *   had, except that a target that was a triad member moved into a new group is now that group
 *   (or, for a Batch task that got a pre-batch inserted in front of it in the same scope, that
 *   new pre-batch);
 * - the same holds for the `StartAt` of every scope that is not inside a triad member;
 * - state names stay unique across the machine (the input's are);
 * - every state the fix added is a new batch group (a single-branch Parallel holding a Batch
 *   task) or a new pre-/post-batch task.
 */
export function graphDifferences(input: string, output: string, filePath: string): string[] {
  const before = parseSource(input, filePath);
  const after = parseSource(output, filePath);
  if (before.machines.length !== after.machines.length) return [`${before.machines.length} machine(s) became ${after.machines.length}`];
  return before.machines.flatMap((machine, i) => machineDifferences(machine, after.machines[i]));
}

function machineDifferences(before: StateMachine, after: StateMachine): string[] {
  const problems: string[] = [];
  const batch = batchQueries();
  const afterBatch = batchQueries();
  const old = new Map(before.states().map((s) => [s.name, s]));
  const now = new Map(after.states().map((s) => [s.name, s]));
  const member = (s: State) => batch.roleOf(s) !== undefined;

  /** Is `actual` right for a transition, resolved in `scope` (of the output), that went to `target`? */
  const check = (where: string, scope: Scope, target: string, actual: string | undefined) => {
    const moved = now.get(target);
    if (!moved) return; // reported as a lost state
    // Climb from the old target to the state of `scope` that now holds it.
    let holder: State | undefined = moved;
    while (holder && holder.scope !== scope) holder = holder.scope.owner;
    if (!holder) {
      problems.push(`${where}: its target "${target}" is no longer in its scope (now "${actual}")`);
      return;
    }
    if (holder !== moved && (old.has(holder.name) || !member(old.get(target)!))) {
      problems.push(`${where}: its target "${target}" moved into "${holder.name}", which is not a new batch group`);
      return;
    }
    const expected = holder.name;
    if (actual === expected) return;
    const inserted = actual === undefined ? undefined : now.get(actual);
    const preInserted =
      inserted !== undefined && !old.has(inserted.name) && afterBatch.isPreBatch(inserted) && stringValue(inserted.field('Next')) === expected && batch.isBatchTask(old.get(target));
    if (!preInserted) problems.push(`${where}: expected "${expected}" (was "${target}"), got "${actual}"`);
  };

  for (const state of before.states()) {
    const twin = now.get(state.name);
    if (!twin) {
      problems.push(`state "${state.name}" is gone`);
      continue;
    }
    if (member(state)) continue;
    if (twin.type !== state.type) problems.push(`state "${state.name}": type ${state.type} became ${twin.type}`);
    const was = transitionMap(state);
    const is = transitionMap(twin);
    const keys = [...new Set([...was.keys(), ...is.keys()])];
    for (const key of keys) {
      const where = `"${state.name}".${key}`;
      if (!was.has(key)) problems.push(`${where}: new transition to "${is.get(key)}"`);
      else if (!is.has(key)) problems.push(`${where}: transition to "${was.get(key)}" is gone`);
      else check(where, twin.scope, was.get(key)!, is.get(key));
    }
  }

  // StartAt of the machine and of every branch or processor of a state outside the triads.
  for (const scope of before.scopes()) {
    if (scope.owner && member(scope.owner)) continue;
    const twin = scope.owner ? now.get(scope.owner.name)?.children[scope.owner.children.indexOf(scope)] : after.root;
    const where = scope.owner ? `StartAt of "${scope.owner.name}"[${scope.owner.children.indexOf(scope)}]` : 'StartAt of the machine';
    if (!twin) {
      if (!scope.owner || now.has(scope.owner.name)) problems.push(`${where}: the scope is gone`);
      continue;
    }
    const target = stringValue(scope.startAt);
    if (target !== undefined) check(where, twin, target, stringValue(twin.startAt));
  }

  const seen = new Set<string>();
  for (const state of after.states()) {
    if (seen.has(state.name)) problems.push(`two states are named "${state.name}"`);
    seen.add(state.name);
  }
  for (const state of after.states()) {
    if (old.has(state.name)) continue;
    const group = state.type === 'Parallel' && afterBatch.isBatchGroup(state);
    const lambda = afterBatch.isPreBatch(state) || afterBatch.isPostBatch(state);
    if (!group && !lambda) problems.push(`new state "${state.name}" (${state.type}) is neither a batch group nor a pre-/post-batch task`);
  }
  return problems;
}

/** A state's transitions: `Next`, `Default`, `Choices[i]`, `Catch[i]` → target name. */
function transitionMap(state: State): Map<string, string> {
  return new Map(state.transitions.map((t) => [t.index === undefined ? t.field : `${t.field}[${t.index}]`, String(t.target.value)]));
}

/**
 * The invariants of the structural (wrap) fixes, checked on every case: after the full fix loop
 * with every rule the output parses into as many machines, no fixable `batch/*` problem is
 * left, a second run changes nothing, asl-validator accepts every machine, and every state
 * that has nothing to do with a Batch task is byte-identical to the original.
 */
import { contentEnd } from '../../src/formats/yaml/blocks';
import { BatchQueries, batchMatchers } from '../../src/model/batch';
import type { State, StateMachine } from '../../src/model/types';
import { parseSource, type SourceFile } from '../../src/sources/parse-source';
import { definitionsOf } from '../semantics/load';
import { acceptedByAslValidator } from '../semantics/run';
import { rules } from '../../rules';
import { fixWith, type FixRun } from './fix-harness';

export const ALL_RULES = Object.keys(rules);

/** Runs the full fix loop on `text` and checks the invariants; returns the run. */
export function fixFully(text: string, filename: string): FixRun {
  const run = fixWith(ALL_RULES, text, filename);
  expect(run.warnings).toEqual([]);
  const before = parseSource(text, `/cases/${filename}`);
  const after = parseSource(run.output, `/cases/${filename}`);
  expect(after.errors).toEqual([]);
  expect(after.machines).toHaveLength(before.machines.length);
  expect(run.messages.filter((m) => m.fix && m.ruleId?.startsWith('batch/')).map((m) => m.ruleId)).toEqual([]);
  expect(fixWith(ALL_RULES, run.output, filename).output).toBe(run.output);
  for (const definition of definitionsOf(run.output, `/cases/${filename}`)) expect(acceptedByAslValidator(definition)).toEqual([]);
  expectOthersUntouched(before, after);
  return run;
}

/**
 * Every state that is not a Batch, pre- or post-batch task, holds none, and has no transition
 * to one, has exactly its original text (found by name) in the fixed file.
 */
export function expectOthersUntouched(before: SourceFile, after: SourceFile): void {
  const batch = new BatchQueries(batchMatchers(undefined));
  before.machines.forEach((machine, i) => {
    const fixed = new Map(after.machines[i].states().map((s) => [s.name, s]));
    for (const state of untouchable(machine, batch)) {
      const twin = fixed.get(state.name);
      expect(twin && textOf(after, twin)).toBe(textOf(before, state));
    }
  });
}

function untouchable(machine: StateMachine, batch: BatchQueries): State[] {
  const related = (s: State) => batch.isBatchTask(s) || batch.isPreBatch(s) || batch.isPostBatch(s);
  const touched = new Set(machine.states().filter(related));
  for (const state of machine.states()) {
    if (state.transitions.some((t) => touched.has(state.scope.get(String(t.target.value))!))) touched.add(state);
  }
  // A state holding a touched state (a Map around a Batch task) changes with it.
  for (const state of [...touched]) for (let owner = state.scope.owner; owner; owner = owner.scope.owner) touched.add(owner);
  return machine.states().filter((s) => !touched.has(s));
}

function textOf(source: SourceFile, state: State): string {
  const end = source.syntax === 'yaml' && !source.embedded.size ? contentEnd(source.text, state.node) : state.node.range[1];
  return source.text.slice(state.property.key.range[0], end);
}

/**
 * Helpers for the fix tests: a fix run through the real fix loop,
 * and the invariants every fix must keep (re-parses, lints clean for its rule, converges, and
 * leaves every byte outside its edit alone).
 */
import { rules } from '../../rules';
import { fixer, type FixOp } from '../../src/engine/fix-ops';
import { Linter } from '../../src/engine/linter';
import type { LintMessage } from '../../src/engine/types';
import { CannotRender } from '../../src/formats/text-edit';
import type { State, StateMachine } from '../../src/model/types';
import { parseSource, type SourceFile } from '../../src/sources/parse-source';
import { renderFix } from '../../src/sources/render-fix';

/** A fix test case: input text and the exact fixed text. */
export interface FixCase {
  readonly name: string;
  readonly file: string;
  readonly code: string;
  /** The fixed text; `null` when the problem is reported but has no fix. */
  readonly output: string | null;
}

/** The head of a CloudFormation template whose machine is JSON in `DefinitionString: !Sub |`. */
export const CF_HEAD = ['Resources:', '  Machine:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      DefinitionString: !Sub |'];

export interface FixRun {
  readonly output: string;
  readonly messages: readonly LintMessage[];
  readonly warnings: readonly string[];
}

function config(ids: readonly string[], settings: Record<string, unknown> = {}) {
  return { rules: new Map(ids.map((id) => [id, { severity: 2 as const, options: [] as unknown[] }])), settings };
}

/** Lints `text` with the rules `ids` (at error) and no fixing. */
export function lintWith(ids: readonly string[], text: string, filename: string): LintMessage[] {
  return new Linter(rules).lintText(text, `/cases/${filename}`, config(ids), { explicit: true })?.messages ?? [];
}

/** Runs the fix loop with the rules `ids`. */
export function fixWith(ids: readonly string[], text: string, filename: string): FixRun {
  const warnings: string[] = [];
  const result = new Linter(rules).lintAndFixText(text, `/cases/${filename}`, config(ids), { explicit: true }, { onWarning: (w) => warnings.push(w) });
  return { output: result?.output ?? text, messages: result?.messages ?? [], warnings };
}

/**
 * Fixes `text` with rule `id` and checks the invariants: the output parses, no message of the
 * rule remains, a second run changes nothing, and the bytes before the first and after the last
 * edit of the first pass are the original ones. Returns the output.
 */
export function fixAndCheck(id: string, text: string, filename: string): string {
  const before = lintWith([id], text, filename).filter((m) => m.ruleId === id);
  expect(before.length).toBeGreaterThan(0);
  const fixes = before.map((m) => m.fix).filter((f): f is NonNullable<LintMessage['fix']> => f !== undefined);
  expect(fixes).toHaveLength(before.length);
  const run = fixWith([id], text, filename);
  expect(run.warnings).toEqual([]);
  expect(parseSource(run.output, `/cases/${filename}`).errors).toEqual([]);
  expect(run.messages.filter((m) => m.ruleId === id)).toEqual([]);
  expect(fixWith([id], run.output, filename).output).toBe(run.output);
  const start = Math.min(...fixes.map((f) => f.range[0]));
  const end = Math.max(...fixes.map((f) => f.range[1]));
  expect(run.output.startsWith(text.slice(0, start))).toBe(true);
  expect(run.output.endsWith(text.slice(end))).toBe(true);
  return run.output;
}

/** Renders `ops` (built from the parsed file) with the real adapters and applies the one edit. */
export function applyOps(text: string, filename: string, build: (source: SourceFile, machine: StateMachine) => FixOp | readonly FixOp[]): string {
  const source = parseSource(text, `/cases/${filename}`);
  expect(source.errors).toEqual([]);
  const machine = source.machines[0];
  const fix = renderFix(source, machine, () => build(source, machine));
  if (!fix) throw new CannotRender('The fix is unavailable.');
  const output = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
  expect(parseSource(output, `/cases/${filename}`).errors).toEqual([]);
  return output;
}

/** True when the fix built by `build` cannot be rendered (the adapter declines it). */
export function unavailable(text: string, filename: string, build: (source: SourceFile, machine: StateMachine) => FixOp | readonly FixOp[]): boolean {
  const source = parseSource(text, `/cases/${filename}`);
  return renderFix(source, source.machines[0], () => build(source, source.machines[0])) === undefined;
}

export { fixer };

/** The state named `name` anywhere in the machine. */
export function stateNamed(machine: StateMachine, name: string): State {
  const state = machine.states().find((s) => s.name === name);
  if (!state) throw new Error(`No state "${name}".`);
  return state;
}

/** Lines joined with `\n`, plus a final one. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

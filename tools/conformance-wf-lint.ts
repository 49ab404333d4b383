/**
 * wf-lint's side of the conformance run: each labelled case linted through the Node API with the
 * default configuration (`wf-lint:recommended`), and the agreement rule the README counts by.
 */
import path from 'node:path';
import { WfLint } from '../src/api/wf-lint';
import type { LintMessage } from '../src/engine/types';
import type { ConformanceCase, Label } from './conformance-corpora';

const api = new WfLint({ cwd: path.resolve(__dirname, '..'), configLookup: false });

/** wf-lint's messages for a case, as `wf-lint <file>` gives them (the file named explicitly). */
export async function lintCase(c: ConformanceCase): Promise<LintMessage[]> {
  const [result] = await api.lintText(c.text, { filePath: c.filePath });
  return result?.messages ?? [];
}

/**
 * The errors (severity 2) that say a definition is not valid ASL: parse errors and every rule but
 * the `batch/*` ones, which enforce the Cirrus Batch contract on definitions AWS accepts.
 */
export function errorsOf(messages: readonly LintMessage[]): LintMessage[] {
  return messages.filter((m) => m.severity === 2 && !m.ruleId?.startsWith('batch/'));
}

/** A tool agrees with a label when a valid file draws no error and an invalid one at least one. */
export function agreesWithLabel(label: Label, errorCount: number): boolean {
  return label === 'valid' ? errorCount === 0 : errorCount > 0;
}

/** How many of `cases` wf-lint agrees with. */
export async function wfLintAgreement(cases: readonly ConformanceCase[]): Promise<number> {
  let agreed = 0;
  for (const c of cases) if (agreesWithLabel(c.label, errorsOf(await lintCase(c)).length)) agreed++;
  return agreed;
}

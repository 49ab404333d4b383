/**
 * Lints and fixes the CDK fixtures through the real path (`Linter.lintText` on a `.ts` file:
 * the TypeScript adapter, then the construct reader) with the `batch/*` rules at error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../../../rules';
import { Linter } from '../../../src/engine/linter';
import type { LintMessage } from '../../../src/engine/types';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/cdk');

export const BATCH_RULES = Object.keys(rules).filter((id) => id.startsWith('batch/'));

/** The text of fixture `name` (`flat-triad.ts`). */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function config(ids: readonly string[]) {
  return { rules: new Map(ids.map((id) => [id, { severity: 2 as const, options: [] as unknown[] }])), settings: {} };
}

/** `rule line:column` of each message, the form the tests compare. */
export function located(messages: readonly LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`);
}

/** Lints `text` as `/app/lib/<name>` with `ids` (default: every `batch/*` rule). */
export function lintCdk(text: string, name: string, ids: readonly string[] = BATCH_RULES): LintMessage[] {
  return new Linter(rules).lintText(text, `/app/lib/${name}`, config(ids), { explicit: true })?.messages ?? [];
}

/** Runs the fix loop over `text` with `ids`; the fixed text and what remains reported. */
export function fixCdk(text: string, name: string, ids: readonly string[] = BATCH_RULES): { output: string; messages: readonly LintMessage[]; warnings: string[] } {
  const warnings: string[] = [];
  const result = new Linter(rules).lintAndFixText(text, `/app/lib/${name}`, config(ids), { explicit: true }, { onWarning: (w) => warnings.push(w) });
  return { output: result?.output ?? text, messages: result?.messages ?? [], warnings };
}

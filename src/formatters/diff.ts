/**
 * `-f diff` (with `--fix-dry-run` or `--fix`): a unified diff of what the fixes change, file by
 * file, with `a/` and `b/` paths relative to the working folder so `git apply` reads it. Pure:
 * the original texts are handed in by the `WfLint` instance that linted them.
 */
import type { LintResult } from '../engine/types';
import { relativePosix, type FormatterContext } from './context';
import { unifiedHunks } from './diff-lines';

/** The diff of every result that has a fixed `output` and whose original text is in `originals`. */
export function formatDiff(results: readonly LintResult[], originals: ReadonlyMap<string, string>, context: FormatterContext): string {
  const out: string[] = [];
  for (const result of results) {
    const before = originals.get(result.filePath);
    if (result.output === undefined || before === undefined) continue;
    const hunks = unifiedHunks(before, result.output);
    if (hunks.length === 0) continue;
    const name = relativePosix(result.filePath, context.cwd);
    const [a, b] = name === undefined ? [result.filePath, result.filePath] : [`a/${name}`, `b/${name}`];
    out.push(`--- ${a}\n+++ ${b}\n${hunks.join('')}`);
  }
  return out.join('');
}

/** The shared reference corpora (DESIGN §6) and the repository's examples, as file lists for oracle tests. */
import fs from 'node:fs';
import path from 'node:path';

/** `/work/shared/corpus` seen from this repository (tests read it from `../shared/corpus`). */
export const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
export const EXAMPLES = path.resolve(__dirname, '../../examples');

/** Files under `dir` (recursively when `deep`) whose name matches `pattern`, sorted. */
export function filesUnder(dir: string, pattern: RegExp, deep = true): string[] {
  const out: string[] = [];
  const visit = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (deep) visit(full);
      } else if (pattern.test(entry.name)) {
        out.push(full);
      }
    }
  };
  visit(dir);
  return out.sort();
}

/** A corpus path relative to `CORPUS`, for test names. */
export function shortName(file: string): string {
  return path.relative(path.resolve(CORPUS, '..'), file).startsWith('..')
    ? path.relative(path.resolve(EXAMPLES, '..'), file)
    : path.relative(path.resolve(CORPUS, '..'), file);
}

/** Joins lines with `\n` and a final newline, so line numbers in tests are the array indexes + 1. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** ESLint's JSON result shape, byte for byte what `eslint -f json` prints for the same data. */
import type { LintResult } from '../engine/types';

/** Serialises results without the internal `source` text. */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(results.map(({ source: _source, ...rest }) => rest));
}

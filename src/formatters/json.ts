/** ESLint's JSON result shape, byte for byte what `eslint -f json` prints for the same data. */
import type { LintResult } from '../engine/types';

/** Serialises results without the internal `source` text. */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(results.map(withoutSource));
}

/**
 * The result's own fields but `source`, in their order. `source` is never read: the API may
 * serve it by reading the file again, which the JSON report has no use for.
 */
function withoutSource(result: LintResult): Omit<LintResult, 'source'> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(result)) if (key !== 'source') out[key] = result[key as keyof LintResult];
  return out as unknown as Omit<LintResult, 'source'>;
}

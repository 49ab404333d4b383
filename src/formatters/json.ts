/** ESLint's JSON result shape, byte for byte what `eslint -f json` prints for the same data. */
import type { LintResult } from '../engine/types';

/** Serialises results without the internal `source` text. */
export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(results.map(withoutSource));
}

/**
 * The `-f json` report (`formatJson` plus a newline) in pieces, one per result, whose
 * concatenation is that report: `JSON.stringify` of an array is its elements' own serialisations
 * between `[`, `,` and `]`. The CLI writes each piece as it is made instead of holding a report
 * of 16 MB at 10,000 definitions, and the copies of the results it is built from (issue 8).
 */
export function* jsonChunks(results: readonly LintResult[]): Generator<string> {
  if (results.length === 0) {
    yield '[]\n';
    return;
  }
  for (let i = 0; i < results.length; i++) yield `${i === 0 ? '[' : ','}${JSON.stringify(withoutSource(results[i]))}`;
  yield ']\n';
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

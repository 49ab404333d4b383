/**
 * Fuzzing lint and `--fix` through the API, in process (issue 8): valid, mutated and garbage
 * documents, deep nesting, huge strings and YAML alias cycles (test/property/fuzz-documents.ts).
 * For every input:
 *   - lint and fix never throw, and every fatal message is a parse error or a size limit;
 *   - each case finishes within a generous deadline (fast-check's `timeout`: a hang detector,
 *     not a performance assertion);
 *   - a fixed output parses, with no fatal message, and fixing it again changes nothing.
 *
 * `npm test` runs a short slice with a fixed seed; `npm run fuzz` runs thousands of cases.
 * `FAST_CHECK_RUNS` sets the number of cases, `FAST_CHECK_SEED` the seed.
 */
import os from 'node:os';
import fc from 'fast-check';
import { WfLint } from '../../src/api/wf-lint';
import type { LintResult } from '../../src/engine/types';
import { parseSource } from '../../src/sources/parse-source';
import { fuzzCase, type FuzzCase } from './fuzz-documents';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? '') || 60;
const SEED = Number(process.env.FAST_CHECK_SEED ?? '') || 8_008;
const LONG = RUNS > 500;
// The long run tries strings of a megabyte; the slice keeps them small to stay fast.
const HUGE_MAX = LONG ? 1024 * 1024 : 64 * 1024;
// Per case: far above what any input needs (fixing a 1 MB YAML string takes ~2 s, several
// re-parses), so only a hang or a blow-up trips it, even on a loaded machine.
const DEADLINE_MS = 60_000;

const FATAL = /^(Parsing error: |File is too large)/;

const options = { cwd: os.tmpdir(), configLookup: false } as const;
const linter = new WfLint(options);
const fixer = new WfLint({ ...options, fix: true, onWarning: () => undefined });

async function lintOne(api: WfLint, c: FuzzCase): Promise<LintResult> {
  const results = await api.lintText(c.text, { filePath: c.filePath });
  expect(results).toHaveLength(1);
  return results[0];
}

/**
 * The property runs synchronously in the lint; yielding to a zero-delay timer afterwards lets an
 * expired `timeout` of fast-check fire first, so a case that overran the deadline fails.
 */
const yieldToTimers = () => new Promise((resolve) => setTimeout(resolve, 0));

function expectOnlyParseFatals(result: LintResult, c: FuzzCase): void {
  for (const message of result.messages.filter((m) => m.fatal)) {
    if (!FATAL.test(message.message)) throw new Error(`unexpected fatal message for a ${c.kind} case: ${message.message}`);
  }
}

describe(`fuzzing lint and --fix (${RUNS} cases, seed ${SEED})`, () => {
  const params = { seed: SEED, numRuns: RUNS, timeout: DEADLINE_MS, interruptAfterTimeLimit: LONG ? 60 * 60_000 : 60_000, markInterruptAsFailure: true };

  test('lint never throws, and only parse errors are fatal', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCase(HUGE_MAX), async (c) => {
        expectOnlyParseFatals(await lintOne(linter, c), c);
        await yieldToTimers();
      }),
      params,
    );
  }, 120_000 + (LONG ? 60 * 60_000 : 0));

  test('fix never throws; its output parses and is a fixed point', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCase(HUGE_MAX), async (c) => {
        const result = await lintOne(fixer, c);
        expectOnlyParseFatals(result, c);
        if (result.output !== undefined) {
          expect(result.output).not.toBe(c.text);
          expect(parseSource(result.output, c.filePath).errors).toEqual([]);
          expect(result.messages.filter((m) => m.fatal)).toEqual([]);
          const again = await lintOne(fixer, { ...c, text: result.output });
          expect(again.output).toBeUndefined();
        }
        await yieldToTimers();
      }),
      params,
    );
  }, 120_000 + (LONG ? 60 * 60_000 : 0));
});

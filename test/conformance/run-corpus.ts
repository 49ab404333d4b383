/**
 * Declares the conformance tests of one peer corpus: each labelled file linted through the real
 * engine with `wf-lint:recommended`, judged on its ASL errors (the `batch/*` contract rules are
 * not about ASL validity and are left out, see tools/conformance-wf-lint.ts).
 *
 * - valid-labelled: no error, unless `knownDifferences` says AWS rejects the file; then exactly
 *   the listed rules report it.
 * - invalid-labelled: at least one error and, for each area the peer pins, an error from a rule
 *   of that area; unless `knownDifferences` says AWS accepts the file (or wf-lint misses it, a
 *   recorded gap), then no error at all.
 * A case whose pinned area has no rule in the registry yet is a `test.todo`.
 */
import type { LintMessage } from '../../src/engine/types';
import { loadCorpus, type ConformanceCase, type CorpusName } from '../../tools/conformance-corpora';
import { errorsOf, lintCase } from '../../tools/conformance-wf-lint';
import { AREA_RULES, areaImplemented, type Area } from './areas';

export type KnownDifference =
  /** Labelled valid, but AWS rejects it: wf-lint reports it with exactly these rules. */
  | { readonly wfLint: 'rejects'; readonly rules: readonly string[]; readonly reason: string }
  /** Labelled invalid, but AWS accepts it (or the defect is outside ASL): wf-lint reports no error. */
  | { readonly wfLint: 'accepts'; readonly reason: string }
  /** Labelled invalid and rightly so, but wf-lint does not see the defect: a known gap, asserted so that closing it shows. */
  | { readonly wfLint: 'misses'; readonly reason: string }
  /** Labelled invalid and detected, but only some of the problems the peer pins are reported: those of `areas`. */
  | { readonly wfLint: 'partly'; readonly areas: readonly Area[]; readonly reason: string };

export interface CorpusSpec {
  readonly corpus: CorpusName;
  /** By case id (the file's corpus-relative path); each entry cites why AWS sides with wf-lint. */
  readonly knownDifferences: Readonly<Record<string, KnownDifference>>;
  /** The areas of the problems the peer pins for an invalid case (empty: only "at least one error"). */
  readonly areasOf: (c: ConformanceCase) => readonly Area[];
}

/** `ruleId@line:column message` lines, for failure output that says exactly what was reported. */
function listed(messages: readonly LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId ?? 'parse'}@${m.line}:${m.column} ${m.message}`);
}

/** The areas of `areas` that none of `errors` covers. */
export function uncoveredAreas(areas: readonly Area[], errors: readonly LintMessage[]): Area[] {
  return [...new Set(areas)].filter((area) => !errors.some((e) => AREA_RULES[area].includes(e.ruleId)));
}

/** Declares one test per labelled file of `spec.corpus`, plus a check of its known-difference table. */
export function runCorpus(spec: CorpusSpec): void {
  const cases = loadCorpus(spec.corpus);

  test('every known difference names a labelled file of the corpus, against its label', () => {
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const [id, difference] of Object.entries(spec.knownDifferences)) {
      const c = byId.get(id);
      expect([id, c?.label]).toEqual([id, difference.wfLint === 'rejects' ? 'valid' : 'invalid']);
      expect(difference.reason.length).toBeGreaterThan(40);
    }
  });

  for (const c of cases) {
    const difference = spec.knownDifferences[c.id];
    if (difference?.wfLint === 'rejects') {
      test(`${c.id} (labelled valid; AWS rejects it): reported by ${difference.rules.join(', ')}`, async () => {
        const errors = errorsOf(await lintCase(c));
        const reported = [...new Set(errors.map((e) => e.ruleId))].sort();
        expect([listed(errors), reported]).toEqual([listed(errors), [...difference.rules].sort()]);
      });
    } else if (difference?.wfLint === 'partly') {
      test(`${c.id} (labelled invalid): an error in ${difference.areas.join(', ')} only (a known gap of wf-lint)`, async () => {
        const errors = errorsOf(await lintCase(c));
        expect(errors.length).toBeGreaterThan(0);
        const pinned = spec.areasOf(c);
        expect([listed(errors), uncoveredAreas(difference.areas, errors), uncoveredAreas(pinned, errors)]).toEqual([
          listed(errors),
          [],
          pinned.filter((a) => !difference.areas.includes(a)),
        ]);
      });
    } else if (difference || c.label === 'valid') {
      const note = difference?.wfLint === 'accepts' ? '; AWS accepts it' : difference ? '; a known gap of wf-lint' : '';
      test(`${c.id} (labelled ${c.label}${note}): no error`, async () => {
        expect(listed(errorsOf(await lintCase(c)))).toEqual([]);
      });
    } else {
      const areas = spec.areasOf(c);
      const missing = areas.filter((a) => !areaImplemented(a));
      const title = `${c.id} (labelled invalid): an error${areas.length > 0 ? ` in ${[...new Set(areas)].join(', ')}` : ''}`;
      if (missing.length > 0) {
        test.todo(`${title} (awaiting rules of ${missing.join(', ')})`);
        continue;
      }
      test(title, async () => {
        const errors = errorsOf(await lintCase(c));
        expect(errors.length).toBeGreaterThan(0);
        expect([listed(errors), uncoveredAreas(areas, errors)]).toEqual([listed(errors), []]);
      });
    }
  }
}

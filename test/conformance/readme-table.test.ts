/**
 * The README's "Agreement with other validators" table: its wf-lint column must be what the
 * conformance tests compute now (run `npm run conformance` after a rule changes). The peers'
 * columns need the peers themselves, which are slow to run, so they are checked for shape only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_NAMES, loadCorpus } from '../../tools/conformance-corpora';
import { BEGIN, END, cell } from '../../tools/conformance';
import { wfLintAgreement } from '../../tools/conformance-wf-lint';

const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const sectionText = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END));

/** The table's rows as cells, keyed by the first cell. */
function rows(): Map<string, string[]> {
  const lines = sectionText.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
  return new Map(lines.slice(1).map((l) => l.slice(2, -2).split(' | ')).map((cells) => [cells[0], cells.slice(1)] as const));
}

test('the section sits under its heading, before the benchmark, with the regenerating command', () => {
  expect(readme.indexOf('## Agreement with other validators')).toBeGreaterThan(-1);
  expect(readme.indexOf('## Agreement with other validators')).toBeLessThan(readme.indexOf(BEGIN));
  expect(readme.indexOf(END)).toBeLessThan(readme.indexOf('## Benchmark'));
  expect(sectionText).toContain('npm run conformance');
  expect(sectionText).toContain('a tool agrees with a label when a file labelled valid draws no error');
});

test("the wf-lint column is what wf-lint scores on each corpus now (run `npm run conformance`)", async () => {
  const table = rows();
  let agreed = 0;
  let total = 0;
  for (const corpus of CORPUS_NAMES) {
    const cases = loadCorpus(corpus);
    const score = await wfLintAgreement(cases);
    agreed += score;
    total += cases.length;
    expect([corpus, table.get(`\`${corpus}\` (${cases.length})`)?.[0]]).toEqual([corpus, cell(score, cases.length)]);
  }
  expect(table.get('all')?.[0]).toBe(cell(agreed, total));
});

test('every peer cell is a score over the corpus size, or a dash where the peer is not run', () => {
  for (const [first, cells] of rows()) {
    const size = /\((\d+)\)$/.exec(first)?.[1];
    for (const value of cells.slice(1)) expect(value).toMatch(first === 'all' ? /^\d+\/\d+$/ : new RegExp(`^(\\d+/${size}|—)$`));
  }
});

/**
 * The wrap fix end to end, on reviewed before/after pairs in test/fixtures/fix/wrap/
 * (`<case>.in.<ext>` → `<case>.out.<ext>`): a Cirrus triad with comments, a naked task entered
 * from StartAt and a Choice, a task in a Map processor, a triad with no post-batch, pre/post
 * inserted into an existing group, JSON at 2 and 4 spaces, JSON in `DefinitionString: !Sub |`.
 * Each goes through the full fix loop with every rule and keeps the invariants of `fixFully`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lintWith } from './fix-harness';
import { ALL_RULES, fixFully } from './wrap-check';

const DIR = path.resolve(__dirname, '../fixtures/fix/wrap');
const CASES = fs.readdirSync(DIR).filter((f) => f.includes('.in.'));

test.each(CASES)('%s', (input) => {
  const text = fs.readFileSync(path.join(DIR, input), 'utf8');
  const expected = fs.readFileSync(path.join(DIR, input.replace('.in.', '.out.')), 'utf8');
  expect(fixFully(text, input).output).toBe(expected);
});

test('there is a case for every form the issue names', () => {
  expect(CASES.sort()).toEqual([
    'cirrus-triad.in.yml',
    'embedded-sub.in.template.yaml',
    'flat-triad-2.in.asl.json',
    'group-insert.in.asl.yaml',
    'map-processor.in.yml',
    'naked-4.in.asl.json',
    'naked-choice.in.asl.yaml',
    'no-post.in.yml',
  ]);
});

test('CRLF line breaks are kept everywhere, moved lines included', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n');
  for (const name of ['cirrus-triad.in.yml', 'flat-triad-2.in.asl.json']) {
    const text = fs.readFileSync(path.join(DIR, name), 'utf8');
    const expected = fs.readFileSync(path.join(DIR, name.replace('.in.', '.out.')), 'utf8');
    expect(fixFully(crlf(text), name).output).toBe(crlf(expected));
  }
});

test('the three structural rules offer the same fix for a flat triad, applied once', () => {
  const text = fs.readFileSync(path.join(DIR, 'naked-choice.in.asl.yaml'), 'utf8');
  const ids = ['batch/require-pre-batch', 'batch/require-post-batch', 'batch/require-parallel-group'];
  const fixes = lintWith(ids, text, 'naked-choice.in.asl.yaml').map((m) => m.fix);
  expect(fixes).toHaveLength(3);
  expect(fixes[1]).toEqual(fixes[0]);
  expect(fixes[2]).toEqual(fixes[0]);
  expect(ALL_RULES).toEqual(expect.arrayContaining(ids));
});

test('one pass moves only the states of the triad: the wrap edit starts at the first rewired entry', () => {
  const text = fs.readFileSync(path.join(DIR, 'cirrus-triad.in.yml'), 'utf8');
  const [message] = lintWith(['batch/require-parallel-group'], text, 'cirrus-triad.in.yml');
  const [start, end] = message.fix!.range;
  // From the Choice's "Next" to the end of post-batch's trailing comment; the rest is untouched.
  expect(text.slice(start).startsWith('copy-assets-pre-batch\n      Default')).toBe(true);
  expect(text.slice(0, end).endsWith('      # end of the triad\n')).toBe(true);
});

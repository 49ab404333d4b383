/** The unified diff behind `-f diff`: exact hunks, context merging, and what `git apply` accepts. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatDiff } from '../../src/formatters/diff';
import { diffLines, splitLines, unifiedHunks } from '../../src/formatters/diff-lines';
import { summarise } from '../../src/engine/types';
import { makeFixture, removeFixture } from '../cli/run-cli';

const numbered = (n: number, change: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => `${change[i + 1] ?? `line ${i + 1}`}\n`).join('');

test('splitLines keeps line breaks and a last line without one', () => {
  expect(splitLines('a\nb\n')).toEqual(['a\n', 'b\n']);
  expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
  expect(splitLines('')).toEqual([]);
});

test('diffLines finds the shortest script, removals before additions', () => {
  expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd']).map((l) => l.kind + l.text)).toEqual([' a', '-b', '+x', ' c', '+d']);
  expect(diffLines([], ['a']).map((l) => l.kind + l.text)).toEqual(['+a']);
  expect(diffLines(['a'], []).map((l) => l.kind + l.text)).toEqual(['-a']);
});

test('one changed line gets three lines of context on each side', () => {
  expect(unifiedHunks(numbered(10), numbered(10, { 5: 'five' }))).toEqual([
    '@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n line 6\n line 7\n line 8\n',
  ]);
});

test('changes further apart than twice the context make two hunks; closer ones merge', () => {
  expect(unifiedHunks(numbered(20), numbered(20, { 2: 'two', 18: 'eighteen' }))).toEqual([
    '@@ -1,5 +1,5 @@\n line 1\n-line 2\n+two\n line 3\n line 4\n line 5\n',
    '@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+eighteen\n line 19\n line 20\n',
  ]);
  expect(unifiedHunks(numbered(20), numbered(20, { 5: 'five', 11: 'eleven' }))).toEqual([
    '@@ -2,13 +2,13 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n line 6\n line 7\n line 8\n line 9\n line 10\n-line 11\n+eleven\n line 12\n line 13\n line 14\n',
  ]);
});

test('insertions at the start and a missing final line break are written as diff writes them', () => {
  expect(unifiedHunks('b\n', 'a\nb\n')).toEqual(['@@ -1 +1,2 @@\n+a\n b\n']);
  expect(unifiedHunks('', 'a\n')).toEqual(['@@ -0,0 +1 @@\n+a\n']);
  expect(unifiedHunks('a\nb', 'a\nb\n')).toEqual(['@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n']);
  expect(unifiedHunks('same\n', 'same\n')).toEqual([]);
});

test('formatDiff writes a/ and b/ paths and skips unchanged files; git apply accepts the patch', () => {
  const dir = makeFixture({ 'flows/x.yaml': numbered(8), 'y.yaml': 'unchanged\n' });
  try {
    const x = path.join(dir, 'flows/x.yaml');
    const results = [
      summarise(x, [], { output: numbered(8, { 1: 'first', 8: 'last' }) }),
      summarise(path.join(dir, 'y.yaml'), []),
    ];
    const originals = new Map([[x, numbered(8)]]);
    const patch = formatDiff(results, originals, { cwd: dir, color: false, rules: {}, tool: { name: 'wf-lint', version: '0' } });
    expect(patch).toBe(
      '--- a/flows/x.yaml\n+++ b/flows/x.yaml\n@@ -1,8 +1,8 @@\n-line 1\n+first\n line 2\n line 3\n line 4\n line 5\n line 6\n line 7\n-line 8\n+last\n',
    );
    fs.writeFileSync(path.join(dir, 'fix.patch'), patch);
    const apply = spawnSync('git', ['apply', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
    expect(apply.stderr).toBe('');
    expect(fs.readFileSync(x, 'utf8')).toBe(numbered(8, { 1: 'first', 8: 'last' }));
  } finally {
    removeFixture(dir);
  }
});

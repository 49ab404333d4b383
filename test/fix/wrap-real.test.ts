/**
 * `wf-lint --fix-dry-run` (the BUILT binary, `npm run build` first) on every real workflow of
 * ../shared/corpus/real and every example, compared byte for byte with the reviewed fixed
 * outputs in test/fixtures/fix/real/ (corpus files under their own name, examples as
 * `examples__<path with "/" as "__">`). A file with no fixture must come out unchanged. Any
 * change in what `--fix` writes shows up here as a diff to review. Nothing is written: the
 * corpus is read-only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../../src/engine/types';
import { parseSource } from '../../src/sources/parse-source';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'dist/src/cli/main.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus/real');
const FIXTURES = path.join(__dirname, '../fixtures/fix/real');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Each input with the name of its fixture. */
const INPUTS: [file: string, fixture: string][] = [
  ...fs.readdirSync(CORPUS).filter((f) => f !== 'SOURCES.md' && !f.endsWith('.txt')).map((f): [string, string] => [path.join(CORPUS, f), f]),
  ...walk(path.join(ROOT, 'examples'))
    .filter((f) => !f.endsWith('README.md'))
    .map((f): [string, string] => [f, path.relative(ROOT, f).split(path.sep).join('__')]),
];

const results = (() => {
  const run = spawnSync(process.execPath, [BIN, '--fix-dry-run', '--no-config-lookup', '-f', 'json', ...INPUTS.map(([f]) => f)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const parsed = JSON.parse(run.stdout) as LintResult[];
  return new Map(parsed.map((r) => [r.filePath, r]));
})();

test.each(INPUTS.map(([file, fixture]) => [fixture, file]))('%s', (fixture, file) => {
  const result = results.get(file)!;
  const expectedPath = path.join(FIXTURES, fixture);
  if (!fs.existsSync(expectedPath)) {
    expect(result.output).toBeUndefined();
    return;
  }
  const expected = fs.readFileSync(expectedPath, 'utf8');
  expect(result.output).toBe(expected);
  // What is left is only what --fix cannot do.
  expect(result.messages.filter((m) => m.fix)).toEqual([]);
  expect(parseSource(expected, file).errors).toEqual([]);
});

test('every fixture belongs to an input', () => {
  const names = new Set(INPUTS.map(([, fixture]) => fixture));
  expect(fs.readdirSync(FIXTURES).filter((f) => !names.has(f))).toEqual([]);
});

test('a second --fix-dry-run on the fixed outputs changes nothing', () => {
  const files = fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f));
  const run = spawnSync(process.execPath, [BIN, '--fix-dry-run', '--no-config-lookup', '-f', 'json', ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const parsed = JSON.parse(run.stdout) as LintResult[];
  expect(parsed.filter((r) => r.output !== undefined).map((r) => path.basename(r.filePath))).toEqual([]);
});

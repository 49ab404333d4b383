/**
 * `--cache` through the API: a second run over unchanged files parses nothing (counted with a spy
 * on the parser, never timed); an edited file, a changed rule setting or option, or another tool
 * version is linted again; a corrupt cache file is ignored; `outputFixes` stores the fixed files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WfLint, type WfLintOptions } from '../../src/api/wf-lint';
import { configHash } from '../../src/cache/fingerprint';
import { LintCache } from '../../src/cache/lint-cache';
import { cacheFilePath } from '../../src/cache/location';
import type { ResolvedConfig } from '../../src/config/types';
import * as parseSourceModule from '../../src/sources/parse-source';
import { COMPLIANT_YAML, NO_SYNC_YAML, makeFixture, removeFixture } from '../cli/run-cli';

let dir: string;
let parse: jest.SpyInstance;
beforeEach(() => {
  dir = makeFixture({ 'ok.asl.yaml': COMPLIANT_YAML, 'broken.asl.yaml': NO_SYNC_YAML, 'notes.yaml': 'title: not a workflow\n' });
  parse = jest.spyOn(parseSourceModule, 'parseSource');
});
afterEach(() => {
  parse.mockRestore();
  removeFixture(dir);
});

/** Lints `patterns` with a fresh instance (as a new CLI run would) and returns [rule ids per file, files parsed]. */
async function run(options: WfLintOptions = {}, patterns = ['.']): Promise<{ summary: [string, (string | null)[]][]; parsed: string[] }> {
  parse.mockClear();
  const results = await new WfLint({ cwd: dir, cache: true, ...options }).lintFiles(patterns);
  return {
    summary: results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]),
    parsed: parse.mock.calls.map(([, file]) => path.basename(file as string)).sort(),
  };
}

const BOTH: [string, (string | null)[]][] = [
  ['broken.asl.yaml', ['batch/require-sync']],
  ['ok.asl.yaml', []],
];

test('a second run reads every result from .wflintcache and parses nothing', async () => {
  expect(await run()).toEqual({ summary: BOTH, parsed: ['broken.asl.yaml', 'ok.asl.yaml'] });
  expect(fs.existsSync(path.join(dir, '.wflintcache'))).toBe(true);
  expect(await run()).toEqual({ summary: BOTH, parsed: [] });
});

test('a result read from the cache carries the text for code frames, as a fresh one does', async () => {
  const fresh = await new WfLint({ cwd: dir, cache: true }).lintFiles(['broken.asl.yaml']);
  const cached = await new WfLint({ cwd: dir, cache: true }).lintFiles(['broken.asl.yaml']);
  expect(cached).toEqual(fresh);
  expect(cached[0].source).toBe(NO_SYNC_YAML);
});

test('an edited file is linted again; the others still come from the cache', async () => {
  await run();
  fs.writeFileSync(path.join(dir, 'ok.asl.yaml'), NO_SYNC_YAML);
  expect(await run()).toEqual({
    summary: [
      ['broken.asl.yaml', ['batch/require-sync']],
      ['ok.asl.yaml', ['batch/require-sync']],
    ],
    parsed: ['ok.asl.yaml'],
  });
});

test('a changed rule setting in the configuration file invalidates the entries it applies to', async () => {
  await run();
  fs.writeFileSync(path.join(dir, '.wflintrc.yaml'), 'rules:\n  batch/require-sync: off\n');
  expect(await run()).toEqual({ summary: [['broken.asl.yaml', []], ['ok.asl.yaml', []]], parsed: ['broken.asl.yaml', 'ok.asl.yaml'] });
  expect(await run()).toEqual({ summary: [['broken.asl.yaml', []], ['ok.asl.yaml', []]], parsed: [] });
});

test('a changed --rule or setting invalidates too', async () => {
  await run();
  expect((await run({ ruleOverrides: { 'batch/require-sync': 'warn' } })).parsed).toEqual(['broken.asl.yaml', 'ok.asl.yaml']);
  expect((await run({ ruleOverrides: { 'batch/require-sync': 'warn' } })).parsed).toEqual([]);
});

test('the configuration fingerprint changes with a rule option and ignores key order', () => {
  const config = (options: unknown[], settings: Record<string, unknown>): ResolvedConfig => ({
    rules: new Map([['batch/require-sync', { severity: 2, options }]]),
    settings,
  });
  const base = configHash(config([{ max: 1, mode: 'a' }], { batch: { preBatch: 'pre', postBatch: 'post' } }));
  expect(configHash(config([{ mode: 'a', max: 1 }], { batch: { postBatch: 'post', preBatch: 'pre' } }))).toBe(base);
  expect(configHash(config([{ max: 2, mode: 'a' }], { batch: { preBatch: 'pre', postBatch: 'post' } }))).not.toBe(base);
  expect(configHash(config([{ max: 1, mode: 'a' }], { batch: { preBatch: 'prep', postBatch: 'post' } }))).not.toBe(base);
});

test('a corrupt cache file is ignored, then replaced by a good one', async () => {
  const cacheFile = path.join(dir, '.wflintcache');
  for (const junk of ['{"wfLintCache": 1, "version"', '[1, 2, 3]', 'null', '{"wfLintCache":1,"version":"0.1.0","entries":{"x":{"content":5}}}']) {
    fs.writeFileSync(cacheFile, junk);
    expect(await run()).toEqual({ summary: BOTH, parsed: ['broken.asl.yaml', 'ok.asl.yaml'] });
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8'))).toMatchObject({ wfLintCache: 1 });
  }
});

test('entries written by another version of wf-lint are not used', async () => {
  const file = path.join(dir, 'cache.json');
  const older = new LintCache(file, '0.0.1');
  const key = { content: 'c', config: 'k', explicit: true };
  older.set(path.join(dir, 'ok.asl.yaml'), key, null);
  older.save();
  expect(new LintCache(file, '0.0.1').get(path.join(dir, 'ok.asl.yaml'), key, '')).toEqual({ result: null });
  expect(new LintCache(file, '0.0.2').get(path.join(dir, 'ok.asl.yaml'), key, '')).toBeUndefined();
});

test('a file named explicitly and the same file found by walking are cached apart', async () => {
  await run({}, ['.']);
  // notes.yaml is skipped when walked (no parse at all) and warned about when named.
  expect(await run({}, ['notes.yaml'])).toEqual({ summary: [['notes.yaml', [null]]], parsed: ['notes.yaml'] });
  expect(await run({}, ['notes.yaml'])).toEqual({ summary: [['notes.yaml', [null]]], parsed: [] });
  expect(await run({ warnNoMachine: false }, ['notes.yaml'])).toEqual({ summary: [], parsed: [] });
});

test('--fix does not reuse a result with fixable problems, and outputFixes stores the written file', async () => {
  await run();
  parse.mockClear();
  const api = new WfLint({ cwd: dir, cache: true, fix: true, onWarning: () => {} });
  const fixed = await api.outputFixes(await api.lintFiles(['.']));
  expect(fixed.map((r) => [path.basename(r.filePath), r.errorCount, r.output !== undefined])).toEqual([
    ['broken.asl.yaml', 0, true],
    ['ok.asl.yaml', 0, false],
  ]);
  // ok.asl.yaml had nothing to fix and came from the cache; broken.asl.yaml went through the fix loop.
  expect(parse.mock.calls.every(([, file]) => path.basename(file as string) === 'broken.asl.yaml')).toBe(true);
  expect(parse.mock.calls.length).toBeGreaterThan(0);
  expect(fs.readFileSync(path.join(dir, 'broken.asl.yaml'), 'utf8')).toBe(COMPLIANT_YAML);
  expect(await run()).toEqual({ summary: [['broken.asl.yaml', []], ['ok.asl.yaml', []]], parsed: [] });
});

test('--fix-dry-run stores nothing for the files it would change', async () => {
  const api = new WfLint({ cwd: dir, cache: true, fix: true, onWarning: () => {} });
  await api.lintFiles(['.']);
  expect(await run()).toEqual({ summary: BOTH, parsed: ['broken.asl.yaml'] });
});

describe('--cache-location', () => {
  test('names the cache file', async () => {
    await run({ cacheLocation: 'tmp/lint-cache.json' });
    expect(fs.existsSync(path.join(dir, 'tmp/lint-cache.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, '.wflintcache'))).toBe(false);
    expect((await run({ cacheLocation: 'tmp/lint-cache.json' })).parsed).toEqual([]);
  });

  test('a folder (existing, or written with a trailing slash) holds a file named after the working folder', () => {
    fs.mkdirSync(path.join(dir, 'existing'));
    const inExisting = cacheFilePath('existing', dir);
    expect(path.dirname(inExisting)).toBe(path.join(dir, 'existing'));
    expect(path.basename(inExisting)).toMatch(/^\.cache_[0-9a-f]{10}$/);
    expect(cacheFilePath('new-folder/', dir)).toBe(path.join(dir, 'new-folder', path.basename(inExisting)));
    expect(cacheFilePath(undefined, dir)).toBe(path.join(dir, '.wflintcache'));
  });
});

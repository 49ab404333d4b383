/**
 * End-to-end: which files the built `wf-lint` binary lints (DESIGN §3-4): walked folders keep only
 * YAML/JSON files that hold a state machine, skip node_modules and .gitignore'd paths; files named
 * explicitly are always linted and a file without a machine is reported; output is sorted.
 */
import path from 'node:path';
import { NO_SYNC_JSON, NO_SYNC_YAML, json, makeFixture, prefetch, rel, removeFixture, runJson, summary } from './run-cli';

let dir: string;
beforeAll(async () => {
  dir = makeFixture({
    // Workflows found by walking (the ones with errors say so by name).
    'workflows/b/no-sync.asl.yaml': NO_SYNC_YAML,
    'workflows/a/no-sync.asl.json': NO_SYNC_JSON,
    'workflows/a/Upper.yml': NO_SYNC_YAML,
    'workflows/a/no-sync.yaml': NO_SYNC_YAML,
    'workflows/c/definition.asl': NO_SYNC_JSON,
    // Other YAML/JSON that merely mention the keys: skipped silently when walked.
    'package.json': JSON.stringify({ name: 'fixture', private: true, description: 'StartAt and States docs' }),
    'workflows/config.yml': 'name: config\nnotes: StartAt and States are ASL keys\n',
    'workflows/tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
    'workflows/partial.yml': 'StartAt: a\n',
    // A workflow with an extension that is never walked.
    'workflows/notes.txt': NO_SYNC_YAML,
    'workflows/README.md': NO_SYNC_YAML,
    // Skipped folders and ignore files.
    'node_modules/pkg/no-sync.asl.yaml': NO_SYNC_YAML,
    'workflows/node_modules/pkg/no-sync.asl.yaml': NO_SYNC_YAML,
    '.gitignore': 'generated/\n*.tmp.yml\n',
    'generated/no-sync.asl.yaml': NO_SYNC_YAML,
    'scratch.tmp.yml': NO_SYNC_YAML,
    'workflows/b/.gitignore': 'local.yml\n',
    'workflows/b/local.yml': NO_SYNC_YAML,
    // `generated/` matches at any depth; see the failing test for walking `legacy` itself.
    'legacy/generated/no-sync.asl.yaml': NO_SYNC_YAML,
    'legacy/keep.asl.yaml': NO_SYNC_YAML,
  });
  // The runs of the tests below, started concurrently; each test's own call then returns at once.
  await prefetch(
    [
      [],
      ['.'],
      ['workflows/b'],
      ['workflows/c', 'workflows/b/no-sync.asl.yaml', 'workflows/a', 'workflows/b/no-sync.asl.yaml', 'legacy/keep.asl.yaml'],
      ['workflows/**/*.y*ml'],
      ['legacy'],
      ['workflows/config.yml', 'workflows/partial.yml', 'workflows/notes.txt', 'generated/no-sync.asl.yaml'],
      ['workflows/tsconfig.json'],
    ].map((args) => [dir, json(args)] as const),
  );
}, 120_000);
afterAll(() => removeFixture(dir));

const WALKED = [
  'legacy/keep.asl.yaml',
  'workflows/a/Upper.yml',
  'workflows/a/no-sync.asl.json',
  'workflows/a/no-sync.yaml',
  'workflows/b/no-sync.asl.yaml',
  'workflows/c/definition.asl',
];

describe('walking a folder', () => {
  test('lints only workflow files, skips other YAML/JSON, other extensions, node_modules and .gitignore entries', () => {
    const run = runJson(dir, []);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.results.map((r) => rel(dir, r.filePath))).toEqual(WALKED);
    for (const r of run.results) {
      expect(r.messages.map((m) => m.ruleId)).toEqual(['batch/require-sync']);
    }
  });

  test('--no-ignore lints .gitignore entries too (node_modules stays skipped)', () => {
    const run = runJson(dir, ['--no-ignore']);
    expect(run.results.map((r) => rel(dir, r.filePath))).toEqual(
      ['generated/no-sync.asl.yaml', 'legacy/generated/no-sync.asl.yaml', ...WALKED, 'scratch.tmp.yml', 'workflows/b/local.yml'].sort(),
    );
  });

  test('"." and an explicit folder give the same files as no argument', () => {
    expect(runJson(dir, ['.']).results.map((r) => rel(dir, r.filePath))).toEqual(WALKED);
    expect(runJson(dir, ['workflows/b']).results.map((r) => rel(dir, r.filePath))).toEqual(['workflows/b/no-sync.asl.yaml']);
  });

  test('output is sorted whatever the order of the arguments', () => {
    const run = runJson(dir, ['workflows/c', 'workflows/b/no-sync.asl.yaml', 'workflows/a', 'workflows/b/no-sync.asl.yaml', 'legacy/keep.asl.yaml']);
    expect(run.results.map((r) => rel(dir, r.filePath))).toEqual(WALKED);
    const paths = run.results.map((r) => r.filePath);
    expect(paths).toEqual([...paths].sort());
  });

  test('glob patterns are expanded (and matched files are still filtered to workflows)', () => {
    const run = runJson(dir, ['workflows/**/*.y*ml']);
    expect(run.results.map((r) => rel(dir, r.filePath))).toEqual(['workflows/a/Upper.yml', 'workflows/a/no-sync.yaml', 'workflows/b/no-sync.asl.yaml']);
  });

  test(
    // Regression (was a bug): src/sources/discover.ts reads .gitignore files only from the walk root downwards, so a
    // .gitignore in the working directory (or any ancestor of the walked folder) is ignored when a
    // sub-folder is named: `wf-lint legacy` lints legacy/generated/ although the root .gitignore
    // says `generated/`; `wf-lint` (walking ".") skips it. Fix: seed the walk with the
    // .gitignore files from the project (git) root, or at least from the cwd, down to the walk root.
    'a .gitignore above the walked folder is honoured',
    () => {
      const run = runJson(dir, ['legacy']);
      expect(run.results.map((r) => rel(dir, r.filePath))).toEqual(['legacy/keep.asl.yaml']);
    },
  );
});

describe('files named explicitly', () => {
  let run: ReturnType<typeof runJson>;
  beforeAll(() => {
    run = runJson(dir, ['workflows/config.yml', 'workflows/partial.yml', 'workflows/notes.txt', 'generated/no-sync.asl.yaml']);
  });

  test('a file without a state machine draws one warning, "No state machine found"', () => {
    const config = run.results.find((r) => r.filePath === path.join(dir, 'workflows/config.yml'));
    expect(config?.messages).toEqual([{ ruleId: null, severity: 1, message: 'No state machine found in this file.', line: 1, column: 1 }]);
    expect(config).toMatchObject({ errorCount: 0, warningCount: 1, fatalErrorCount: 0 });
  });

  test('a file with StartAt but no States reports the missing "States" as an error', () => {
    const partial = run.results.find((r) => r.filePath === path.join(dir, 'workflows/partial.yml'));
    expect(partial?.messages).toEqual([
      { ruleId: null, severity: 2, message: 'Missing "States": a state machine needs both "StartAt" and "States".', line: 1, column: 1 },
    ]);
  });

  test('explicit files are linted whatever their extension or ignore entries; exit 1 (no fatal error)', () => {
    expect(run.status).toBe(1);
    expect(summary(run.results, dir)).toEqual([
      ['generated/no-sync.asl.yaml', 13, 11, 'batch/require-sync', 2],
      ['workflows/config.yml', 1, 1, null, 1],
      ['workflows/notes.txt', 13, 11, 'batch/require-sync', 2],
      ['workflows/partial.yml', 1, 1, null, 2],
    ]);
  });

  test('a file without a machine named alone exits 0 (a warning)', () => {
    const alone = runJson(dir, ['workflows/tsconfig.json']);
    expect(alone.status).toBe(0);
    expect(summary(alone.results, dir)).toEqual([['workflows/tsconfig.json', 1, 1, null, 1]]);
  });
});

/**
 * The Node API (docs/api.md): the documented examples run as written against the built package,
 * and `loadFormatter` gives what the CLI prints.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WfLint, type LintResult, type LoadedFormatter, type WfLintOptions } from '../../src';
import { COMPLIANT_YAML, NO_SYNC_YAML, REPO_ROOT, makeFixture, removeFixture, runCliFresh } from '../cli/run-cli';

const apiDoc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'api.md'), 'utf8');

/** The ```js <file name> blocks of docs/api.md, by file name. */
function examples(): Map<string, string> {
  return new Map([...apiDoc.matchAll(/^```js (\S+)\n([^]*?)^```$/gm)].map((m) => [m[1], m[2]]));
}

let dir: string;
beforeEach(() => {
  dir = makeFixture({ 'workflows/broken.asl.yaml': NO_SYNC_YAML, 'workflows/ok.asl.yaml': COMPLIANT_YAML });
  // The package as a dependency of the fixture project: `import 'wf-lint'` resolves to this repository's build.
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(REPO_ROOT, path.join(dir, 'node_modules', 'wf-lint'), 'dir');
});
afterEach(() => removeFixture(dir));

function runExample(name: string): { status: number | null; stdout: string; stderr: string } {
  const code = examples().get(name);
  if (code === undefined) throw new Error(`docs/api.md has no \`\`\`js ${name} example.`);
  fs.writeFileSync(path.join(dir, name), code);
  return spawnSync(process.execPath, [name], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
}

test('docs/api.md has the two examples', () => {
  expect([...examples().keys()]).toEqual(['lint.mjs', 'fix.cjs']);
});

test('lint.mjs prints what `wf-lint workflows` prints and exits 1', () => {
  const example = runExample('lint.mjs');
  const cli = runCliFresh(dir, ['workflows']);
  expect(example.stderr).toBe('');
  expect(example.stdout).toBe(cli.stdout);
  expect(example.stdout).toContain('workflows/broken.asl.yaml:13:11: error');
  expect([example.status, cli.status]).toEqual([1, 1]);
});

test('fix.cjs fixes the broken workflow and reports no error left', () => {
  const example = runExample('fix.cjs');
  expect(example.stderr).toBe('');
  expect(JSON.parse(example.stdout)).toEqual({ fixed: [path.join(dir, 'workflows/broken.asl.yaml')], errors: 0 });
  expect(fs.readFileSync(path.join(dir, 'workflows/broken.asl.yaml'), 'utf8')).toBe(COMPLIANT_YAML);
  expect(example.status).toBe(0);
});

describe('loadFormatter', () => {
  const options: WfLintOptions = { configLookup: false };
  let results: LintResult[];
  beforeEach(async () => {
    results = await new WfLint({ ...options, cwd: dir }).lintFiles(['workflows']);
  });

  test('json gives ESLint result objects for the files linted', async () => {
    const formatter: LoadedFormatter = await new WfLint({ ...options, cwd: dir }).loadFormatter('json');
    const parsed = JSON.parse(formatter.format(results)) as LintResult[];
    expect(parsed.map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => [m.ruleId, m.line, m.column])])).toEqual([
      ['workflows/broken.asl.yaml', [['batch/require-sync', 13, 11]]],
      ['workflows/ok.asl.yaml', []],
    ]);
  });

  test('paths are relative to the instance working folder, colour only when asked', async () => {
    const api = new WfLint({ ...options, cwd: dir });
    const plain = (await api.loadFormatter()).format(results);
    const coloured = (await api.loadFormatter('stylish', { color: true })).format(results);
    expect(plain.split('\n')[0]).toBe(
      'workflows/broken.asl.yaml:13:11: error Expected Batch task "copy-assets-batch" to use "batch:submitJob.sync". Without ".sync" the next state gets the SubmitJob response, not the job\'s result. [batch/require-sync]',
    );
    expect(plain).not.toMatch(/\u001b\[/);
    expect(coloured).toMatch(/\u001b\[\d+m/);
  });

  test('an unknown name is a rejected promise naming the formatters', async () => {
    await expect(new WfLint({ ...options, cwd: dir }).loadFormatter('tap')).rejects.toThrow(
      'Unknown formatter "tap"; expected one of: stylish, json, sarif, github, junit.',
    );
  });
});

test('loadFormatter("diff") shows what the instance fixed, from the text it read', async () => {
  const api = new WfLint({ cwd: dir, configLookup: false, fix: true, onWarning: () => {} });
  const results = await api.lintFiles(['workflows']);
  expect((await api.loadFormatter('diff')).format(results)).toBe(
    '--- a/workflows/broken.asl.yaml\n+++ b/workflows/broken.asl.yaml\n@@ -12,7 +12,7 @@\n' +
      '             Next: copy-assets-batch\n           copy-assets-batch:\n             Type: Task\n' +
      '-            Resource: arn:aws:states:::batch:submitJob\n+            Resource: arn:aws:states:::batch:submitJob.sync\n' +
      '             Parameters:\n               JobName: copy-assets\n               JobQueue: queue\n',
  );
});

describe('warnNoMachine: false (--no-warn-no-machine)', () => {
  test('lintFiles skips named files without a machine but still lints the workflows named', async () => {
    fs.writeFileSync(path.join(dir, 'settings.yaml'), 'StartAt: only this key\n');
    fs.writeFileSync(path.join(dir, 'notes.yaml'), 'title: notes\n');
    const named = ['settings.yaml', 'notes.yaml', 'workflows/broken.asl.yaml'];
    const quiet = await new WfLint({ cwd: dir, warnNoMachine: false }).lintFiles(named);
    expect(quiet.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)])).toEqual([['broken.asl.yaml', ['batch/require-sync']]]);
    const loud = await new WfLint({ cwd: dir }).lintFiles(named);
    expect(loud.map((r) => [path.basename(r.filePath), r.messages.map((m) => [m.severity, m.message])])).toEqual([
      ['notes.yaml', [[1, 'No state machine found in this file.']]],
      ['settings.yaml', [[2, 'Missing "States": a state machine needs both "StartAt" and "States".']]],
      ['broken.asl.yaml', [[2, expect.stringContaining('"copy-assets-batch"')]]],
    ]);
  });

  test('lintText returns no result for a text without a machine', async () => {
    const api = new WfLint({ cwd: dir, warnNoMachine: false });
    expect(await api.lintText('title: notes\n', { filePath: 'notes.yaml' })).toEqual([]);
    expect((await api.lintText(NO_SYNC_YAML, { filePath: 'x.asl.yaml' })).map((r) => r.errorCount)).toEqual([1]);
  });
});

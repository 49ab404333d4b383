/**
 * `.pre-commit-hooks.yaml`: each hook's `files` filter, and its `entry` run exactly as pre-commit
 * runs it (the entry's words, then every matching staged file) on a file list that includes YAML
 * and JSON files holding no state machine. A last test runs the real `pre-commit try-repo` when
 * `pre-commit` is installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { git, havePreCommit, makeHookRepo, preCommit } from './hook-repo';
import { COMPLIANT_YAML, NO_SYNC_YAML, REPO_ROOT, makeFixture, removeFixture, runCliFresh, writeFiles } from './run-cli';

interface Hook {
  readonly id: string;
  readonly entry: string;
  readonly language: string;
  readonly files: string;
  readonly exclude: string;
  readonly types: readonly string[];
}

const hooks = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string): Hook => {
  const found = hooks.find((h) => h.id === id);
  if (!found) throw new Error(`No hook "${id}" in .pre-commit-hooks.yaml.`);
  return found;
};

/** The staged files of the fixture repository, as pre-commit would list them (before filtering). */
const STAGED: Readonly<Record<string, string>> = {
  'workflows/ok/definition.yml': COMPLIANT_YAML,
  'workflows/broken/definition.yml': NO_SYNC_YAML,
  'config/settings.yaml': 'log_level: debug\nretries: 3\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  'src/app.ts': 'export const answer = 42;\n',
  'README.md': '# fixture\n',
};

/** pre-commit's filtering (`re.search` of `files`) and its command line: the entry's words, then the files. */
function hookArgs(h: Hook, files: readonly string[]): { command: string; args: string[] } {
  const [command, ...entryArgs] = h.entry.split(/\s+/);
  const matching = files.filter((f) => new RegExp(h.files).test(f) && !new RegExp(h.exclude).test(f));
  return { command, args: [...entryArgs, ...matching] };
}

describe('.pre-commit-hooks.yaml', () => {
  test('declares wf-lint and wf-lint-fix as node hooks running the wf-lint binary', () => {
    expect(hooks.map((h) => h.id)).toEqual(['wf-lint', 'wf-lint-fix']);
    expect(hooks.map((h) => [h.language, h.entry, h.types])).toEqual([
      ['node', 'wf-lint --no-warn-no-machine', ['text']],
      ['node', 'wf-lint --fix --no-warn-no-machine', ['text']],
    ]);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toEqual(['wf-lint']);
  });

  test.each([
    ['workflows/mirror/definition.yml', true],
    ['state-machine.asl.json', true],
    ['template.yaml', true],
    ['machine.asl', true],
    ['definition.json.tmpl', true],
    ['stack.template', true],
    ['lib/stack.ts', true],
    ['lib/stack.mjs', true],
    ['lib/stack.tsx', true],
    ['lib/stack.d.ts', false],
    ['README.md', false],
    ['handler.py', false],
    ['definition.json.bak', false],
  ])('the files filter selects %s: %s', (file, selected) => {
    for (const h of hooks) expect(new RegExp(h.files).test(file) && !new RegExp(h.exclude).test(file)).toBe(selected);
  });
});

describe('the hooks run as pre-commit runs them', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeFixture(STAGED);
  });
  afterEach(() => removeFixture(dir));

  test('wf-lint reports the broken workflow only and fails the commit', () => {
    const { command, args } = hookArgs(hook('wf-lint'), Object.keys(STAGED));
    expect(command).toBe('wf-lint');
    expect(args).toEqual([
      '--no-warn-no-machine',
      'workflows/ok/definition.yml',
      'workflows/broken/definition.yml',
      'config/settings.yaml',
      'tsconfig.json',
      'src/app.ts',
    ]);
    const run = runCliFresh(dir, args);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('No state machine found');
    expect(run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l))).toEqual([
      'workflows/broken/definition.yml:13:11: error Expected Batch task "copy-assets-batch" to use "batch:submitJob.sync". Without ".sync" the next state gets the SubmitJob response, not the job\'s result. [batch/require-sync]',
    ]);
    expect(run.status).toBe(1);
  });

  test('wf-lint passes when the staged workflows are clean', () => {
    const files = Object.keys(STAGED).filter((f) => !f.includes('broken'));
    const run = runCliFresh(dir, hookArgs(hook('wf-lint'), files).args);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  test('without the flag, each non-workflow file named would draw a warning', () => {
    const run = runCliFresh(dir, ['config/settings.yaml', 'tsconfig.json']);
    expect(run.stdout.match(/No state machine found in this file\./g)).toHaveLength(2);
    expect(run.status).toBe(0);
  });

  test('wf-lint-fix writes the fix and leaves the other files untouched', () => {
    const run = runCliFresh(dir, hookArgs(hook('wf-lint-fix'), Object.keys(STAGED)).args);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    expect(fs.readFileSync(path.join(dir, 'workflows/broken/definition.yml'), 'utf8')).toBe(COMPLIANT_YAML);
    for (const name of ['workflows/ok/definition.yml', 'config/settings.yaml', 'tsconfig.json', 'src/app.ts']) {
      expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(STAGED[name]);
    }
  });
});

const real = havePreCommit ? test : test.skip;

describe(havePreCommit ? 'pre-commit try-repo' : 'pre-commit try-repo (skipped: `pre-commit` is not on PATH; CI does not install it)', () => {
  let root: string;
  beforeAll(() => {
    root = makeFixture();
  });
  afterAll(() => removeFixture(root));

  real(
    'installs the hooks with language: node and runs them on the staged files',
    () => {
      const hooksRepo = path.join(root, 'hooks');
      makeHookRepo(hooksRepo);
      const project = path.join(root, 'project');
      writeFiles(project, STAGED);
      git(project, 'init', '-q', '.');
      git(project, 'add', '-A');
      const home = path.join(root, 'cache');

      const lint = preCommit(project, home, ['try-repo', hooksRepo, 'wf-lint', '--all-files']);
      expect(lint.stdout).toMatch(/^wf-lint\.+Failed$/m);
      expect(lint.stdout).toContain('workflows/broken/definition.yml:13:11: error Expected Batch task "copy-assets-batch" to use');
      expect(lint.stdout).not.toContain('No state machine found');
      expect(lint.stdout).not.toContain('settings.yaml');
      expect(lint.status).toBe(1);

      const fix = preCommit(project, home, ['try-repo', hooksRepo, 'wf-lint-fix', '--all-files']);
      // pre-commit fails a hook that modified files, even when nothing is left to report.
      expect(fix.stdout).toMatch(/^wf-lint --fix\.+Failed$/m);
      expect(fix.stdout).toContain('- files were modified by this hook');
      expect(fs.readFileSync(path.join(project, 'workflows/broken/definition.yml'), 'utf8')).toBe(COMPLIANT_YAML);
      expect(fix.status).toBe(1);
    },
    120_000,
  );
});

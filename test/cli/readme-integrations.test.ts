/**
 * README "## Integrations": each snippet is taken from the README and its command run for real
 * (the built CLI stands for `npx wf-lint`): the pre-commit config through the hook entry (and
 * through `pre-commit run` when pre-commit is installed), the lint-staged command on a staged file
 * list, and the Actions job's `run:` lines on a copy of examples/, checking the SARIF file's shape.
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { git, havePreCommit, makeHookRepo, preCommit } from './hook-repo';
import { COMPLIANT_YAML, NO_SYNC_YAML, REPO_ROOT, makeFixture, removeFixture, runCliFresh, runJson, type JsonResult } from './run-cli';

const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const integrations = readme.slice(readme.indexOf('\n## Integrations\n'), readme.indexOf('\n## ', readme.indexOf('\n## Integrations\n') + 1));

/** The fenced block of the Integrations section whose info string is `<lang> <name>`. */
function snippet(name: string): string {
  const match = new RegExp('^```\\w+ ' + name + '\\n([^]*?)^```$', 'm').exec(integrations);
  if (!match) throw new Error(`README's Integrations section has no \`${name}\` snippet.`);
  return match[1];
}

interface Hook {
  readonly id: string;
  readonly entry: string;
  readonly files: string;
  readonly exclude: string;
}
const manifest = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** A command line of a snippet, with `wf-lint` / `npx wf-lint` standing for the built CLI. */
function cliArgs(command: string): string[] {
  const words = command.trim().split(/\s+/);
  const start = words[0] === 'npx' ? 1 : 0;
  if (words[start] !== 'wf-lint') throw new Error(`Not a wf-lint command: ${command}`);
  return words.slice(start + 1);
}

const STAGED: Readonly<Record<string, string>> = {
  'workflows/broken/definition.yml': NO_SYNC_YAML,
  'workflows/ok.asl.yaml': COMPLIANT_YAML,
  'config/app.yaml': 'log_level: debug\n',
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'README.md': '# project\n',
};

describe('pre-commit', () => {
  const config = parse(snippet('pre-commit')) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
  let dir: string;
  beforeEach(() => {
    dir = makeFixture(STAGED);
  });
  afterEach(() => removeFixture(dir));

  test('the configured hook is one of .pre-commit-hooks.yaml, and its entry reports the broken workflow only', () => {
    expect(config.repos).toHaveLength(1);
    const ids = config.repos[0].hooks.map((h) => h.id);
    expect(ids).toEqual(['wf-lint']);
    const hook = manifest.find((h) => h.id === ids[0]) as Hook;
    const files = Object.keys(STAGED).filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f));
    const run = runCliFresh(dir, [...cliArgs(hook.entry), ...files]);
    expect(run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l)).map((l) => l.replace(/ error .*\[/, ' ['))).toEqual([
      'workflows/broken/definition.yml:13:11: [batch/require-sync]',
    ]);
    expect(run.status).toBe(1);
  });

  (havePreCommit ? test : test.skip)(
    havePreCommit ? '`pre-commit run` with the snippet as .pre-commit-config.yaml fails the commit' : '`pre-commit run` (skipped: `pre-commit` is not on PATH; CI does not install it)',
    () => {
      const hooksRepo = path.join(dir, '.hooks-repo');
      const rev = makeHookRepo(hooksRepo);
      // The published repository is stood in for by a local one holding the same hook manifest.
      const text = snippet('pre-commit').replace(config.repos[0].repo, hooksRepo).replace(`rev: ${config.repos[0].rev}`, `rev: ${rev}`);
      fs.writeFileSync(path.join(dir, '.pre-commit-config.yaml'), text);
      fs.writeFileSync(path.join(dir, '.gitignore'), '.hooks-repo/\n.pre-commit-home/\n');
      git(dir, 'init', '-q', '.');
      git(dir, 'add', '-A');
      const run = preCommit(dir, path.join(dir, '.pre-commit-home'), ['run', '--all-files']);
      expect(run.stdout).toMatch(/^wf-lint\.+Failed$/m);
      expect(run.stdout).toContain('workflows/broken/definition.yml:13:11: error');
      expect(run.stdout).not.toContain('No state machine found');
      expect(run.status).toBe(1);
    },
    120_000,
  );
});

describe('pre-commit, local hook', () => {
  const [repo] = (parse(snippet('pre-commit-local')) as { repos: { repo: string; hooks: Hook[] }[] }).repos;
  let dir: string;
  beforeEach(() => {
    dir = makeFixture(STAGED);
  });
  afterEach(() => removeFixture(dir));

  test('filters the staged files as the published hook does, and its entry reports the broken workflow only', () => {
    expect(repo.repo).toBe('local');
    const [hook] = repo.hooks;
    const published = manifest.find((h) => h.id === 'wf-lint') as Hook;
    expect([hook.files, hook.exclude]).toEqual([published.files, published.exclude]);
    const files = Object.keys(STAGED).filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f));
    const run = runCliFresh(dir, [...cliArgs(hook.entry), ...files]);
    expect(run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l)).map((l) => l.replace(/ error .*\[/, ' ['))).toEqual([
      'workflows/broken/definition.yml:13:11: [batch/require-sync]',
    ]);
    expect(run.stdout).not.toContain('No state machine found');
    expect(run.status).toBe(1);
  });
});

describe('lint-staged', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeFixture(STAGED);
  });
  afterEach(() => removeFixture(dir));

  test('the configured command, given the staged files its glob matches, fixes them and passes', () => {
    const config = (JSON.parse(snippet('lint-staged')) as { 'lint-staged': Record<string, string> })['lint-staged'];
    const [[glob, command]] = Object.entries(config);
    // lint-staged matches a glob without "/" against base names, and appends absolute paths.
    const isMatch = picomatch(glob, { basename: true });
    const staged = Object.keys(STAGED).filter((f) => isMatch(f)).map((f) => path.join(dir, f));
    expect(staged.map((f) => path.relative(dir, f))).toEqual(['workflows/broken/definition.yml', 'workflows/ok.asl.yaml', 'config/app.yaml', 'package-lock.json']);
    const run = runCliFresh(dir, [...cliArgs(command), ...staged]);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    expect(fs.readFileSync(path.join(dir, 'workflows/broken/definition.yml'), 'utf8')).toBe(COMPLIANT_YAML);
    expect(fs.readFileSync(path.join(dir, 'config/app.yaml'), 'utf8')).toBe(STAGED['config/app.yaml']);
  });
});

describe('GitHub Actions', () => {
  let dir: string;
  let expected: JsonResult[];
  beforeAll(() => {
    // The checked-out repository: a copy of examples/.
    dir = makeFixture();
    fs.cpSync(path.join(REPO_ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
    expected = runJson(dir, ['.']).results;
  });
  afterAll(() => removeFixture(dir));

  const messages = (results: JsonResult[]) =>
    results.flatMap((r) => r.messages.map((m) => [path.relative(dir, r.filePath), m.line, m.column, m.ruleId, m.severity === 2 ? 'error' : 'warning']));

  test('the SARIF job writes a SARIF 2.1.0 file with every problem, and uploads that file', () => {
    const workflow = parse(snippet('github-actions-sarif')) as {
      jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; run?: string; if?: string; with?: Record<string, string> }[] }>;
    };
    const job = Object.values(workflow.jobs)[0];
    expect(job.permissions['security-events']).toBe('write');
    const runs = job.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual(['npm ci', 'npx wf-lint -f sarif -o wf-lint.sarif .']);
    // `npm ci` installs wf-lint; here the built CLI stands for the installed one.
    const run = runCliFresh(dir, cliArgs(runs[1]));
    expect([run.status, run.stdout]).toEqual([1, '']);
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload).toMatchObject({ uses: 'github/codeql-action/upload-sarif@v3', if: 'always()', with: { sarif_file: 'wf-lint.sarif' } });

    const sarif = JSON.parse(fs.readFileSync(path.join(dir, upload?.with?.sarif_file ?? ''), 'utf8'));
    expect(sarif).toMatchObject({ version: '2.1.0', $schema: expect.stringContaining('sarif-2.1.0') });
    expect(sarif.runs).toHaveLength(1);
    const [{ tool, results }] = sarif.runs;
    expect(tool.driver.name).toBe('wf-lint');
    const ruleIds: string[] = tool.driver.rules.map((r: { id: string }) => r.id);
    const found = results.map((r: SarifResult) => {
      expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
      expect(r.message.text).toMatch(/^[^a-z].*[.?]$/);
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      return [artifactLocation.uri, region.startLine, region.startColumn, r.ruleId, r.level];
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(messages(expected));
  });

  test('the annotations step prints one workflow command per problem', () => {
    const [step] = parse(snippet('github-actions-annotations')) as { run: string }[];
    const run = runCliFresh(dir, cliArgs(step.run));
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const found = lines.map((line) => {
      const match = /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=([^:]+)::[^a-z].*[.?]$/.exec(line);
      if (!match) throw new Error(`Not an annotation: ${line}`);
      return [match[2], Number(match[3]), Number(match[4]), match[5], match[1]];
    });
    expect(found).toEqual(messages(expected));
  });
});

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
}


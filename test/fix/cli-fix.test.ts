/**
 * `wf-lint --fix` and `--fix-dry-run` end to end: the BUILT binary (`npm run build` first) on
 * temporary copies of the examples. Writes are atomic and keep the mode; read-only and
 * unparseable files are left byte-identical.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'dist/src/cli/main.js');
const SERVERLESS = fs.readFileSync(path.join(ROOT, 'examples/serverless/serverless.yml'), 'utf8');
const NAKED = fs.readFileSync(path.join(ROOT, 'examples/asl-yaml/naked-batch.asl.yaml'), 'utf8');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cwd: string, args: readonly string[], options: { input?: string; uid?: number } = {}): Run {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env,
    timeout: 20_000,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function fixture(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-fix-')));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "fixture", "private": true }\n');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

/** What `--fix` makes of the serverless example: OutputPath and the group Retry, nothing else. */
const SERVERLESS_FIXED = SERVERLESS.replace(
  '                    End: true\n            Next: publish\n            Catch:',
  [
    '                    End: true',
    '            OutputPath: $[0]',
    '            Next: publish',
    '            Retry:',
    '              - ErrorEquals: [States.ALL]',
    '                IntervalSeconds: 3',
    '                MaxAttempts: 2',
    '            Catch:',
  ].join('\n'),
);

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" before the CLI tests.`);
});

test('the expected serverless output differs from the original by the two insertions only', () => {
  expect(SERVERLESS_FIXED).not.toBe(SERVERLESS);
  expect(SERVERLESS_FIXED.split('\n').length - SERVERLESS.split('\n').length).toBe(5);
});

test('--fix rewrites the file in place, keeps its mode, leaves no temporary file; a second run changes nothing', () => {
  const dir = fixture({ 'serverless.yml': SERVERLESS });
  fs.chmodSync(path.join(dir, 'serverless.yml'), 0o640);
  const first = run(dir, ['--fix', 'serverless.yml']);
  expect(first).toEqual({ status: 0, stdout: '', stderr: '' });
  expect(read(dir, 'serverless.yml')).toBe(SERVERLESS_FIXED);
  expect(fs.statSync(path.join(dir, 'serverless.yml')).mode & 0o777).toBe(0o640);
  expect(fs.readdirSync(dir).sort()).toEqual(['package.json', 'serverless.yml']);
  const second = run(dir, ['--fix', '-f', 'json', 'serverless.yml']);
  expect(read(dir, 'serverless.yml')).toBe(SERVERLESS_FIXED);
  const [result] = JSON.parse(second.stdout);
  expect(result).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
  expect(result.output).toBeUndefined();
});

test('--fix-dry-run puts the fixed text in "output" and writes nothing', () => {
  const dir = fixture({ 'serverless.yml': SERVERLESS });
  const dry = run(dir, ['--fix-dry-run', '-f', 'json', 'serverless.yml']);
  expect(dry.status).toBe(0);
  const [result] = JSON.parse(dry.stdout);
  expect(result.output).toBe(SERVERLESS_FIXED);
  expect(result.messages).toEqual([]);
  expect(read(dir, 'serverless.yml')).toBe(SERVERLESS);
});

test('--fix-dry-run reads standard input', () => {
  const dir = fixture({});
  const dry = run(dir, ['--fix-dry-run', '--stdin', '--stdin-filename', 'serverless.yml', '-f', 'json'], { input: SERVERLESS });
  expect(JSON.parse(dry.stdout)[0].output).toBe(SERVERLESS_FIXED);
});

test('without --fix the messages carry ESLint-style fixes and fixable counts', () => {
  const dir = fixture({ 'serverless.yml': SERVERLESS });
  const [result] = JSON.parse(run(dir, ['-f', 'json', 'serverless.yml']).stdout);
  expect([result.fixableErrorCount, result.fixableWarningCount]).toEqual([1, 1]);
  for (const m of result.messages) {
    expect(SERVERLESS.slice(0, m.fix.range[0]) + m.fix.text + SERVERLESS.slice(m.fix.range[1])).not.toBe(SERVERLESS);
  }
});

test('a file that does not parse is never written', () => {
  const broken = 'StartAt: A\nStates:\n  A: { Type: Task, Resource: arn:aws:states:::batch:submitJob\n  B: [\n';
  const dir = fixture({ 'broken.asl.yaml': broken, 'serverless.yml': SERVERLESS });
  const fixed = run(dir, ['--fix', '-f', 'json', 'broken.asl.yaml', 'serverless.yml']);
  expect(fixed.status).toBe(2);
  expect(read(dir, 'broken.asl.yaml')).toBe(broken);
  expect(read(dir, 'serverless.yml')).toBe(SERVERLESS_FIXED);
  const [result] = JSON.parse(fixed.stdout);
  expect(result.messages.map((m: { fatal?: boolean }) => m.fatal)).toEqual([true]);
});

test('a symbolic link stays a link; the file it points to is fixed', () => {
  const dir = fixture({ 'real.yml': SERVERLESS });
  fs.symlinkSync('real.yml', path.join(dir, 'serverless.yml'));
  expect(run(dir, ['--fix', 'serverless.yml']).status).toBe(0);
  expect(fs.lstatSync(path.join(dir, 'serverless.yml')).isSymbolicLink()).toBe(true);
  expect(read(dir, 'real.yml')).toBe(SERVERLESS_FIXED);
});

// accessSync(W_OK) always succeeds for root, so as root the run drops to "nobody".
const asUser = process.getuid?.() === 0 ? 65534 : undefined;
test('a read-only file is an error for that file only; the others are fixed', () => {
  const dir = fixture({ 'readonly.yml': SERVERLESS, 'writable.yml': SERVERLESS });
  fs.chmodSync(dir, 0o777);
  fs.chmodSync(path.join(dir, 'writable.yml'), 0o666);
  fs.chmodSync(path.join(dir, 'readonly.yml'), 0o444);
  if (asUser !== undefined) fs.chownSync(path.join(dir, 'writable.yml'), asUser, asUser);
  const fixed = run(dir, ['--fix', '-f', 'json', 'readonly.yml', 'writable.yml'], { uid: asUser });
  expect(fixed.stderr).toBe('');
  expect(fixed.status).toBe(1);
  expect(read(dir, 'readonly.yml')).toBe(SERVERLESS);
  expect(read(dir, 'writable.yml')).toBe(SERVERLESS_FIXED);
  const [readonly, writable] = JSON.parse(fixed.stdout);
  expect(readonly.messages.map((m: { ruleId: string | null; message: string }) => [m.ruleId, m.message])).toEqual([
    [null, 'Cannot write the fixes: the file is read-only.'],
    ['batch/require-group-retry', expect.any(String)],
    ['batch/require-output-path', expect.any(String)],
  ]);
  expect(readonly.output).toBeUndefined();
  expect(writable.messages).toEqual([]);
});

test('--fix with --fix-dry-run, or with --stdin, is a usage error', () => {
  const dir = fixture({ 'serverless.yml': SERVERLESS });
  expect(run(dir, ['--fix', '--fix-dry-run', 'serverless.yml']).status).toBe(2);
  expect(run(dir, ['--fix', '--stdin'], { input: SERVERLESS }).status).toBe(2);
  expect(read(dir, 'serverless.yml')).toBe(SERVERLESS);
});

test('--fix on the naked Batch example: the canonical group, comments kept; a second run changes nothing', () => {
  const dir = fixture({ 'naked-batch.asl.yaml': NAKED });
  // `no-result-override` (ResultPath on the Batch task) has no fix: the run still exits 1.
  expect(run(dir, ['--fix', 'naked-batch.asl.yaml']).status).toBe(1);
  expect(read(dir, 'naked-batch.asl.yaml')).toBe(fs.readFileSync(path.join(ROOT, 'test/fixtures/fix/real/examples__asl-yaml__naked-batch.asl.yaml'), 'utf8'));
  const before = read(dir, 'naked-batch.asl.yaml');
  run(dir, ['--fix', 'naked-batch.asl.yaml']);
  expect(read(dir, 'naked-batch.asl.yaml')).toBe(before);
});

/**
 * A command line of paths only is linted without parsing options (yargs is not even loaded:
 * issue 8, cold start); it must behave exactly as the same paths with every option at its default.
 */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';
import { COMPLIANT_YAML, NO_SYNC_YAML, makeFixture, removeFixture } from './run-cli';

let dir: string;
let cwd: string;
beforeEach(() => {
  dir = makeFixture({ 'wf/broken.asl.yaml': NO_SYNC_YAML, 'wf/ok.asl.yaml': COMPLIANT_YAML, 'notes.yaml': 'title: not a machine\n' });
  cwd = process.cwd();
  process.chdir(dir);
});
afterEach(() => {
  process.chdir(cwd);
  removeFixture(dir);
});

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await main(argv, { stdout: stdout as never, stderr: stderr as never, stdin: process.stdin });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const DEFAULTS = ['--format', 'stylish', '--max-warnings', '-1', '--no-quiet', '--config-lookup', '--ignore', '--no-fix', '--warn-no-machine', '--no-cache', '--concurrency', 'auto'];

test.each([[['wf']], [['wf/broken.asl.yaml', 'notes.yaml']], [['wf/ok.asl.yaml']], [['missing.yaml']], [[]]])('%j gives what the same paths with default options give', async (paths) => {
  const plain = await run(paths);
  const explicit = await run([...DEFAULTS, ...paths]);
  expect(plain).toEqual(explicit);
});

test('paths only: the broken file is reported with its code frame and exit 1', async () => {
  const r = await run(['wf']);
  expect(r.code).toBe(1);
  const [report, frame, marker] = r.stdout.split('\n');
  expect(marker).toBe(`      |           ^${'~'.repeat('copy-assets-batch'.length - 1)}`);
  expect([report, frame]).toEqual([
    'wf/broken.asl.yaml:13:11: error Expected Batch task "copy-assets-batch" to use "batch:submitJob.sync". Without ".sync" the next state gets the SubmitJob response, not the job\'s result. [batch/require-sync]',
    '   13 |           copy-assets-batch:',
  ]);
});

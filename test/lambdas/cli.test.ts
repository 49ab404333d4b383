import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

/** Runs `wf-lint ...` in process, capturing both streams. */
async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  stderr.on('data', (d) => (err += String(d)));
  const code = await main(argv, { stdout: stdout as never, stderr: stderr as never, stdin: process.stdin });
  return { code, out, err };
}

describe('wf-lint lambdas build (command line)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-lambdas-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the artefacts, with policy values from the options', async () => {
    const outDir = path.join(dir, 'dist/lambdas');
    const r = await run(['lambdas', 'build', '--out', outDir, '--bucket', 'my-payloads', '--prefix', 'root', '--log-group', '/batch/a', '--partition', 'aws-us-gov']);
    expect(r).toMatchObject({ code: 0, err: '' });
    for (const f of ['pre-batch/index.mjs', 'post-batch/index.mjs', 'pre-batch.zip', 'post-batch.zip', 'template.yaml']) {
      expect(fs.existsSync(path.join(outDir, f))).toBe(true);
      expect(r.out).toContain(path.join('lambdas', f));
    }
    const post = JSON.parse(fs.readFileSync(path.join(outDir, 'post-batch/policy.json'), 'utf8'));
    expect(post.Statement.flatMap((s: { Resource: string[] }) => s.Resource)).toEqual([
      'arn:aws-us-gov:s3:::my-payloads/root/tmp/batch/*',
      'arn:aws-us-gov:s3:::my-payloads/root/tmp/oversized/*',
      'arn:aws-us-gov:logs:*:*:log-group:/batch/a:log-stream:*',
    ]);
  });

  it('is a usage error (exit 2) without --out or with an unknown command', async () => {
    expect(await run(['lambdas', 'build'])).toMatchObject({ code: 2, err: expect.stringContaining('out') });
    expect(await run(['lambdas', 'deploy', '--out', dir])).toMatchObject({ code: 2, err: expect.stringContaining('deploy') });
  });
});

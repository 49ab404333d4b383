import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import YAML from 'yaml';
import { buildLambdas, type BuildResult } from '../../src/lambdas/build';
import { BUCKET, startLocalS3, type LocalS3 } from './s3-server';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// Outside the repository, so the bundles cannot fall back on its node_modules.
let out: string;
let result: BuildResult;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-lint-lambdas-'));
  result = await buildLambdas({ outDir: out, bucket: BUCKET, prefix: 'cirrus', logGroups: ['/aws/batch/job', '/cirrus/batch'] });
}, 60_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/**
 * Runs an ESM snippet in a fresh node, from the output directory. Asynchronous: the S3 server
 * lives in this process and must keep answering while the child runs.
 */
function node(script: string, env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: out, encoding: 'utf8', timeout: 15_000, env: { PATH: process.env.PATH ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env } },
      (err, stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('wf-lint lambdas build', () => {
  it('writes a bundle, a zip and a policy per function, and a template', () => {
    for (const name of ['pre-batch', 'post-batch']) {
      for (const f of [`${name}/index.mjs`, `${name}.zip`, `${name}/policy.json`]) expect(fs.existsSync(path.join(out, f))).toBe(true);
    }
    expect(fs.existsSync(path.join(out, 'template.yaml'))).toBe(true);
    expect(result.functions.map((f) => f.name)).toEqual(['pre-batch', 'post-batch']);
  });

  it('bundles load with plain node and no node_modules, exporting handler', async () => {
    const r = await node(
      "const a = await import('./pre-batch/index.mjs'); const b = await import('./post-batch/index.mjs');" +
        'console.log(typeof a.handler, typeof b.handler);',
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('function function');
  });

  it('zips hold exactly the bundle', () => {
    for (const f of result.functions) {
      const entries = unzipSync(fs.readFileSync(f.zip));
      expect(Object.keys(entries)).toEqual(['index.mjs']);
      expect(Buffer.from(entries['index.mjs']!).equals(fs.readFileSync(f.bundle))).toBe(true);
    }
  });

  it('the bundles honour AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL (path style): pre-batch writes, post-batch reads', async () => {
    const local: LocalS3 = await startLocalS3();
    try {
      const r = await node(
        "const { handler } = await import('./pre-batch/index.mjs');" +
          "console.log(JSON.stringify(await handler({ id: 'item-1', features: [] })));",
        {
          CIRRUS_PAYLOAD_BUCKET: BUCKET,
          AWS_ENDPOINT_URL_S3: local.endpoint,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
        },
      );
      expect(r).toMatchObject({ status: 0, stderr: '' });
      const lines = r.stdout.trim().split('\n');
      const res = JSON.parse(lines[lines.length - 1]!) as { url: string; url_out: string };
      expect(res.url).toMatch(new RegExp(`^s3://${BUCKET}/cirrus/tmp/batch/item-1/[0-9a-f-]{36}\\.json$`));
      const key = res.url.slice(`s3://${BUCKET}/`.length);
      expect(await local.get(BUCKET, key)).toEqual({ id: 'item-1', features: [] });

      // The bundled post-batch reads the job's output back through AWS_ENDPOINT_URL.
      await local.put(BUCKET, key.replace('.json', '_out.json'), { id: 'item-1', features: ['done'] });
      const post = await node(
        "const { handler } = await import('./post-batch/index.mjs');" +
          `console.log(JSON.stringify(await handler({ Status: 'SUCCEEDED', Parameters: ${JSON.stringify(res)} })));`,
        {
          CIRRUS_PAYLOAD_BUCKET: BUCKET,
          AWS_ENDPOINT_URL: local.endpoint,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
        },
      );
      expect(post).toMatchObject({ status: 0, stderr: '' });
      const postLines = post.stdout.trim().split('\n');
      expect(JSON.parse(postLines[postLines.length - 1]!)).toEqual({ id: 'item-1', features: ['done'] });
    } finally {
      await local.stop();
    }
  });

  it('policies grant only the payload prefix and the Batch log groups', () => {
    const pre = JSON.parse(fs.readFileSync(path.join(out, 'pre-batch/policy.json'), 'utf8'));
    const post = JSON.parse(fs.readFileSync(path.join(out, 'post-batch/policy.json'), 'utf8'));
    const grants = (p: { Statement: { Action: string[]; Resource: string[] }[] }) =>
      p.Statement.flatMap((s) => s.Action.flatMap((a) => s.Resource.map((r) => `${a} ${r}`)));
    expect(grants(pre)).toEqual([
      `s3:GetObject arn:aws:s3:::${BUCKET}/cirrus/*`,
      `s3:PutObject arn:aws:s3:::${BUCKET}/cirrus/tmp/batch/*`,
    ]);
    expect(grants(post)).toEqual([
      `s3:GetObject arn:aws:s3:::${BUCKET}/cirrus/tmp/batch/*`,
      `s3:PutObject arn:aws:s3:::${BUCKET}/cirrus/tmp/oversized/*`,
      'logs:GetLogEvents arn:aws:logs:*:*:log-group:/aws/batch/job:log-stream:*',
      'logs:GetLogEvents arn:aws:logs:*:*:log-group:/cirrus/batch:log-stream:*',
    ]);
  });

  it('the template deploys both functions with their environment and policies', () => {
    const t = YAML.parse(fs.readFileSync(result.template, 'utf8'));
    expect(Object.keys(t.Parameters)).toEqual(['PayloadBucket', 'PayloadRootPrefix', 'BatchLogGroup']);
    const pre = t.Resources.PreBatchFunction.Properties;
    const post = t.Resources.PostBatchFunction.Properties;
    expect(pre).toMatchObject({ CodeUri: 'pre-batch.zip', Handler: 'index.handler', Runtime: 'nodejs20.x' });
    expect(post.Environment.Variables).toEqual({
      CIRRUS_PAYLOAD_BUCKET: { Ref: 'PayloadBucket' },
      CIRRUS_PAYLOAD_ROOT_PREFIX: { Ref: 'PayloadRootPrefix' },
      CIRRUS_BATCH_LOG_GROUP: { Ref: 'BatchLogGroup' },
    });
    expect(post.Policies[0].Statement[2].Resource).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${BatchLogGroup}:log-stream:*' },
    ]);
    expect(pre.Policies[0].Statement[1].Resource).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${PayloadBucket}/${PayloadRootPrefix}/tmp/batch/*' }]);
  });
});

import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { createPostBatchHandler, escapedJsonLength, MAX_INLINE_CHARS, type PostBatchHandler } from '../../src/lambdas/post-batch';
import { BUCKET, OTHER_BUCKET, startLocalS3, type LocalS3 } from './s3-server';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ENV = { CIRRUS_PAYLOAD_BUCKET: BUCKET };
const id = 'sentinel-2-l2a/workflow-cog/S2B_10SGD_20240101_0_L2A';
const output = { type: 'FeatureCollection', id, features: [{ type: 'Feature', id: 'S2B', assets: {} }] };

let local: LocalS3;
let handler: PostBatchHandler;
const logs = new CloudWatchLogsClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const logsMock = mockClient(logs);
let logSpy: jest.SpyInstance;

beforeAll(async () => {
  local = await startLocalS3();
  handler = createPostBatchHandler({ s3: local.s3, logs, env: ENV, uuid: () => 'fixed-uuid' });
});
afterAll(async () => {
  logsMock.restore();
  await local.stop();
});
beforeEach(() => {
  logsMock.reset();
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => logSpy.mockRestore());

/** A Batch job result as `submitJob.sync` returns it (DescribeJobs shape, trimmed). */
function jobResult(parameters: Record<string, string>) {
  return {
    JobName: 'copy-assets',
    JobId: '6e7bd3f5-7d7b-4c5c-9d5b-8c0c3e9a2f10',
    Status: 'SUCCEEDED',
    Parameters: parameters,
    Container: { Image: 'cirrus-task:latest', ExitCode: 0, LogStreamName: 'copy-assets/default/abc' },
  };
}

describe('post-batch success', () => {
  const key = `cirrus/tmp/batch/${id}/u1_out.json`;

  it('returns the payload at Parameters.url_out', async () => {
    await local.put(BUCKET, key, output);
    const url = `s3://${BUCKET}/cirrus/tmp/batch/${id}/u1.json`;
    await expect(handler(jobResult({ url, url_out: `s3://${BUCKET}/${key}` }))).resolves.toEqual(output);
  });

  it('falls back to url with _out.json for pre-0.10 workflows', async () => {
    await local.put(BUCKET, key, output);
    await expect(handler(jobResult({ url: `s3://${BUCKET}/cirrus/tmp/batch/${id}/u1.json` }))).resolves.toEqual(output);
  });

  it('uploads an oversized output under tmp/oversized and returns {url}', async () => {
    const big = { ...output, features: [{ type: 'Feature', id: 'S2B', properties: { blob: 'x'.repeat(MAX_INLINE_CHARS) } }] };
    expect(escapedJsonLength(big)).toBeGreaterThan(MAX_INLINE_CHARS);
    await local.put(BUCKET, 'cirrus/tmp/batch/big_out.json', big);
    const out = await handler(jobResult({ url_out: `s3://${BUCKET}/cirrus/tmp/batch/big_out.json` }));
    expect(out).toEqual({ url: `s3://${BUCKET}/cirrus/tmp/oversized/${id}/fixed-uuid.json` });
    expect(await local.get(BUCKET, `cirrus/tmp/oversized/${id}/fixed-uuid.json`)).toEqual(big);
  });

  it('measures the limit on escaped JSON: quotes count twice', async () => {
    // 50,000 quotes: about 100,000 characters of plain JSON (under the limit), 200,000 escaped.
    const quoted = { id: 'q', text: '"'.repeat(50_000) };
    expect(JSON.stringify(quoted).length).toBeLessThan(MAX_INLINE_CHARS);
    await local.put(BUCKET, 'cirrus/tmp/batch/q_out.json', quoted);
    const out = await handler(jobResult({ url_out: `s3://${BUCKET}/cirrus/tmp/batch/q_out.json` }));
    expect(out).toEqual({ url: `s3://${BUCKET}/cirrus/tmp/oversized/q/fixed-uuid.json` });
  });

  it('returns a payload just under the limit inline', async () => {
    const base = { id: 'edge', text: '' };
    const small = { ...base, text: 'a'.repeat(MAX_INLINE_CHARS - escapedJsonLength(base)) };
    expect(escapedJsonLength(small)).toBe(MAX_INLINE_CHARS);
    await local.put(BUCKET, 'cirrus/tmp/batch/edge_out.json', small);
    await expect(handler(jobResult({ url_out: `s3://${BUCKET}/cirrus/tmp/batch/edge_out.json` }))).resolves.toEqual(small);
  });

  it('refuses a url_out in another bucket, without reading it', async () => {
    await local.put(OTHER_BUCKET, 'x_out.json', output);
    await expect(handler(jobResult({ url_out: `s3://${OTHER_BUCKET}/x_out.json` }))).rejects.toMatchObject({
      name: 'ForeignBucketError',
      message: `url_out s3://${OTHER_BUCKET}/x_out.json is outside the payload bucket ${BUCKET}: refusing to access it`,
    });
    await expect(handler(jobResult({ url: `s3://${OTHER_BUCKET}/x.json` }))).rejects.toThrow('outside the payload bucket');
  });

  it('reports a missing output object, a missing Parameters and a missing bucket variable', async () => {
    await expect(handler(jobResult({ url_out: `s3://${BUCKET}/none_out.json` }))).rejects.toThrow(
      `cannot read s3://${BUCKET}/none_out.json`,
    );
    await expect(handler({ Status: 'SUCCEEDED' })).rejects.toThrow('the Batch job result has no Parameters');
    await expect(handler(jobResult({}))).rejects.toThrow('Parameters has neither url_out nor url');
    await expect(handler({})).rejects.toThrow('empty event');
    const noBucket = createPostBatchHandler({ s3: local.s3, logs, env: {} });
    await expect(noBucket(jobResult({ url_out: `s3://${BUCKET}/${key}` }))).rejects.toThrow('CIRRUS_PAYLOAD_BUCKET is not set');
  });

  it('logs the payload id, never its content', async () => {
    await local.put(BUCKET, key, { ...output, secret: 'do-not-log' });
    await handler(jobResult({ url_out: `s3://${BUCKET}/${key}` }));
    const logged = logSpy.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toContain(id);
    expect(logged).not.toContain('do-not-log');
  });
});

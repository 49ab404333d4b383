import { createPreBatchHandler, type PreBatchHandler } from '../../src/lambdas/pre-batch';
import { BUCKET, OTHER_BUCKET, startLocalS3, type LocalS3 } from './s3-server';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const payload = {
  type: 'FeatureCollection',
  id: 'sentinel-2-l2a/workflow-cog/S2B_10SGD_20240101_0_L2A',
  features: [{ type: 'Feature', id: 'S2B_10SGD_20240101_0_L2A', properties: {} }],
  process: [{ workflow: 'cog', tasks: { 'copy-assets': {} } }],
};
const ENV = { CIRRUS_PAYLOAD_BUCKET: BUCKET };

let local: LocalS3;
let handler: PreBatchHandler;
let logSpy: jest.SpyInstance;

beforeAll(async () => {
  local = await startLocalS3();
  handler = createPreBatchHandler({ s3: local.s3, env: ENV, uuid: () => 'fixed-uuid' });
});
afterAll(async () => {
  await local.stop();
});
beforeEach(() => {
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => logSpy.mockRestore());

/** Reads back what pre-batch stored at `url`. */
async function stored(url: string): Promise<unknown> {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url)!;
  return local.get(m[1]!, m[2]!);
}

const expectedUrl = `s3://${BUCKET}/cirrus/tmp/batch/${payload.id}/fixed-uuid.json`;

describe('pre-batch', () => {
  it('stores a Cirrus payload and returns {url, url_out}', async () => {
    const out = await handler(payload);
    expect(out).toEqual({ url: expectedUrl, url_out: expectedUrl.replace(/\.json$/, '_out.json') });
    expect(await stored(out.url)).toEqual(payload);
  });

  it('uses a random uuid and CIRRUS_PAYLOAD_ROOT_PREFIX when set', async () => {
    const h = createPreBatchHandler({ s3: local.s3, env: { ...ENV, CIRRUS_PAYLOAD_ROOT_PREFIX: 'root/' } });
    const out = await h(payload);
    expect(out.url).toMatch(
      new RegExp(`^s3://${BUCKET}/root/tmp/batch/${payload.id}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.json$`),
    );
    expect(await stored(out.url)).toEqual(payload);
  });

  it('replaces every .json in url_out, as Cirrus does', async () => {
    const h = createPreBatchHandler({ s3: local.s3, env: ENV, uuid: () => 'u' });
    const out = await h({ ...payload, id: 'a.json-b' });
    expect(out.url).toBe(`s3://${BUCKET}/cirrus/tmp/batch/a.json-b/u.json`);
    expect(out.url_out).toBe(`s3://${BUCKET}/cirrus/tmp/batch/a_out.json-b/u_out.json`);
  });

  it('loads a {url} event from the payload bucket', async () => {
    await local.put(BUCKET, 'cirrus/payloads/in.json', payload);
    const out = await handler({ url: `s3://${BUCKET}/cirrus/payloads/in.json` });
    expect(out.url).toBe(expectedUrl);
    expect(await stored(out.url)).toEqual(payload);
  });

  it('refuses a {url} outside the payload bucket', async () => {
    await local.put(OTHER_BUCKET, 'in.json', payload);
    await expect(handler({ url: `s3://${OTHER_BUCKET}/in.json` })).rejects.toThrow(
      `url s3://${OTHER_BUCKET}/in.json is outside the payload bucket ${BUCKET}`,
    );
  });

  it('reports a missing {url} object clearly', async () => {
    await expect(handler({ url: `s3://${BUCKET}/nope.json` })).rejects.toThrow(`cannot read s3://${BUCKET}/nope.json`);
  });

  it('unwraps a single SQS record', async () => {
    const out = await handler({ Records: [{ messageId: '1', eventSource: 'aws:sqs', body: JSON.stringify(payload) }] });
    expect(out.url).toBe(expectedUrl);
    expect(await stored(out.url)).toEqual(payload);
  });

  it('unwraps an SNS notification delivered through SQS', async () => {
    const body = JSON.stringify({ Type: 'Notification', Message: JSON.stringify(payload) });
    const out = await handler({ Records: [{ eventSource: 'aws:sqs', body }] });
    expect(await stored(out.url)).toEqual(payload);
  });

  it('unwraps a single SNS record, including one carrying {url}', async () => {
    const out = await handler({ Records: [{ EventSource: 'aws:sns', Sns: { Message: JSON.stringify(payload) } }] });
    expect(await stored(out.url)).toEqual(payload);
    await local.put(BUCKET, 'cirrus/payloads/sns.json', payload);
    const out2 = await handler({ Records: [{ Sns: { Message: JSON.stringify({ url: `s3://${BUCKET}/cirrus/payloads/sns.json` }) } }] });
    expect(await stored(out2.url)).toEqual(payload);
  });

  it('refuses several records', async () => {
    const rec = { body: JSON.stringify(payload) };
    await expect(handler({ Records: [rec, rec] })).rejects.toThrow('expected exactly one record, got 2');
  });

  it('refuses a record body that is not JSON', async () => {
    await expect(handler({ Records: [{ body: 'not json' }] })).rejects.toThrow('SQS record body is not valid JSON');
  });

  it.each([
    ['an empty object', {}],
    ['null', null],
    ['undefined', undefined],
  ])('refuses an empty event (%s)', async (_label, event) => {
    await expect(handler(event)).rejects.toThrow('empty event');
  });

  it('refuses a payload without id', async () => {
    const { id: _id, ...noId } = payload;
    await expect(handler(noId)).rejects.toThrow('payload has no id');
    await expect(handler({ ...payload, id: '' })).rejects.toThrow('payload has no id');
  });

  it('refuses to run without CIRRUS_PAYLOAD_BUCKET', async () => {
    const h = createPreBatchHandler({ s3: local.s3, env: {} });
    await expect(h(payload)).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringContaining('CIRRUS_PAYLOAD_BUCKET is not set'),
    });
  });

  it('logs the payload id, never its content', async () => {
    await handler({ ...payload, secret: 'do-not-log' });
    const logged = logSpy.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toContain(payload.id);
    expect(logged).not.toContain('do-not-log');
    expect(logged).not.toContain('FeatureCollection');
  });
});

/**
 * The Lambdas under fault (issue 8): S3 throttling (503 SlowDown) and 5xx through a fault proxy
 * in front of s3rver, a missing object, a log stream that does not exist, log events with
 * invalid UTF-8, a cut-off response. Clients come from src/lambdas/clients.ts, so the retries
 * under test are the ones the Lambdas ship with. Each fault either heals within the retries or
 * ends in an error with a clear name and message that a caller can catch.
 */
import { createLogsClient, createS3Client, DEFAULT_MAX_ATTEMPTS, retryConfig } from '../../src/lambdas/clients';
import { createPostBatchHandler } from '../../src/lambdas/post-batch';
import { createPreBatchHandler } from '../../src/lambdas/pre-batch';
import { failFirst, logEvents, logsError, s3Error, startFaultServer, type Fault, type FaultServer } from './faults-servers';
import { BUCKET, startLocalS3, type LocalS3 } from './s3-server';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ENV = { CIRRUS_PAYLOAD_BUCKET: BUCKET };
const CREDENTIALS = { region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
const SLOW_DOWN: Fault = { status: 503, body: s3Error('SlowDown', 'Please reduce your request rate.') };
const INTERNAL: Fault = { status: 500, body: s3Error('InternalError', 'We encountered an internal error. Please try again.') };
const OUT_KEY = 'cirrus/tmp/batch/item-1/u1_out.json';
const isPut = (r: { method: string }) => r.method === 'PUT';
const isGet = (r: { method: string }) => r.method === 'GET';

let local: LocalS3;
let proxy: FaultServer;
let logsStub: FaultServer;
let logSpy: jest.SpyInstance;

beforeAll(async () => {
  local = await startLocalS3();
  proxy = await startFaultServer(local.endpoint);
  logsStub = await startFaultServer();
});
afterAll(async () => {
  await proxy.stop();
  await logsStub.stop();
  await local.stop();
});
beforeEach(() => {
  proxy.seen.length = 0;
  logsStub.seen.length = 0;
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => logSpy.mockRestore());

const s3Through = (env: Record<string, string> = {}) => createS3Client({ AWS_ENDPOINT_URL_S3: proxy.endpoint, ...env }, CREDENTIALS);
const logsThrough = () => createLogsClient({ AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logsStub.endpoint }, CREDENTIALS);

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { attempts?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('the retry configuration', () => {
  it('is standard mode with 5 attempts, unless the SDK variables say otherwise', () => {
    expect(retryConfig({})).toEqual({ maxAttempts: 5, retryMode: 'standard' });
    expect(retryConfig({ AWS_MAX_ATTEMPTS: '2', AWS_RETRY_MODE: 'adaptive' })).toEqual({ maxAttempts: 2, retryMode: 'adaptive' });
    expect(retryConfig({ AWS_MAX_ATTEMPTS: 'lots', AWS_RETRY_MODE: 'legacy' })).toEqual({ maxAttempts: 5, retryMode: 'standard' });
  });
});

describe('S3 throttling and 5xx', () => {
  it('pre-batch rides out two SlowDown answers: the payload is stored on the third attempt', async () => {
    proxy.plan = failFirst(2, SLOW_DOWN, isPut);
    const handler = createPreBatchHandler({ s3: s3Through(), env: ENV, uuid: () => 'slow' });
    const out = await handler({ id: 'item-1', process: [{}] });
    expect(out.url).toBe('s3://payloads/cirrus/tmp/batch/item-1/slow.json');
    expect(proxy.seen.filter(isPut)).toHaveLength(3);
    expect(await local.get(BUCKET, 'cirrus/tmp/batch/item-1/slow.json')).toEqual({ id: 'item-1', process: [{}] });
  });

  it('pre-batch throttled on every attempt ends in a SlowDown error after 5 attempts', async () => {
    proxy.plan = failFirst(Infinity, SLOW_DOWN, isPut);
    const handler = createPreBatchHandler({ s3: s3Through(), env: ENV, uuid: () => 'never' });
    const error = await rejection(handler({ id: 'item-1' }));
    expect(error.name).toBe('SlowDown');
    expect(error.message).toBe('Please reduce your request rate.');
    expect(error.$metadata?.attempts).toBe(DEFAULT_MAX_ATTEMPTS);
    expect(proxy.seen.filter(isPut)).toHaveLength(DEFAULT_MAX_ATTEMPTS);
  });

  it('post-batch rides out two 500s when reading the output', async () => {
    await local.put(BUCKET, OUT_KEY, { id: 'item-1', features: [] });
    proxy.plan = failFirst(2, INTERNAL, isGet);
    const handler = createPostBatchHandler({ s3: s3Through(), logs: logsThrough(), env: ENV });
    expect(await handler({ Parameters: { url_out: `s3://payloads/${OUT_KEY}` } })).toEqual({ id: 'item-1', features: [] });
    expect(proxy.seen.filter(isGet)).toHaveLength(3);
  });

  it('post-batch facing 500 on every attempt ends in a PayloadReadError naming the object', async () => {
    proxy.plan = failFirst(Infinity, INTERNAL, isGet);
    const handler = createPostBatchHandler({ s3: s3Through(), logs: logsThrough(), env: ENV });
    const error = await rejection(handler({ Parameters: { url_out: `s3://payloads/${OUT_KEY}` } }));
    expect(error.name).toBe('PayloadReadError');
    expect(error.message).toBe(`cannot read s3://payloads/${OUT_KEY}: InternalError: We encountered an internal error. Please try again.`);
    expect(proxy.seen.filter(isGet)).toHaveLength(DEFAULT_MAX_ATTEMPTS);
  });

  it('AWS_MAX_ATTEMPTS lowers the number of attempts', async () => {
    proxy.plan = failFirst(Infinity, INTERNAL, isGet);
    const handler = createPostBatchHandler({ s3: s3Through({ AWS_MAX_ATTEMPTS: '2' }), logs: logsThrough(), env: ENV });
    await expect(handler({ Parameters: { url_out: `s3://payloads/${OUT_KEY}` } })).rejects.toMatchObject({ name: 'PayloadReadError' });
    expect(proxy.seen.filter(isGet)).toHaveLength(2);
  });

  it('a body cut off mid-way ends in a PayloadReadError, not a crash or a half-read payload', async () => {
    proxy.plan = failFirst(Infinity, { truncate: '{"id": "item-1", "feat' }, isGet);
    const handler = createPostBatchHandler({ s3: s3Through(), logs: logsThrough(), env: ENV });
    const error = await rejection(handler({ Parameters: { url_out: `s3://payloads/${OUT_KEY}` } }));
    expect(error.name).toBe('PayloadReadError');
    expect(error.message).toMatch(new RegExp(`^cannot read s3://payloads/${OUT_KEY}: \\w+: .+`));
  });
});

describe('a missing object', () => {
  it('is a PayloadReadError saying NoSuchKey, and is not retried', async () => {
    proxy.plan = () => 'pass';
    const handler = createPostBatchHandler({ s3: s3Through(), logs: logsThrough(), env: ENV });
    const error = await rejection(handler({ Parameters: { url_out: 's3://payloads/cirrus/tmp/batch/nothing/here_out.json' } }));
    expect(error.name).toBe('PayloadReadError');
    expect(error.message).toBe('cannot read s3://payloads/cirrus/tmp/batch/nothing/here_out.json: NoSuchKey: The specified key does not exist.');
    expect(proxy.seen.filter(isGet)).toHaveLength(1);
  });
});

describe('CloudWatch Logs', () => {
  const STREAM = 'copy-assets/default/0123456789abcdef';
  const failedJob = {
    error: {
      Error: 'States.TaskFailed',
      Cause: JSON.stringify({ StatusReason: 'Essential container in task exited', Attempts: [{ Container: { LogStreamName: STREAM, ExitCode: 1 } }] }),
    },
  };
  const raised = async (): Promise<Error> => {
    const handler = createPostBatchHandler({ s3: s3Through(), logs: logsThrough(), env: ENV });
    return rejection(handler(failedJob));
  };

  it('a log stream that does not exist: the job reasons carry the error, and it is not retried', async () => {
    logsStub.plan = () => logsError(400, 'ResourceNotFoundException', 'The specified log stream does not exist.');
    const error = await raised();
    expect(error.name).toBe('UnknownError');
    expect(error.message).toBe(
      `StatusReason: Essential container in task exited (log stream ${STREAM} in /aws/batch/job could not be read: ResourceNotFoundException: The specified log stream does not exist.)`,
    );
    expect(logsStub.seen).toHaveLength(1);
  });

  it('throttled twice, then the last log line names the error', async () => {
    logsStub.plan = failFirst(2, logsError(400, 'ThrottlingException', 'Rate exceeded'), () => true);
    const next = logsStub.plan;
    logsStub.plan = (r, i) => {
      const fault = next(r, i);
      return fault === 'pass' ? logEvents('Traceback (most recent call last):', 'InvalidInput: bad scene') : fault;
    };
    const error = await raised();
    expect({ name: error.name, message: error.message }).toEqual({ name: 'InvalidInput', message: 'bad scene' });
    expect(logsStub.seen).toHaveLength(3);
  });

  it('a log line with invalid UTF-8 is decoded with replacement characters, never thrown on', async () => {
    logsStub.plan = () => logEvents(Buffer.from([...Buffer.from('Disk'), 0xff, ...Buffer.from('Error: no space left '), 0xc3]));
    const error = await raised();
    // U+FFFD breaks the error name: the whole line is the message of an UnknownError.
    expect({ name: error.name, message: error.message }).toEqual({ name: 'UnknownError', message: 'Disk\uFFFDError: no space left \uFFFD' });
  });

  it('a log line cut off mid-way still becomes the error, as far as it goes', async () => {
    logsStub.plan = () => logEvents('ValueError: the scene id must be a str');
    const error = await raised();
    expect({ name: error.name, message: error.message }).toEqual({ name: 'ValueError', message: 'the scene id must be a str' });
  });

  it('a response cut off mid-way: retried, then the job reasons carry the error with what went wrong', async () => {
    logsStub.plan = () => ({ truncate: '{"events":[{"timestamp":1,"message":"Val', contentType: 'application/x-amz-json-1.1' });
    const error = await raised();
    expect(error.name).toBe('UnknownError');
    expect(error.message).toMatch(new RegExp(`^StatusReason: Essential container in task exited \\(log stream ${STREAM} in /aws/batch/job could not be read: \\w+: .+\\)$`, 's'));
    expect(logsStub.seen.length).toBeGreaterThan(1);
  });
});

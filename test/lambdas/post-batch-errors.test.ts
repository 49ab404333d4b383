import { CloudWatchLogsClient, GetLogEventsCommand, ResourceNotFoundException } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createPostBatchHandler } from '../../src/lambdas/post-batch';
import { errorFromMessage } from '../../src/lambdas/batch-error';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/*
 * The failure path through the real SDK command stack, with the CloudWatch Logs transport
 * stubbed (there is no local CloudWatch Logs server). S3 is never touched on this path: the
 * S3 client here points at a closed port and would fail if called.
 */
const creds = { accessKeyId: 'x', secretAccessKey: 'x' };
const logs = new CloudWatchLogsClient({ region: 'us-east-1', credentials: creds });
const logsMock = mockClient(logs);
const s3 = new S3Client({ region: 'us-east-1', credentials: creds, endpoint: 'http://127.0.0.1:9', forcePathStyle: true });
const handler = createPostBatchHandler({ s3, logs, env: { CIRRUS_PAYLOAD_BUCKET: 'payloads' } });

const url = 's3://payloads/cirrus/tmp/batch/item-1/u1.json';
const STREAM = 'cirrus-copy-assets/default/8d0a2f3c9b5e4d7f8a1b2c3d4e5f6a7b';

/** A failed job as Step Functions puts it in `Cause` (DescribeJobs JSON, trimmed to realistic fields). */
function cause(overrides: Record<string, unknown> = {}) {
  return {
    JobArn: 'arn:aws:batch:us-west-2:123456789012:job/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    JobName: 'copy-assets',
    JobId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    JobQueue: 'arn:aws:batch:us-west-2:123456789012:job-queue/cirrus-default',
    Status: 'FAILED',
    StatusReason: 'Essential container in task exited',
    Attempts: [
      {
        Container: {
          ContainerInstanceArn: 'arn:aws:ecs:us-west-2:123456789012:container-instance/cirrus/abc',
          ExitCode: 1,
          LogStreamName: STREAM,
          NetworkInterfaces: [],
          TaskArn: 'arn:aws:ecs:us-west-2:123456789012:task/cirrus/def',
        },
        StartedAt: 1718000000000,
        StoppedAt: 1718000300000,
        StatusReason: 'Essential container in task exited',
      },
    ],
    Parameters: { url, url_out: url.replace('.json', '_out.json') },
    Container: {
      Image: '123456789012.dkr.ecr.us-west-2.amazonaws.com/cirrus-task:1.2.0',
      Command: ['run', 'copy-assets', 'Ref::url', '--output', 'Ref::url_out'],
      ExitCode: 1,
      LogStreamName: STREAM,
      LogConfiguration: { LogDriver: 'awslogs', Options: {}, SecretOptions: [] },
    },
    ...overrides,
  };
}

function failed(c: unknown) {
  return { url, url_out: url.replace('.json', '_out.json'), error: { Error: 'States.TaskFailed', Cause: typeof c === 'string' ? c : JSON.stringify(c) } };
}

function logLines(...messages: string[]) {
  logsMock.on(GetLogEventsCommand).resolves({
    events: messages.map((message, i) => ({ timestamp: 1718000000000 + i, message, ingestionTime: 1718000000500 + i })),
  });
}

let logSpy: jest.SpyInstance;
beforeEach(() => {
  logsMock.reset();
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => logSpy.mockRestore());
afterAll(() => {
  logsMock.restore();
  s3.destroy();
});

async function raised(event: unknown): Promise<Error> {
  try {
    await handler(event);
  } catch (err) {
    return err as Error;
  }
  throw new Error('post-batch did not raise');
}

describe('post-batch: the job\'s last log line becomes the error', () => {
  it('raises InvalidInput from the task\'s traceback, reading the newest events of the stream', async () => {
    logLines(
      'Traceback (most recent call last):',
      '  File "/app/task.py", line 42, in process',
      '    raise InvalidInput("bad scene")',
      'InvalidInput: bad scene',
      '',
    );
    const err = await raised(failed(cause()));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('InvalidInput');
    expect(err.message).toBe('bad scene');
    const calls = logsMock.commandCalls(GetLogEventsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toMatchObject({ logGroupName: '/aws/batch/job', logStreamName: STREAM, startFromHead: false });
  });

  it('keeps a dotted error name and defaults to UnknownError', async () => {
    logLines('botocore.exceptions.NoCredentialsError: Unable to locate credentials');
    expect(await raised(failed(cause()))).toMatchObject({ name: 'botocore.exceptions.NoCredentialsError', message: 'Unable to locate credentials' });
    logLines('Killed');
    expect(await raised(failed(cause()))).toMatchObject({ name: 'UnknownError', message: 'Killed' });
    expect(errorFromMessage('Task failed: out of memory')).toMatchObject({ name: 'UnknownError', message: 'Task failed: out of memory' });
  });

  it('reads the group from awslogs-group, then CIRRUS_BATCH_LOG_GROUP, then /aws/batch/job', async () => {
    logLines('InvalidInput: bad scene');
    const options = { 'awslogs-group': '/cirrus/batch/copy-assets', 'awslogs-region': 'us-west-2' };
    const withGroup = cause();
    withGroup.Container.LogConfiguration.Options = options;
    await raised(failed(withGroup));
    const envHandler = createPostBatchHandler({ s3, logs, env: { CIRRUS_PAYLOAD_BUCKET: 'payloads', CIRRUS_BATCH_LOG_GROUP: '/cirrus/batch' } });
    await expect(envHandler(failed(cause()))).rejects.toMatchObject({ name: 'InvalidInput' });
    await expect(envHandler(failed(withGroup))).rejects.toMatchObject({ name: 'InvalidInput' });
    const groups = logsMock.commandCalls(GetLogEventsCommand).map((c) => c.args[0].input.logGroupName);
    expect(groups).toEqual(['/cirrus/batch/copy-assets', '/cirrus/batch', '/cirrus/batch/copy-assets']);
  });
});

describe('post-batch: when the log cannot be used', () => {
  it('a DockerTimeoutError container failure: stream missing → StatusReason and container Reason', async () => {
    logsMock.on(GetLogEventsCommand).rejects(
      new ResourceNotFoundException({ message: 'The specified log stream does not exist.', $metadata: {} }),
    );
    const c = cause({ StatusReason: 'Task failed to start' });
    c.Attempts[0] = {
      Container: {
        ContainerInstanceArn: 'arn:aws:ecs:us-west-2:123456789012:container-instance/cirrus/abc',
        LogStreamName: STREAM,
        NetworkInterfaces: [],
        Reason: 'DockerTimeoutError: Could not transition to created; timed out after waiting 4m0s',
        TaskArn: 'arn:aws:ecs:us-west-2:123456789012:task/cirrus/def',
      } as never,
      StartedAt: 0,
      StoppedAt: 1718000300000,
      StatusReason: 'Task failed to start',
    };
    const err = await raised(failed(c));
    expect(err.name).toBe('DockerTimeoutError');
    expect(err.message).toBe(
      'StatusReason: Task failed to start; container Reason: DockerTimeoutError: Could not transition to created; timed out after waiting 4m0s ' +
        `(log stream ${STREAM} in /aws/batch/job could not be read: ResourceNotFoundException: The specified log stream does not exist.)`,
    );
  });

  it('an empty stream → StatusReason', async () => {
    logsMock.on(GetLogEventsCommand).resolves({ events: [] });
    const err = await raised(failed(cause()));
    expect(err.name).toBe('UnknownError');
    expect(err.message).toBe(`StatusReason: Essential container in task exited (log stream ${STREAM} in /aws/batch/job has no events)`);
  });

  it('a job that never started (no Attempts) → its StatusReason, without reading logs', async () => {
    const c = cause({ Attempts: [], StatusReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found' });
    delete (c as Record<string, unknown>).Container;
    const err = await raised(failed(c));
    expect(err.name).toBe('CannotPullContainerError');
    expect(err.message).toBe(
      'StatusReason: CannotPullContainerError: pull image manifest has been retried 5 time(s): not found (error.Cause.Attempts is empty (the job never started))',
    );
    const noAttempts = cause({ StatusReason: 'Job attempt duration exceeded timeout' });
    delete (noAttempts as Record<string, unknown>).Attempts;
    expect(await raised(failed(noAttempts))).toMatchObject({
      name: 'UnknownError',
      message: 'StatusReason: Job attempt duration exceeded timeout (error.Cause has no Attempts)',
    });
    expect(logsMock.commandCalls(GetLogEventsCommand)).toHaveLength(0);
  });
});

describe('post-batch: a Cause it cannot interpret says what is missing', () => {
  it('Cause not JSON', async () => {
    const err = await raised({ url, error: { Error: 'States.Timeout', Cause: 'Task timed out' } });
    expect(err).toMatchObject({ name: 'InvalidBatchCause', message: 'post-batch: error.Cause is not JSON (Error: States.Timeout)' });
  });

  it('no Cause at all, or an error that is not an object', async () => {
    expect(await raised({ url, error: { Error: 'States.Runtime' } })).toMatchObject({
      name: 'InvalidBatchCause',
      message: 'post-batch: error has no Cause (Error: States.Runtime)',
    });
    expect(await raised({ url, error: 'boom' })).toMatchObject({ name: 'InvalidBatchCause' });
    expect(await raised(failed('[1,2]'))).toMatchObject({ message: 'post-batch: error.Cause is not a JSON object' });
  });

  it.each([
    ['Attempts', (c: Record<string, unknown>) => delete c.Attempts, 'error.Cause has no Attempts'],
    ['Container', (c: Record<string, unknown>) => ((c.Attempts as unknown[])[0] = { StatusReason: undefined }), 'error.Cause.Attempts[-1] has no Container'],
    [
      'LogStreamName',
      (c: Record<string, unknown>) => delete ((c.Attempts as Record<string, Record<string, unknown>>[])[0]!.Container!.LogStreamName),
      'error.Cause.Attempts[-1].Container has no LogStreamName',
    ],
  ])('missing %s, with no reasons either', async (_piece, strip, what) => {
    const c = cause() as Record<string, unknown>;
    delete c.StatusReason;
    delete c.Container;
    (c.Attempts as Record<string, unknown>[])[0]!.StatusReason = undefined;
    strip(c);
    const err = await raised(failed(c));
    expect(err).not.toBeInstanceOf(TypeError);
    expect(err).toMatchObject({ name: 'InvalidBatchCause', message: `post-batch: ${what}, and the Cause has no StatusReason or container Reason` });
    expect(logsMock.commandCalls(GetLogEventsCommand)).toHaveLength(0);
  });

  it('missing LogStreamName with reasons: the reasons carry the error and the message names the gap', async () => {
    const c = cause();
    delete (c.Attempts[0]!.Container as Record<string, unknown>).LogStreamName;
    expect(await raised(failed(c))).toMatchObject({
      name: 'UnknownError',
      message: 'StatusReason: Essential container in task exited (error.Cause.Attempts[-1].Container has no LogStreamName)',
    });
  });

  it('logs the error name only', async () => {
    logLines('InvalidInput: bad scene');
    await raised(failed(cause()));
    const logged = logSpy.mock.calls.map((call) => String(call[0])).join('\n');
    expect(logged).toContain('InvalidInput');
    expect(logged).not.toContain('bad scene');
  });
});

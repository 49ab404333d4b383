/**
 * Turns the `error` that the Batch task's `Catch` put at `$.error` into the error the workflow
 * should see: the task's own last log line, parsed as `Name: message`, so `Catch`/`Retry` in
 * Step Functions can match what the job raised (Cirrus post-batch behaviour).
 *
 * Every gap in the Cause (not JSON, no Attempts, no Container, no LogStreamName, unreadable or
 * empty log) yields an error that says which piece is missing, never a TypeError. When the log
 * cannot be used, the job's StatusReason and the container's Reason are what AWS Batch knows,
 * so they carry the error (this covers jobs that never started, Cirrus issue #122).
 */
import { GetLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Env } from './payload-location';

/** Cirrus's pattern: an optional dotted error name before a colon, then the message. */
export const LOG_LINE_PATTERN = /^(?:([\.\w]+):)?\s*(.*)/;
export const DEFAULT_LOG_GROUP = '/aws/batch/job';
/** How many of the newest events to fetch: the last line may be blank (trailing newline of a traceback). */
const EVENTS_TO_READ = 10;

/** The error post-batch raises; its `name` becomes the Step Functions error name. */
export class BatchJobError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Error name for a Cause that cannot be interpreted at all. */
export const INVALID_CAUSE = 'InvalidBatchCause';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** `Name: message` → BatchJobError(Name, message); no name → `UnknownError`. */
export function errorFromMessage(line: string): BatchJobError {
  const m = LOG_LINE_PATTERN.exec(line.trim())!;
  return new BatchJobError(m[1] || 'UnknownError', m[2] ?? '');
}

/** What the Cause tells about where the job logged and why it stopped. */
export interface CauseInfo {
  logGroup: string;
  logStreamName?: string;
  statusReason?: string;
  containerReason?: string;
  /** Why no log stream can be read, when it cannot. */
  missing?: string;
}

export function parseCause(error: unknown, env: Env): CauseInfo {
  if (!isObject(error)) throw new BatchJobError(INVALID_CAUSE, 'post-batch: "error" is not an object with a Cause');
  let cause: unknown = error.Cause;
  if (cause === undefined) {
    const what = str(error.Error) ? ` (Error: ${str(error.Error)})` : '';
    throw new BatchJobError(INVALID_CAUSE, `post-batch: error has no Cause${what}`);
  }
  if (typeof cause === 'string') {
    try {
      cause = JSON.parse(cause);
    } catch {
      const what = str(error.Error) ? ` (Error: ${str(error.Error)})` : '';
      throw new BatchJobError(INVALID_CAUSE, `post-batch: error.Cause is not JSON${what}`);
    }
  }
  if (!isObject(cause)) throw new BatchJobError(INVALID_CAUSE, 'post-batch: error.Cause is not a JSON object');

  const jobContainer = isObject(cause.Container) ? cause.Container : undefined;
  const options = isObject(jobContainer?.LogConfiguration) && isObject(jobContainer.LogConfiguration.Options)
    ? jobContainer.LogConfiguration.Options
    : undefined;
  const info: CauseInfo = {
    logGroup: str(options?.['awslogs-group']) ?? str(env.CIRRUS_BATCH_LOG_GROUP) ?? DEFAULT_LOG_GROUP,
    statusReason: str(cause.StatusReason),
    containerReason: str(jobContainer?.Reason),
  };

  const attempts = cause.Attempts;
  if (!Array.isArray(attempts) || attempts.length === 0) {
    info.missing = Array.isArray(attempts) ? 'error.Cause.Attempts is empty (the job never started)' : 'error.Cause has no Attempts';
    return info;
  }
  const last = attempts[attempts.length - 1];
  const container = isObject(last) && isObject(last.Container) ? last.Container : undefined;
  if (!container) {
    info.missing = 'error.Cause.Attempts[-1] has no Container';
    return info;
  }
  // The attempt's own reasons are the most specific ones.
  info.statusReason = str(isObject(last) ? last.StatusReason : undefined) ?? info.statusReason;
  info.containerReason = str(container.Reason) ?? info.containerReason;
  info.logStreamName = str(container.LogStreamName);
  if (!info.logStreamName) info.missing = 'error.Cause.Attempts[-1].Container has no LogStreamName';
  return info;
}

/**
 * The error to raise when the log cannot be used: named after the container Reason (e.g.
 * `DockerTimeoutError: ...`) or else the StatusReason (e.g. `CannotPullContainerError: ...`),
 * with both reasons and what was missing in the message.
 */
export function errorFromReasons(info: CauseInfo, problem: string): BatchJobError {
  const reasons = [info.statusReason, info.containerReason].filter((r): r is string => r !== undefined);
  if (reasons.length === 0) return new BatchJobError(INVALID_CAUSE, `post-batch: ${problem}, and the Cause has no StatusReason or container Reason`);
  const named = reasons.map((r) => LOG_LINE_PATTERN.exec(r)!).find((m) => m[1]);
  const parts = [
    info.statusReason && `StatusReason: ${info.statusReason}`,
    info.containerReason && `container Reason: ${info.containerReason}`,
  ].filter(Boolean);
  return new BatchJobError(named?.[1] ?? 'UnknownError', `${parts.join('; ')} (${problem})`);
}

/** Reads the newest events of the stream; returns the last non-blank message, or undefined when none. */
async function lastLogMessage(logs: CloudWatchLogsClient, group: string, stream: string): Promise<string | undefined> {
  const res = await logs.send(
    new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: EVENTS_TO_READ, startFromHead: false }),
  );
  const messages = (res.events ?? []).map((e) => e.message ?? '').filter((m) => m.trim() !== '');
  return messages[messages.length - 1];
}

/** Builds the error to raise for a failed Batch job. Always resolves to an Error; never throws. */
export async function batchJobError(error: unknown, logs: CloudWatchLogsClient, env: Env): Promise<Error> {
  let info: CauseInfo;
  try {
    info = parseCause(error, env);
  } catch (err) {
    return err as Error;
  }
  if (info.missing || !info.logStreamName) return errorFromReasons(info, info.missing ?? 'no log stream');
  let message: string | undefined;
  try {
    message = await lastLogMessage(logs, info.logGroup, info.logStreamName);
  } catch (err) {
    const e = err as Error;
    return errorFromReasons(info, `log stream ${info.logStreamName} in ${info.logGroup} could not be read: ${e.name}: ${e.message}`);
  }
  if (message === undefined) return errorFromReasons(info, `log stream ${info.logStreamName} in ${info.logGroup} has no events`);
  return errorFromMessage(message);
}

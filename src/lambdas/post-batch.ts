/**
 * Reference post-batch Lambda: after the Batch job, either returns the payload the job wrote
 * to `url_out`, or raises the job's own error so the workflow's `Catch`/`Retry` can act on it.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { batchJobError } from './batch-error';
import { defaultLogsClient, defaultS3Client } from './clients';
import {
  oversizedPayloadKey,
  outUrl,
  payloadBucket,
  payloadRootPrefix,
  PayloadError,
  requireInBucket,
  s3Url,
  type Env,
} from './payload-location';
import { getJson, putJson } from './s3-payloads';

/**
 * Step Functions caps state data at 256 KiB; Cirrus keeps a wide margin and offloads above
 * 120,000 characters, measured on the escaped JSON (the payload serialised as a JSON string,
 * as it sits inside the execution history), which is the longer and therefore safe measure.
 */
export const MAX_INLINE_CHARS = 120_000;

export function escapedJsonLength(value: unknown): number {
  return JSON.stringify(JSON.stringify(value)).length;
}

export interface PostBatchDeps {
  s3: S3Client;
  logs: CloudWatchLogsClient;
  env?: Env;
  uuid?: () => string;
}

export type PostBatchHandler = (event: unknown) => Promise<unknown>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The output URL: `Parameters.url_out`, or for pre-0.10 workflows (no url_out) `url` with `_out.json`. */
export function outputUrl(event: Json): string {
  const params = isObject(event.Parameters) ? event.Parameters : undefined;
  if (!params) throw new PayloadError('post-batch: the Batch job result has no Parameters (is the Batch task reshaping its result?)');
  if (params.url_out !== undefined) {
    if (typeof params.url_out !== 'string') throw new PayloadError('post-batch: Parameters.url_out is not a string');
    return params.url_out;
  }
  if (typeof params.url === 'string') return outUrl(params.url);
  throw new PayloadError('post-batch: Parameters has neither url_out nor url');
}

export function createPostBatchHandler(deps: PostBatchDeps): PostBatchHandler {
  return async (event) => {
    const env = deps.env ?? process.env;
    if (!isObject(event) || Object.keys(event).length === 0) {
      throw new PayloadError('post-batch: empty event: expected the Batch job result, or an input with "error"');
    }
    if ('error' in event) {
      // Never returns normally: the job failed, and the workflow must see why.
      const err = await batchJobError(event.error, deps.logs, env);
      console.log(JSON.stringify({ msg: 'post-batch: batch job failed', error: err.name }));
      throw err;
    }

    const bucket = payloadBucket(env);
    const url = outputUrl(event);
    const payload = await getJson(deps.s3, requireInBucket(url, bucket, 'url_out'));
    const id = isObject(payload) ? payload.id : undefined;

    if (escapedJsonLength(payload) <= MAX_INLINE_CHARS) {
      console.log(JSON.stringify({ msg: 'post-batch: returning output payload', id }));
      return payload;
    }
    const loc = { bucket, key: oversizedPayloadKey(payloadRootPrefix(env), id, deps.uuid?.()) };
    await putJson(deps.s3, loc, payload);
    console.log(JSON.stringify({ msg: 'post-batch: output too large, offloaded', id, url: s3Url(loc) }));
    return { url: s3Url(loc) };
  };
}

let cached: PostBatchHandler | undefined;

/** The Lambda entry point; clients are created on first use and reused by the container. */
export const handler: PostBatchHandler = (event) =>
  (cached ??= createPostBatchHandler({ s3: defaultS3Client(), logs: defaultLogsClient() }))(event);

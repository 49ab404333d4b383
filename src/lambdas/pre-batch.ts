/**
 * Reference pre-batch Lambda: stores the workflow payload in S3 so the Batch job (which cannot
 * take it as input) can fetch it, and tells the job where to write its output.
 *
 * Returns `{url, url_out}`; the Batch task passes both as job parameters (DESIGN.md §1).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { defaultS3Client } from './clients';
import { unwrapEvent } from './event-input';
import {
  batchPayloadKey,
  outUrl,
  payloadBucket,
  payloadRootPrefix,
  PayloadError,
  requireInBucket,
  s3Url,
  type Env,
} from './payload-location';
import { getJson, putJson } from './s3-payloads';

export interface PreBatchOutput {
  url: string;
  url_out: string;
}

export interface PreBatchDeps {
  s3: S3Client;
  env?: Env;
  /** For deterministic tests; defaults to crypto.randomUUID. */
  uuid?: () => string;
}

export type PreBatchHandler = (event: unknown) => Promise<PreBatchOutput>;

export function createPreBatchHandler(deps: PreBatchDeps): PreBatchHandler {
  return async (event) => {
    const env = deps.env ?? process.env;
    // Configuration first: a missing bucket is a deployment error whatever the event holds.
    const bucket = payloadBucket(env);
    const prefix = payloadRootPrefix(env);

    let payload: Record<string, unknown> = unwrapEvent(event);
    if (typeof payload.url === 'string' && payload.id === undefined) {
      // `{url}`: the payload was already offloaded (e.g. too large for Step Functions).
      const loaded = await getJson(deps.s3, requireInBucket(payload.url, bucket, 'url'));
      if (typeof loaded !== 'object' || loaded === null || Array.isArray(loaded)) {
        throw new PayloadError(`${payload.url} does not hold a JSON object payload`);
      }
      payload = loaded as Record<string, unknown>;
    }

    const id = payload.id;
    if (typeof id !== 'string' || id === '') {
      throw new PayloadError('payload has no id: a Cirrus payload needs a non-empty string "id"');
    }

    const key = batchPayloadKey(prefix, id, deps.uuid?.());
    await putJson(deps.s3, { bucket, key }, payload);
    const url = s3Url({ bucket, key });
    // Only the id: payloads can carry signed URLs and other secrets.
    console.log(JSON.stringify({ msg: 'pre-batch: payload stored', id, url }));
    return { url, url_out: outUrl(url) };
  };
}

let cached: PreBatchHandler | undefined;

/** The Lambda entry point; the client is created on first use and reused by the container. */
export const handler: PreBatchHandler = (event) => (cached ??= createPreBatchHandler({ s3: defaultS3Client() }))(event);

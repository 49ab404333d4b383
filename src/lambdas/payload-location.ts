/**
 * Where Cirrus payloads live in S3, and the rules that keep the Lambdas inside the payload bucket.
 *
 * Pure functions of the environment and their arguments, so the handlers stay thin and these
 * rules can be tested without S3.
 */
import { randomUUID } from 'node:crypto';

export type Env = Record<string, string | undefined>;

/** A lambda-level error with a stable `name`, so Step Functions `Catch`/`Retry` can match it. */
export class PayloadError extends Error {
  constructor(message: string, name = 'InvalidPayload') {
    super(message);
    this.name = name;
  }
}

/** `$CIRRUS_PAYLOAD_BUCKET`; required: without it there is nowhere safe to read or write. */
export function payloadBucket(env: Env): string {
  const bucket = env.CIRRUS_PAYLOAD_BUCKET?.trim();
  if (!bucket) {
    throw new PayloadError('CIRRUS_PAYLOAD_BUCKET is not set: the Lambda needs the payload bucket name', 'ConfigurationError');
  }
  return bucket;
}

/** `${CIRRUS_PAYLOAD_ROOT_PREFIX:-cirrus}`: shell `:-` semantics, so an empty value means the default too. */
export function payloadRootPrefix(env: Env): string {
  const raw = env.CIRRUS_PAYLOAD_ROOT_PREFIX;
  const prefix = raw === undefined || raw === '' ? 'cirrus' : raw;
  // A trailing slash would produce `prefix//tmp`, which S3 treats as a different key.
  return prefix.replace(/\/+$/, '');
}

export interface S3Location {
  bucket: string;
  key: string;
}

export function s3Url(loc: S3Location): string {
  return `s3://${loc.bucket}/${loc.key}`;
}

/** Parses `s3://bucket/key`; anything else is a clear error rather than a failed request later. */
export function parseS3Url(url: unknown, what = 'url'): S3Location {
  if (typeof url !== 'string') {
    throw new PayloadError(`${what} must be an s3:// URL string, got ${url === undefined ? 'nothing' : typeof url}`);
  }
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!m) throw new PayloadError(`${what} is not an s3://bucket/key URL: ${url}`);
  return { bucket: m[1]!, key: m[2]! };
}

/**
 * Refuses any location outside the payload bucket. The Lambdas run with S3 rights on that
 * bucket only; checking here turns a confusing AccessDenied (or, with broader rights, a read
 * of someone else's data) into a clear error.
 */
export function requireInBucket(url: unknown, bucket: string, what = 'url'): S3Location {
  const loc = parseS3Url(url, what);
  if (loc.bucket !== bucket) {
    throw new PayloadError(
      `${what} ${String(url)} is outside the payload bucket ${bucket}: refusing to access it`,
      'ForeignBucketError',
    );
  }
  return loc;
}

/** `{prefix}/tmp/batch/{id}/{uuid}.json`, the layout Cirrus pre-batch uses. */
export function batchPayloadKey(prefix: string, id: string, uuid: string = randomUUID()): string {
  return `${prefix}/tmp/batch/${id}/${uuid}.json`;
}

/** Where post-batch puts an output too large for Step Functions. */
export function oversizedPayloadKey(prefix: string, id: unknown, uuid: string = randomUUID()): string {
  return typeof id === 'string' && id !== '' ? `${prefix}/tmp/oversized/${id}/${uuid}.json` : `${prefix}/tmp/oversized/${uuid}.json`;
}

/** Cirrus replaces every `.json` (Python `str.replace`), not just the suffix; so do we, to name the same object. */
export function outUrl(url: string): string {
  return url.split('.json').join('_out.json');
}

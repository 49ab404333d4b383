/**
 * AWS SDK v3 clients for the Lambdas, created once per container (module scope) because
 * client construction resolves credentials and config, which is too slow to repeat per event.
 */
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { CloudWatchLogsClient, type CloudWatchLogsClientConfig } from '@aws-sdk/client-cloudwatch-logs';
import type { Env } from './payload-location';

/**
 * Retries (issue 8). S3 answers a burst of requests on one prefix with `503 SlowDown`, and any
 * AWS service has the odd 500: the SDK retries both, with jittered exponential backoff.
 *
 * - `standard` mode, not `adaptive`: adaptive adds a client-side rate limiter that learns from
 *   throttling over many calls; a Lambda container makes one or two calls per event, so it
 *   never learns anything, and the SDK documents adaptive as experimental.
 * - 5 attempts (the SDK's default is 3): a Batch job's pre-/post-batch step failing on a
 *   transient error costs a whole workflow retry; the 4 jittered backoffs (at most
 *   0.1 + 0.2 + 0.4 + 0.8 s after 5xx, 0.5 + 1 + 2 + 4 s after throttling) fit easily in the
 *   Lambda's timeout.
 * - `AWS_MAX_ATTEMPTS` and `AWS_RETRY_MODE` (the SDK's own variables) still override both.
 *
 * Errors that retrying cannot fix (NoSuchKey, AccessDenied, ResourceNotFoundException) are
 * not retried: the SDK classifies them.
 */
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_RETRY_MODE = 'standard';

export function retryConfig(env: Env = process.env): { maxAttempts: number; retryMode: string } {
  const attempts = Number(env.AWS_MAX_ATTEMPTS);
  const mode = env.AWS_RETRY_MODE;
  return {
    maxAttempts: Number.isInteger(attempts) && attempts >= 1 ? attempts : DEFAULT_MAX_ATTEMPTS,
    retryMode: mode === 'standard' || mode === 'adaptive' ? mode : DEFAULT_RETRY_MODE,
  };
}

/**
 * S3 options from the standard endpoint variables. A custom endpoint (MinIO, LocalStack, a
 * test server on loopback) rarely resolves virtual-host bucket names, hence path style.
 */
export function s3ClientConfig(env: Env = process.env): { endpoint?: string; forcePathStyle?: boolean } {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL;
  return endpoint ? { endpoint, forcePathStyle: true } : {};
}

export function logsClientConfig(env: Env = process.env): { endpoint?: string } {
  const endpoint = env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS || env.AWS_ENDPOINT_URL;
  return endpoint ? { endpoint } : {};
}

/** An S3 client configured from `env` (endpoint, retries); `overrides` for tests (credentials, region). */
export function createS3Client(env: Env = process.env, overrides: S3ClientConfig = {}): S3Client {
  return new S3Client({ ...retryConfig(env), ...s3ClientConfig(env), ...overrides });
}

/** A CloudWatch Logs client configured from `env` (endpoint, retries). */
export function createLogsClient(env: Env = process.env, overrides: CloudWatchLogsClientConfig = {}): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ ...retryConfig(env), ...logsClientConfig(env), ...overrides });
}

let s3: S3Client | undefined;
let logs: CloudWatchLogsClient | undefined;

export function defaultS3Client(): S3Client {
  return (s3 ??= createS3Client());
}

export function defaultLogsClient(): CloudWatchLogsClient {
  return (logs ??= createLogsClient());
}

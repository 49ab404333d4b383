/**
 * AWS SDK v3 clients for the Lambdas, created once per container (module scope) because
 * client construction resolves credentials and config, which is too slow to repeat per event.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Env } from './payload-location';

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

let s3: S3Client | undefined;
let logs: CloudWatchLogsClient | undefined;

export function defaultS3Client(): S3Client {
  return (s3 ??= new S3Client(s3ClientConfig()));
}

export function defaultLogsClient(): CloudWatchLogsClient {
  return (logs ??= new CloudWatchLogsClient(logsClientConfig()));
}

/**
 * A real S3 protocol server (s3rver) on loopback for the Lambda tests: started on a free port
 * in a temp directory, stopped (connections included) so jest can exit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export const BUCKET = 'payloads';
export const OTHER_BUCKET = 'someone-elses';

export interface LocalS3 {
  endpoint: string;
  s3: S3Client;
  put(bucket: string, key: string, value: unknown): Promise<void>;
  get(bucket: string, key: string): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startLocalS3(): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'wf-lint-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const s3 = new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  for (const name of [BUCKET, OTHER_BUCKET]) await s3.send(new CreateBucketCommand({ Bucket: name }));
  return {
    endpoint,
    s3,
    async put(bucket, key, value) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(value) }));
    },
    async get(bucket, key) {
      const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return JSON.parse(await res.Body!.transformToString());
    },
    async stop() {
      s3.destroy();
      server.httpServer?.closeAllConnections?.();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

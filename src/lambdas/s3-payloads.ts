/** Reading and writing JSON payloads in S3. Payload content is never logged, only ids and keys. */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PayloadError, type S3Location } from './payload-location';

export async function getJson(s3: S3Client, loc: S3Location): Promise<unknown> {
  let text: string;
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: loc.bucket, Key: loc.key }));
    if (!res.Body) throw new Error('empty body');
    text = await res.Body.transformToString('utf-8');
  } catch (err) {
    const name = (err as Error).name || 'Error';
    throw new PayloadError(`cannot read s3://${loc.bucket}/${loc.key}: ${name}: ${(err as Error).message}`, 'PayloadReadError');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError(`s3://${loc.bucket}/${loc.key} is not valid JSON`);
  }
}

export async function putJson(s3: S3Client, loc: S3Location, value: unknown): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: loc.bucket,
      Key: loc.key,
      Body: JSON.stringify(value),
      ContentType: 'application/json',
    }),
  );
}

/** Writes one small object to S3 (a Redshift COPY manifest): what the executor does for Statement.writesObject. */

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client, endpointLabel } from './s3-client.js';
import { explainS3Error } from './s3-errors.js';
import type { S3Settings } from './s3-settings.js';
import { parseS3Url } from './s3-url.js';

/** Puts `body` at `location` (`s3://bucket/key`); failures are StoreErrors naming the object. */
export async function putS3Object(location: string, body: string, settings: S3Settings = {}): Promise<void> {
  const url = parseS3Url(location);
  const client = createS3Client(settings);
  try {
    await client.send(new PutObjectCommand({ Bucket: url.bucket, Key: url.key, Body: body, ContentLength: Buffer.byteLength(body), ContentType: 'application/json' }));
  } catch (error) {
    throw explainS3Error(error, url, location, endpointLabel(settings));
  } finally {
    client.destroy();
  }
}

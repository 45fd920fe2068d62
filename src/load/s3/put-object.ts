/** Writes one small object to S3 (a Redshift COPY manifest): what the executor does for Statement.writesObject. */

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { callS3 } from './s3-call.js';
import type { S3Settings } from './s3-settings.js';

/** Puts `body` at `location` (`s3://bucket/key`); failures are StoreErrors naming the object. */
export async function putS3Object(location: string, body: string, settings: S3Settings = {}): Promise<void> {
  await callS3(location, settings, (client, url) =>
    client.send(new PutObjectCommand({ Bucket: url.bucket, Key: url.key, Body: body, ContentLength: Buffer.byteLength(body), ContentType: 'application/json' })));
}

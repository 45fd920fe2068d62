/** Deletes one object from S3 (a Redshift COPY manifest once its load is over): what the executor does after Statement.writesObject. */

import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { callS3 } from './s3-call.js';
import type { S3Settings } from './s3-settings.js';

/** Deletes the object at `location` (`s3://bucket/key`); a missing key is no error (S3 answers 204); failures are StoreErrors naming the object. */
export async function deleteS3Object(location: string, settings: S3Settings = {}): Promise<void> {
  await callS3(location, settings, (client, url) => client.send(new DeleteObjectCommand({ Bucket: url.bucket, Key: url.key })));
}

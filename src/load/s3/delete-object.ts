/** Deletes one object from S3 (a Redshift COPY manifest once its load is over): what the executor does after Statement.writesObject. */

import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client, endpointLabel } from './s3-client.js';
import { explainS3Error } from './s3-errors.js';
import type { S3Settings } from './s3-settings.js';
import { parseS3Url } from './s3-url.js';

/** Deletes the object at `location` (`s3://bucket/key`); a missing key is no error (S3 answers 204); failures are StoreErrors naming the object. */
export async function deleteS3Object(location: string, settings: S3Settings = {}): Promise<void> {
  const url = parseS3Url(location);
  const client = createS3Client(settings);
  try {
    await client.send(new DeleteObjectCommand({ Bucket: url.bucket, Key: url.key }));
  } catch (error) {
    throw explainS3Error(error, url, location, endpointLabel(settings));
  } finally {
    client.destroy();
  }
}

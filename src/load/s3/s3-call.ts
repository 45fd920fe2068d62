/** One call to S3 about one object or prefix: a client for it, its failure explained, the client closed. */

import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client, endpointLabel } from './s3-client.js';
import { explainS3Error } from './s3-errors.js';
import type { S3Settings } from './s3-settings.js';
import { parseS3Url, type S3Url } from './s3-url.js';

/** Runs `work` on `location` (`s3://bucket/key`); its failures are StoreErrors naming the location. */
export async function callS3<T>(location: string, settings: S3Settings, work: (client: S3Client, url: S3Url) => Promise<T>): Promise<T> {
  const url = parseS3Url(location);
  const client = createS3Client(settings);
  try {
    return await work(client, url);
  } catch (error) {
    throw explainS3Error(error, url, location, endpointLabel(settings));
  } finally {
    client.destroy();
  }
}

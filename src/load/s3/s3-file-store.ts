/** FileStore on S3: a location is a bucket and key prefix, listed with ListObjectsV2 and read with GetObject. */

import type { S3Settings } from './s3-settings.js';
import type { S3Client } from '@aws-sdk/client-s3';
import type { FileStore, SourceFile } from '../file-store.js';
import { listObjects } from './list-objects.js';
import { objectStream, objectText } from './object-stream.js';
import { createS3Client, endpointLabel } from './s3-client.js';
import { explainS3Error } from './s3-errors.js';
import { formatS3Url, parseS3Url, type S3Url } from './s3-url.js';

/** Tuning for tests. */
export interface S3StoreOptions {
  /** Keys per listing page (default: the server's, 1000). */
  pageSize?: number;
}

/** S3 files, through a client made on first use with the target's settings. */
export function s3FileStore(settings: S3Settings = {}, options: S3StoreOptions = {}): FileStore {
  let client: S3Client | undefined;
  const connect = () => (client ??= createS3Client(settings));
  const explainer = (url: S3Url, what: string) => (error: unknown) => explainS3Error(error, url, what, endpointLabel(settings));
  return {
    async listFiles(location, limit) {
      const url = parseS3Url(location);
      const objects = await listObjects(connect(), url, { pageSize: options.pageSize, limit }).catch((error: unknown) => {
        throw explainer(url, location)(error);
      });
      return objects.map((object): SourceFile => {
        const name = formatS3Url({ bucket: url.bucket, key: object.key });
        return { path: name, display: name, size: object.size, version: object.etag };
      });
    },
    openFile(file, readBytes) {
      const url = parseS3Url(file.path);
      return objectStream(connect(), url, readBytes, explainer(url, file.display));
    },
    async readFile(location) {
      const url = parseS3Url(location);
      return objectText(connect(), url, explainer(url, location));
    },
    close() {
      client?.destroy();
      client = undefined;
    },
  };
}

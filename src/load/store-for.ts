/** Picks the file store by location: `s3://` URLs go to S3, everything else to the local disk. */

import type { FileStore } from './file-store.js';
import { localFileStore } from './local-files.js';
import { s3FileStore } from './s3/s3-file-store.js';
import { isS3Url } from './s3/s3-url.js';
import type { LoadOptions } from './types.js';

/**
 * One store for a table's locations: its data and its JSONPaths file may live in different places
 * (Redshift reads both from S3; tests mix them). The S3 client is made only when an s3:// location is used.
 */
export function fileStoreFor(options: Pick<LoadOptions, 'root' | 's3' | 'listPageSize'>): FileStore {
  const local = localFileStore(options.root);
  let s3: FileStore | undefined;
  const storeOf = (location: string) => (isS3Url(location) ? (s3 ??= s3FileStore(options.s3, { pageSize: options.listPageSize })) : local);
  return {
    listFiles: (location, limit) => storeOf(location).listFiles(location, limit),
    openFile: (file, readBytes) => storeOf(file.path).openFile(file, readBytes),
    readFile: (location) => storeOf(location).readFile(location),
    close() {
      s3?.close();
      local.close();
    },
  };
}

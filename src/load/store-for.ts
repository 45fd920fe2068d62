/** Picks the file store by location: `s3://` URLs go to S3, everything else to the local disk. */

import type { FileStore } from './file-store.js';
import { localFileStore } from './local-files.js';
import { isS3Url } from './s3/s3-url.js';
import type { LoadOptions } from './types.js';

/**
 * One store for a table's locations: its data and its JSONPaths file may live in different places
 * (Redshift reads both from S3; tests mix them). The S3 store, and with it @aws-sdk/client-s3
 * (~0.13 s to import), is loaded only when an s3:// location is listed or read, so local builds
 * and every other command start without it.
 */
export function fileStoreFor(options: Pick<LoadOptions, 'root' | 's3' | 'listPageSize'>): FileStore {
  const local = localFileStore(options.root);
  let loading: Promise<FileStore> | undefined;
  let s3: FileStore | undefined;
  const loadS3 = () => (loading ??= import('./s3/s3-file-store.js').then((m) => (s3 = m.s3FileStore(options.s3, { pageSize: options.listPageSize }))));
  return {
    listFiles: async (location, limit) => (isS3Url(location) ? (await loadS3()) : local).listFiles(location, limit),
    openFile: (file, readBytes) => (isS3Url(file.path) ? listedS3(s3, file.path) : local).openFile(file, readBytes),
    readSync: (file) => (isS3Url(file.path) ? undefined : local.readSync?.(file)),
    prepare: async (files) => {
      if (files.some((file) => isS3Url(file.path))) await loadS3();
    },
    readFile: async (location) => (isS3Url(location) ? (await loadS3()) : local).readFile(location),
    close() {
      s3?.close();
      local.close();
    },
  };
}

/** openFile is synchronous: an S3 file comes from listFiles, which loaded the store. */
function listedS3(s3: FileStore | undefined, path: string): FileStore {
  if (!s3) throw new Error(`${path} was opened before any s3:// location was listed`);
  return s3;
}

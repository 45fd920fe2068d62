/**
 * A FileReader for files already listed, without the listing code (fast-glob cost a worker thread
 * ~0.1 s to import): local files are opened directly; the S3 store is loaded only when some of the
 * files are on S3.
 */

import { createReadStream } from 'node:fs';
import type { FileReader, SourceFile } from './file-store.js';
import { isS3Url } from './s3/s3-url.js';
import { readSmallFile } from './small-file.js';
import type { LoadOptions } from './types.js';

/** A reader for `files`; resolves once the S3 store is loaded, if any file needs it. */
export async function fileReaderFor(options: Pick<LoadOptions, 's3'>, files: readonly SourceFile[]): Promise<FileReader> {
  const s3 = files.some((file) => isS3Url(file.path)) ? (await import('./s3/s3-file-store.js')).s3FileStore(options.s3) : undefined;
  return {
    openFile: (file, readBytes) => (isS3Url(file.path) ? s3!.openFile(file, readBytes) : createReadStream(file.path, { highWaterMark: readBytes })),
    readSync: (file) => (isS3Url(file.path) ? undefined : readSmallFile(file.path, file.size)),
    close: () => s3?.close(),
  };
}

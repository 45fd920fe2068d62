/** The seam between the loader and where files live: the local disk now, S3 later. */

import type { Readable } from 'node:stream';

/** One file to load. */
export interface SourceFile {
  /** What `open` needs: an absolute path (or, later, an s3:// URL). */
  path: string;
  /** How messages name it: as the user wrote the location (project-relative or absolute). */
  display: string;
  size: number;
}

/** Lists and opens source files. */
export interface FileStore {
  /** The files a location (folder, file or glob) holds, sorted by display path; empty when none. */
  listFiles(location: string): Promise<SourceFile[]>;
  /** Streams one file's bytes in reads of about `readBytes`. */
  openFile(file: SourceFile, readBytes: number): Readable;
}

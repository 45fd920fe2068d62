/** The seam between the loader and where files live: the local disk or S3. */

import type { Readable } from 'node:stream';

/** One file to load. */
export interface SourceFile {
  /** What `open` needs: an absolute path or an `s3://bucket/key` URL. */
  path: string;
  /** How messages name it: as the user wrote the location (project-relative or absolute), or the s3:// URL. */
  display: string;
  size: number;
  /** What changes when the file does: a local file's modification time (ms), an S3 object's ETag. */
  version?: string;
}

/** Reads files already listed: all the table reader needs (a worker thread has nothing else). */
export type FileReader = Pick<FileStore, 'openFile' | 'readSync' | 'close'>;

/** Lists and opens source files. Failures it can explain are StoreErrors. */
export interface FileStore {
  /**
   * The files a location (folder, file, glob or S3 key prefix) holds, sorted; empty when none.
   * With `limit`, listing may stop once that many are known (S3 lists no further page).
   */
  listFiles(location: string, limit?: number): Promise<SourceFile[]>;
  /** Streams one file's bytes in reads of about `readBytes`. */
  openFile(file: SourceFile, readBytes: number): Readable;
  /** Reads a small local file whole, synchronously (a few system calls, no stream); undefined for a remote one. */
  readSync?(file: SourceFile): Buffer | undefined;
  /** Reads one small file whole (a JSONPaths file); the location names exactly that file. */
  readFile(location: string): Promise<string>;
  /** Makes ready to open files listed elsewhere (before planning: the load ledger's new files). */
  prepare?(files: readonly SourceFile[]): Promise<void>;
  /** Releases connections; the store stays usable (it reconnects). */
  close(): void;
}

/**
 * The files of a load in order, read ahead: small files are read whole (synchronously where the
 * store allows, which for thousands of one-record files costs a fraction of a stream per file),
 * and several small remote ones are fetched at once, so per-file latency overlaps.
 */

import { SparkifyError } from '../diagnostics.js';
import { LoadErrors } from './error-codes.js';
import type { FileReader, SourceFile } from './file-store.js';
import { isS3Url } from './s3/s3-url.js';
import { StoreError } from './store-error.js';

/** What one file holds: its bytes already, or them to come. */
export type FileContent = Buffer | Promise<Buffer> | AsyncIterable<Buffer>;

/** How many files may be fetched ahead of the one being read. */
const AHEAD = 8;

/** Hands out file contents in order; `content(k)` starts fetching the next few files. */
export class FileQueue {
  private readonly fetching = new Map<number, Promise<Buffer>>();
  // Only remote files are fetched ahead: without any, content() skips the look ahead.
  private readonly anyRemote: boolean;

  constructor(
    private readonly store: FileReader,
    private readonly files: readonly SourceFile[],
    private readonly readBytes: number,
    private readonly node: string,
  ) {
    this.anyRemote = files.some((file) => isS3Url(file.path));
  }

  /** The content of file `k`; read failures are SparkifyErrors (SPK304) at the file, or the store's. */
  content(k: number): FileContent {
    if (this.anyRemote) for (let next = k + 1; next <= k + AHEAD && next < this.files.length; next++) this.fetchAhead(next);
    const file = this.files[k];
    const fetched = this.fetching.get(k);
    if (fetched) {
      this.fetching.delete(k);
      return fetched;
    }
    const whole = this.small(file) ? this.guard(file, () => this.store.readSync?.(file)) : undefined;
    return whole ?? this.stream(file);
  }

  /** Drops what was fetched ahead (a load that stopped early). */
  close(): void {
    for (const fetched of this.fetching.values()) fetched.catch(() => undefined);
    this.fetching.clear();
  }

  private small(file: SourceFile): boolean {
    return file.size <= this.readBytes;
  }

  private fetchAhead(k: number): void {
    const file = this.files[k];
    // Local files are read when their turn comes (synchronously, when small); remote ones ahead.
    if (this.fetching.has(k) || !this.small(file) || !isS3Url(file.path)) return;
    const whole = (async () => {
      const pieces: Buffer[] = [];
      for await (const piece of this.stream(file)) pieces.push(piece);
      return Buffer.concat(pieces);
    })();
    whole.catch(() => undefined); // reported when its turn comes, not as an unhandled rejection
    this.fetching.set(k, whole);
  }

  private async *stream(file: SourceFile): AsyncGenerator<Buffer> {
    try {
      for await (const piece of this.store.openFile(file, this.readBytes)) yield piece as Buffer;
    } catch (error) {
      throw this.explain(error, file);
    }
  }

  private guard<T>(file: SourceFile, read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw this.explain(error, file);
    }
  }

  /** A local file that cannot be read is SPK304 at the file; a store's own errors pass through. */
  private explain(error: unknown, file: SourceFile): unknown {
    const errno = (error as NodeJS.ErrnoException).code;
    if (error instanceof StoreError || error instanceof SparkifyError || typeof errno !== 'string') return error;
    return new SparkifyError({
      code: LoadErrors.unreadable,
      message: `cannot read ${file.display} (${errno}: ${(error as Error).message})`,
      location: { file: file.display },
      node: this.node,
      hint: errno === 'ENOENT' ? 'the file was removed while the load ran; run the build again' : 'check that the file is readable by this user',
    }, 1);
  }
}

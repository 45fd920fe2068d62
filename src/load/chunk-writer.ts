/** Gathers COPY rows into Buffers of roughly the requested size. */

/**
 * Copies each row into a Buffer as it arrives, so rows (and the parsed records they came from) die
 * young instead of piling up as strings until a chunk is joined: that kept the GC busy.
 */
export class ChunkWriter {
  private buffer: Buffer;
  private used = 0;
  private ready: Buffer[] = [];
  // The size the current chunk aims at: small at first, doubling up to chunkBytes.
  private target: number;

  /**
   * Chunks start at `firstBytes` and double up to `chunkBytes`: the database gets its first rows
   * while the rest is still being parsed (with 4 MiB chunks it waited for a fifth of an x100 load),
   * while later chunks are big, since each COPY statement costs PGlite ~20 ms of its own.
   */
  constructor(
    private readonly chunkBytes: number,
    firstBytes = chunkBytes,
  ) {
    this.target = Math.min(firstBytes, chunkBytes);
    this.buffer = Buffer.allocUnsafe(this.target);
  }

  /** Adds one row (ending in a newline). */
  add(row: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit; measure exactly only when that may not fit.
    if (this.used + row.length * 3 > this.buffer.length && this.used + Buffer.byteLength(row) > this.buffer.length) {
      this.finish();
      if (Buffer.byteLength(row) > this.buffer.length) this.buffer = Buffer.allocUnsafe(Buffer.byteLength(row));
    }
    this.used += this.buffer.write(row, this.used, 'utf8');
    if (this.used >= this.target) this.finish();
  }

  /** Adds one row (ending in a newline) already written as bytes: the first `length` of `row`. */
  addBytes(row: Buffer, length: number): void {
    if (this.used + length > this.buffer.length) {
      this.finish();
      if (length > this.buffer.length) this.buffer = Buffer.allocUnsafe(length);
    }
    this.used += row.copy(this.buffer, this.used, 0, length);
    if (this.used >= this.target) this.finish();
  }

  /** True when take() has chunks to hand over. */
  hasReady(): boolean {
    return this.ready.length > 0;
  }

  /** The chunks completed so far (each about chunkBytes), handed over once. */
  take(): Buffer[] {
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** Completes the pending chunk, if any, and hands over everything left. */
  flush(): Buffer[] {
    this.finish();
    return this.take();
  }

  private finish(): void {
    if (this.used === 0) return;
    this.ready.push(this.buffer.subarray(0, this.used));
    this.target = Math.min(this.target * 2, this.chunkBytes);
    this.buffer = Buffer.allocUnsafe(this.target);
    this.used = 0;
  }
}

/** Gathers COPY rows into Buffers of roughly the requested size. */

/**
 * Copies each row into a Buffer as it arrives, so rows (and the parsed records they came from) die
 * young instead of piling up as strings until a chunk is joined: that kept the GC busy.
 */
export class ChunkWriter {
  private buffer: Buffer;
  private used = 0;
  private ready: Buffer[] = [];

  constructor(private readonly chunkBytes: number) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Adds one row (ending in a newline). */
  add(row: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit; measure exactly only when that may not fit.
    if (this.used + row.length * 3 > this.buffer.length && this.used + Buffer.byteLength(row) > this.buffer.length) {
      this.finish();
      if (Buffer.byteLength(row) > this.buffer.length) this.buffer = Buffer.allocUnsafe(Buffer.byteLength(row));
    }
    this.used += this.buffer.write(row, this.used, 'utf8');
    if (this.used >= this.chunkBytes) this.finish();
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
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.used = 0;
  }
}

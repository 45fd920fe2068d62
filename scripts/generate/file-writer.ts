/** A small synchronous buffered writer: output streams to disk in chunks, whatever the scale. */
import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK_BYTES = 1 << 16;

/** Writes text to one file through a 64 KiB buffer and counts the bytes. */
export class FileWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    // writeSync may write less than asked; loop until the chunk is out.
    for (let offset = 0; offset < data.length; ) offset += writeSync(this.fd, data, offset);
    this.bytes += data.length;
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Flushes and closes; returns the bytes written. */
  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.bytes;
  }
}

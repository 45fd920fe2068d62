/**
 * Splits a file's bytes into lines and offers each to the byte path (flat-records.ts); a line it
 * declines, and every line while the text path is inside a record, goes to the text path (the
 * UTF-8 decoder, then line-feeder.ts) in order, so rows and rejections keep the file's order and
 * line numbers.
 */

import type { FlatRecords } from './flat-records.js';
import { MAX_RECORD_CHARS } from './limits.js';
import type { LineFeeder } from './line-feeder.js';
import type { Utf8Decoder } from './utf8-decoder.js';

const NEWLINE = 10;
/**
 * Lines in a row the byte path may decline before the rest of the piece goes to the text path
 * whole: a file it cannot read (pretty-printed, nested) costs a few attempts per piece, not one
 * per line.
 */
const DECLINES_IN_A_ROW = 8;

/** One file's bytes, pushed in order, then `end`. */
export class ByteLines {
  // The start of a line cut by the end of the last piece.
  private carry: Buffer | undefined;
  private declines = 0;

  constructor(
    private readonly flat: FlatRecords,
    private readonly feeder: LineFeeder,
    private readonly decoder: Utf8Decoder,
  ) {}

  /** Takes the next piece of the file. */
  push(bytes: Buffer): void {
    let i = 0;
    if (this.carry) {
      const newline = bytes.indexOf(NEWLINE);
      if (newline === -1) return this.hold(Buffer.concat([this.carry, bytes]));
      const line = Buffer.concat([this.carry, bytes.subarray(0, newline + 1)]);
      this.carry = undefined;
      this.line(line, 0, line.length);
      i = newline + 1;
    }
    this.declines = 0;
    while (i < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, i);
      if (newline === -1) return this.hold(Buffer.from(bytes.subarray(i)));
      if (this.declines >= DECLINES_IN_A_ROW) return this.text(bytes.subarray(i));
      this.line(bytes, i, newline + 1);
      i = newline + 1;
    }
  }

  /** Ends the file: the last line may lack its newline. */
  end(): void {
    const last = this.carry;
    this.carry = undefined;
    if (last && !this.taken(last, 0, last.length)) this.text(last);
    this.flat.flushRows();
    this.feeder.push(this.decoder.end());
    this.feeder.end();
  }

  /** A whole line, `bytes[start, end)` with its newline. */
  private line(bytes: Buffer, start: number, end: number): void {
    if (this.taken(bytes, start, end - 1)) {
      this.feeder.skipLine();
      this.declines = 0;
    } else {
      this.declines++;
      this.text(bytes.subarray(start, end));
    }
  }

  private taken(bytes: Buffer, start: number, end: number): boolean {
    if (!this.feeder.atLineStart() || !this.flat.take(bytes, start, end, this.feeder.lineNumber)) return false;
    this.decoder.started();
    return true;
  }

  /** Keeps the start of a line; one too long for the byte path goes to the text path as it comes. */
  private hold(bytes: Buffer): void {
    if (bytes.length > MAX_RECORD_CHARS) this.text(bytes);
    else this.carry = bytes;
  }

  private text(bytes: Buffer): void {
    // The byte path's rows so far come first.
    this.flat.flushRows();
    this.feeder.push(this.decoder.write(bytes));
  }
}

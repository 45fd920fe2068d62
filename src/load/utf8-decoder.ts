/**
 * Strict UTF-8 decoding that keeps invalid bytes visible. Node's decoders turn them into U+FFFD,
 * indistinguishable from a real U+FFFD in the data; here each invalid byte b becomes the lone
 * surrogate U+DC00+b (as Python's `surrogateescape` does). Well-formed UTF-8 never decodes to a
 * surrogate, so a lone surrogate in decoded text always marks a byte that was not UTF-8.
 */

import { isUtf8 } from 'node:buffer';

/** First and last marker: invalid bytes are always 0x80–0xFF (ASCII bytes are valid UTF-8). */
export const MARKER_FIRST = 0xdc80;
export const MARKER_LAST = 0xdcff;

/** The byte a marker character stands for. */
export function markedByte(code: number): number {
  return code - 0xdc00;
}

/** Incremental decoder: `write` each chunk of bytes in order, then `end`. Drops a leading BOM. */
export class Utf8Decoder {
  // The start of a sequence cut by the chunk boundary (at most 3 bytes), kept for the next chunk.
  private pending: Buffer | undefined;
  private atStart = true;

  /** The text of `bytes`, up to the last complete character. */
  write(bytes: Buffer): string {
    const input = this.pending ? Buffer.concat([this.pending, bytes]) : bytes;
    const end = completeEnd(input);
    this.pending = end < input.length ? Buffer.from(input.subarray(end)) : undefined;
    return this.dropBom(decode(input.subarray(0, end)));
  }

  /** What is left at end of input: an unfinished sequence is invalid, byte by byte. */
  end(): string {
    const rest = this.pending ? decode(this.pending) : '';
    this.pending = undefined;
    return this.dropBom(rest);
  }

  /** Notes that the text has started without this decoder (the byte path took the first line): no BOM to drop later. */
  started(): void {
    this.atStart = false;
  }

  private dropBom(text: string): string {
    if (!this.atStart || text.length === 0) return text;
    this.atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Decodes bytes, each invalid one as its marker. */
function decode(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let text = '';
  let run = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += bytes.toString('utf8', run, i) + String.fromCharCode(0xdc00 + bytes[i]);
    run = ++i;
  }
  return text + bytes.toString('utf8', run, bytes.length);
}

/**
 * Where the bytes stop being decodable now: before a lead byte whose sequence runs past the end.
 * Looks back at most 3 bytes, since no sequence is longer than 4.
 */
function completeEnd(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const lead = bytes[n - back];
    if (lead < 0x80) return n; // ASCII: nothing after it can be an unfinished sequence
    if (lead >= 0xc0) return leadLength(lead) > back ? n - back : n;
  }
  return n;
}

/** How many bytes a sequence with this lead byte has; 0 when it cannot lead one. */
function leadLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Length of the well-formed sequence at `i`, or 0 when the byte there starts none: the table of
 * well-formed byte sequences of the Unicode Standard, chapter 3 (table 3-7), which rules out
 * overlong forms (C0 AF), surrogates (ED A0 80) and code points past U+10FFFF.
 */
function sequenceLength(bytes: Buffer, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  const length = leadLength(lead);
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1];
  const [low, high] = secondByteRange(lead);
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return length;
}

function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

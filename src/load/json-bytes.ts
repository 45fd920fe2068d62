/**
 * Reading JSON from bytes, a piece at a time, for the byte path (flat-records.ts): where
 * whitespace, numbers, literals and escapes end, and what each byte inside a string is. Each
 * function checks the JSON grammar strictly: what it accepts, JSON.parse accepts.
 */

const TAB = 9;
const RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const BACKSLASH = 92;

// What a byte inside a JSON string is: one table lookup per byte instead of four comparisons.
export const PLAIN = 0;
export const END = 1;
export const ESCAPE = 2;
export const CONTROL = 3;
export const WIDE = 4;
export const IN_STRING = new Uint8Array(256).map((_, c) => (c === QUOTE ? END : c === BACKSLASH ? ESCAPE : c < SPACE ? CONTROL : c >= 0x80 ? WIDE : PLAIN));

/** The first index at or after `i` that is not JSON whitespace (newlines are not in a line). */
export function skipSpace(bytes: Buffer, i: number, end: number): number {
  while (i < end) {
    const c = bytes[i];
    if (c !== SPACE && c !== TAB && c !== RETURN) break;
    i++;
  }
  return i;
}

/**
 * Length of the JSON escape at `j` (a backslash) that the byte path reads: 2, or 6 for `\uXXXX`;
 * 0 for anything else, including half a surrogate pair (which the text path checks and reports)
 * and a pair (which it leaves to the text path too).
 */
export function escapeLength(bytes: Buffer, j: number, end: number): number {
  if (j + 1 >= end) return 0;
  switch (bytes[j + 1]) {
    case QUOTE: case BACKSLASH: case SLASH:
    case 0x62: case 0x66: case 0x6e: case 0x72: case 0x74: // b f n r t
      return 2;
    case 0x75: { // u
      if (j + 6 > end) return 0;
      const code = hexCode(bytes, j + 2);
      return code < 0 || (code >= 0xd800 && code <= 0xdfff) ? 0 : 6;
    }
    default:
      return 0;
  }
}

/** The UTF-16 unit of the four hex digits at `at`, or -1. */
export function hexCode(bytes: Buffer, at: number): number {
  let code = 0;
  for (let k = at; k < at + 4; k++) {
    const c = bytes[k];
    const digit = c >= ZERO && c <= NINE ? c - ZERO : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (digit < 0) return -1;
    code = code * 16 + digit;
  }
  return code;
}

/** Where the JSON number at `i` ends, or -1 when the text there is not one. */
export function numberEnd(bytes: Buffer, i: number, end: number): number {
  if (bytes[i] === MINUS) i++;
  if (i >= end) return -1;
  if (bytes[i] === ZERO) i++;
  else if (bytes[i] >= 0x31 && bytes[i] <= NINE) i = digits(bytes, i, end);
  else return -1;
  if (i < end && bytes[i] === DOT) {
    const after = digits(bytes, i + 1, end);
    if (after === i + 1) return -1;
    i = after;
  }
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) { // e E
    i++;
    if (i < end && (bytes[i] === 0x2b || bytes[i] === MINUS)) i++;
    const after = digits(bytes, i, end);
    if (after === i) return -1;
    i = after;
  }
  return i;
}

export function digits(bytes: Buffer, i: number, end: number): number {
  while (i < end && bytes[i] >= ZERO && bytes[i] <= NINE) i++;
  return i;
}

/** True when `bytes` spell the ASCII `literal` at `i`. */
export function word(bytes: Buffer, i: number, end: number, literal: string): boolean {
  if (i + literal.length > end) return false;
  for (let k = 0; k < literal.length; k++) if (bytes[i + k] !== literal.charCodeAt(k)) return false;
  return true;
}

/**
 * Invalid characters in a record's text: bytes that were not UTF-8 (the decoder's markers, see
 * utf8-decoder.ts) and `\uD800`-style JSON escapes of half a surrogate pair. Either would reach
 * the table as U+FFFD; Redshift's COPY refuses both unless ACCEPTINVCHARS is given
 * (https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-conversion.html, and
 * multi-byte-character-load-errors.html: surrogate code points are invalid, error 5).
 */

import { MARKER_FIRST, MARKER_LAST, markedByte } from './utf8-decoder.js';

// Only a `\u` escape of D800–DFFF can be half a pair; cheap to rule out before walking escapes.
const SURROGATE_ESCAPE = /\\u[dD][89abAB]/;

/** The first invalid character of a text: where, how many text units, and what it is. */
export interface InvalidChar {
  offset: number;
  length: number;
  message: string;
}

/** True when the text holds no lone surrogate: String.prototype.isWellFormed (ES2024; Node 20 has it). */
export function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** True when the text holds an invalid byte or a lone surrogate escape (fast: native checks first). */
export function hasInvalidChars(text: string): boolean {
  if (!isWellFormed(text)) return true;
  return text.indexOf('\\u') !== -1 && SURROGATE_ESCAPE.test(text) && nextLoneEscape(text, 0) !== -1;
}

/** The first invalid character, or undefined. */
export function firstInvalidChar(text: string): InvalidChar | undefined {
  const marker = nextMarker(text, 0);
  const escape = nextLoneEscape(text, 0);
  if (marker === -1 && escape === -1) return undefined;
  if (escape === -1 || (marker !== -1 && marker < escape)) return markerRun(text, marker);
  return { offset: escape, length: 6, message: `lone surrogate ${text.slice(escape, escape + 6)}: a JSON \\u escape of half a UTF-16 surrogate pair is not a character` };
}

/**
 * The text with every invalid byte and lone surrogate escape replaced by `replacement`, written
 * as JSON so that it reads as that character inside a string. Each invalid byte counts as one
 * character, so an invalid 3-byte sequence becomes three, as Redshift's ACCEPTINVCHARS does.
 */
export function replaceInvalidChars(text: string, replacement: string): { text: string; count: number } {
  const written = jsonChar(replacement);
  let out = '';
  let from = 0;
  let count = 0;
  for (let at = nextInvalid(text, 0); at !== -1; at = nextInvalid(text, from)) {
    const length = isMarker(text.charCodeAt(at)) ? 1 : 6;
    out += text.slice(from, at) + written;
    from = at + length;
    count++;
  }
  return { text: out + text.slice(from), count };
}

function nextInvalid(text: string, from: number): number {
  const marker = nextMarker(text, from);
  const escape = nextLoneEscape(text, from);
  if (marker === -1) return escape;
  return escape === -1 ? marker : Math.min(marker, escape);
}

function isMarker(code: number): boolean {
  return code >= MARKER_FIRST && code <= MARKER_LAST;
}

/** Offset of the next marker at or after `from`, or -1 (text that is well formed has none). */
function nextMarker(text: string, from: number): number {
  if (from === 0 && isWellFormed(text)) return -1;
  for (let i = from; i < text.length; i++) if (isMarker(text.charCodeAt(i))) return i;
  return -1;
}

/** Consecutive invalid bytes, reported together as Redshift does (`Bad UTF-8 hex sequence: ff fe`). */
function markerRun(text: string, at: number): InvalidChar {
  let end = at;
  while (end < text.length && isMarker(text.charCodeAt(end))) end++;
  const hex = Array.from(text.slice(at, end), (c) => markedByte(c.charCodeAt(0)).toString(16).padStart(2, '0')).join(' ');
  const what = end - at === 1 ? 'byte' : 'bytes';
  return { offset: at, length: end - at, message: `invalid UTF-8: ${what} ${hex} ${end - at === 1 ? 'is' : 'are'} not a character` };
}

/**
 * Offset of the next `\uXXXX` escape (at or after `from`) that leaves half a surrogate pair, or -1.
 * Walks every backslash escape from the start so that `\\u…` (an escaped backslash) is not taken
 * for an escape.
 */
function nextLoneEscape(text: string, from: number): number {
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i)) {
    if (text.charCodeAt(i + 1) !== 0x75 /* u */) {
      i += 2;
      continue;
    }
    const unit = hexUnit(text, i + 2);
    if (unit >= 0xd800 && unit <= 0xdbff && text.charCodeAt(i + 6) === 0x5c && text.charCodeAt(i + 7) === 0x75) {
      const low = hexUnit(text, i + 8);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i += 12;
        continue;
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff && i >= from) return i;
    i += 6;
  }
  return -1;
}

/** The UTF-16 unit of the 4 hex digits at `at`, or -1. */
function hexUnit(text: string, at: number): number {
  const digits = text.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : -1;
}

/** `c` as it reads inside a JSON string. */
function jsonChar(c: string): string {
  return JSON.stringify(c).slice(1, -1);
}

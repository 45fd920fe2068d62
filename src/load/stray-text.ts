/** What a character at the top level of a file, where only a record may start, most likely is. */

import { LoadErrors } from './error-codes.js';
import { firstInvalidChar } from './invalid-chars.js';
import { MARKER_FIRST, MARKER_LAST } from './utf8-decoder.js';

/** The message (and code, for invalid bytes) of stray text at offset `i` of `buf`. */
export function strayText(buf: string, i: number): { message: string; code?: string } {
  const c = buf.charCodeAt(i);
  if (c >= MARKER_FIRST && c <= MARKER_LAST) {
    return { message: firstInvalidChar(buf.slice(i, i + 64))?.message ?? 'invalid UTF-8', code: LoadErrors.invalidChars };
  }
  if (c === 34) return { message: 'expected a JSON object, got a string' };
  if (c === 45 || (c >= 48 && c <= 57)) return { message: 'expected a JSON object, got a number' };
  for (const word of ['true', 'false', 'null']) {
    if (buf.startsWith(word, i)) return { message: `expected a JSON object, got ${word}` };
  }
  return { message: `malformed JSON: unexpected character ${JSON.stringify(buf[i])}` };
}

/**
 * How song and artist strings are damaged on their way into the event logs. The real
 * logs hold every non-ASCII character UTF-8 encoded twice (`é` arrives as the four
 * characters `\u00c3\u0083\u00c2\u00a9`) and curly apostrophes cut to their low byte
 * (`’` U+2019 arrives as U+0019); we reproduce both so loaders meet them.
 */

const ASCII = /^[\x00-\x7f]*$/;

/** Reads UTF-8 bytes as if they were Latin-1: one character per byte. */
function utf8AsLatin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** `é` → `Ã\u0083Â©`, ASCII unchanged. */
export function doubleEncode(text: string): string {
  return utf8AsLatin1(utf8AsLatin1(text));
}

/** The log form of a song title or artist name. */
export function logText(text: string): string {
  if (ASCII.test(text)) return text;
  return doubleEncode(text.replaceAll('\u2019', '\u0019'));
}

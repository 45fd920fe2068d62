/** Measuring and cutting strings the way varchar(n) counts: characters (Postgres) or UTF-8 bytes (Redshift). */

/** How varchar(n) is measured. */
export type LengthUnit = 'chars' | 'bytes';

/** Length of `text` in the unit, counting code points (a surrogate pair is one character). */
export function measure(text: string, unit: LengthUnit): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : codePoints(text);
}

function codePoints(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (!(code >= 0xdc00 && code <= 0xdfff && k > 0 && isHigh(text.charCodeAt(k - 1)))) count++;
  }
  return count;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether text is certainly within `limit` without measuring (UTF-8 spends at most 3 bytes per UTF-16 unit). */
export function surelyFits(text: string, limit: number, unit: LengthUnit): boolean {
  return unit === 'bytes' ? text.length * 3 <= limit : text.length <= limit;
}

/** The longest prefix of `text` within `limit`, never splitting a character. */
export function cut(text: string, limit: number, unit: LengthUnit): string {
  let used = 0;
  let k = 0;
  while (k < text.length) {
    const code = text.charCodeAt(k);
    const pair = isHigh(code) && k + 1 < text.length && text.charCodeAt(k + 1) >= 0xdc00 && text.charCodeAt(k + 1) <= 0xdfff;
    const cost = unit === 'chars' ? 1 : pair ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (used + cost > limit) break;
    used += cost;
    k += pair ? 2 : 1;
  }
  return text.slice(0, k);
}

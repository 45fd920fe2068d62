/**
 * Hand-rolled JSON writers, because JSON.stringify cannot reproduce the sample's bytes:
 * it writes `1540919166796` where the logs have `1540919166796.0`, never escapes `/`,
 * and leaves non-ASCII characters unescaped.
 */

/** A JSON value as the two writers below accept it; `Float` marks numbers that must keep a decimal point. */
export type JsonValue = string | number | Float | null;

/** A number written the way Python writes a float: `42.0`, `15.9676`. */
export class Float {
  constructor(readonly value: number) {}
}

/** Wraps a number so it is written as a float. */
export function float(value: number): Float {
  return new Float(value);
}

/** Python's float repr for the magnitudes we use: shortest round-trip digits, `.0` when integral. */
export function formatFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as JSON`);
  const text = String(value);
  return Number.isInteger(value) ? `${text}.0` : text;
}

const NAMED_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Printable ASCII other than `"`, `\` and `/`. */
const PLAIN = /^[\x20\x21\x23-\x2e\x30-\x5b\x5d-\x7e]*$/;

/** `\u00e9`: lowercase hex, four digits, as Python's json.dumps writes it. */
function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Quotes a string with every non-ASCII UTF-16 unit escaped (astral characters become
 * surrogate pairs, as in Python); `escapeSlash` adds the `\/` the event logs use.
 */
export function quoteString(text: string, escapeSlash: boolean): string {
  // Fast path: most strings are plain printable ASCII and need no escaping.
  if (PLAIN.test(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (NAMED_ESCAPES[ch] !== undefined) out += NAMED_ESCAPES[ch];
    else if (ch === '/' && escapeSlash) out += '\\/';
    else if (code < 0x20 || code > 0x7e) out += unicodeEscape(code);
    else out += ch;
  }
  return `${out}"`;
}

function formatValue(value: JsonValue, escapeSlash: boolean): string {
  if (value === null) return 'null';
  if (value instanceof Float) return formatFloat(value.value);
  if (typeof value === 'number') return formatInteger(value);
  return quoteString(value, escapeSlash);
}

function formatInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`expected an integer, got ${value}`);
  return String(value);
}

/** A song file: Python `json.dumps` defaults (`", "` and `": "` separators, ASCII only, `/` kept). */
export function songJson(entries: ReadonlyArray<readonly [string, JsonValue]>): string {
  const body = entries.map(([key, value]) => `${quoteString(key, false)}: ${formatValue(value, false)}`);
  return `{${body.join(', ')}}`;
}

/** One event-log line: compact separators, ASCII only, `/` written as `\/`. */
export function eventJson(entries: ReadonlyArray<readonly [string, JsonValue]>): string {
  const body = entries.map(([key, value]) => `${quoteString(key, true)}:${formatValue(value, true)}`);
  return `{${body.join(',')}}`;
}

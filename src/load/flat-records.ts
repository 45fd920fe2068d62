/**
 * The byte path for flat newline-delimited records: a line that is one JSON object of strings,
 * numbers, booleans and nulls becomes its COPY row straight from the file's bytes, without
 * decoding the line to a string, JSON.parse building an object, and the row being encoded back
 * to UTF-8 (those took most of the loader's time). Any line it is not sure of (nesting, escapes
 * it does not copy, non-UTF-8 bytes, a value the column refuses, anything outside the JSON
 * grammar) it declines, and that line takes the text path (line-feeder.ts), which stays the
 * reference: both give the same rows, byte for byte (test/load/flat-records.test.ts).
 */

import { isUtf8 } from 'node:buffer';
import type { AutoKeys } from './auto-keys.js';
import type { ChunkWriter } from './chunk-writer.js';
import { parseColumnType } from './column-types.js';
import { digits, END, ESCAPE, escapeLength, hexCode, IN_STRING, numberEnd, PLAIN, skipSpace, WIDE, word } from './json-bytes.js';
import { MAX_RECORD_CHARS } from './limits.js';
import type { RowColumn } from './row-builder.js';
import type { LengthUnit } from './values/text-length.js';
import { ValueError } from './values/value-error.js';

// Value kinds of a column in the current line.
const ABSENT = 0;
const STRING = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;

const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/**
 * A number token this long may hold a run of 16 digits, which the text path parses losslessly
 * (limits.ts, LONG_DIGIT_RUN); such lines are declined rather than measured.
 */
const LONGEST_NUMBER = 15;
/** Rows are handed to the chunk writer this many bytes at a time, at most. */
export const ROW_BATCH_BYTES = 32 * 1024;
/** Distinct keys remembered (a column's or not); past this, unknown keys are looked up each time. */
const MAX_KNOWN_KEYS = 256;

/** What the byte path needs of a column, besides its encoder. */
interface FlatColumn {
  encode: RowColumn['encode'];
  /** For text columns: the varchar length limit, if any; undefined for other types. */
  text: { limit: number | undefined } | undefined;
  /** For integer columns: the range, as doubles (exact: powers of two), upper excluded. */
  integer: { lower: number; upper: number } | undefined;
  /** For real and double precision columns. */
  float: boolean;
}

/** A key seen in the data: its bytes and the columns it fills (none for a key no column reads). */
interface KnownKey {
  bytes: Buffer;
  columns: number[];
  /** It has bytes past ASCII: a line holding it is checked for UTF-8. */
  wide: boolean;
}

/** How a table's columns are found in a record, when the byte path can find them. */
export interface FlatPlan {
  /** The key each column reads: its name (`jsonpaths: auto`), or its `$['key']` path. */
  keys: string[];
  unit: LengthUnit;
}

/**
 * The byte path's plan for a table, or undefined when its columns need the text path: `auto
 * ignorecase`, or a JSONPath deeper than one key.
 */
export function flatPlan(columnNames: readonly string[], paths: ReadonlyArray<ReadonlyArray<string | number>> | undefined, ignoreCase: boolean, unit: LengthUnit): FlatPlan | undefined {
  if (ignoreCase) return undefined;
  if (!paths) return { keys: [...columnNames], unit };
  const keys: string[] = [];
  for (const path of paths) {
    if (path.length !== 1 || typeof path[0] !== 'string') return undefined;
    keys.push(path[0]);
  }
  return { keys, unit };
}

/** Turns flat lines into COPY rows for one table; `take` declines what it is not sure of. */
export class FlatRecords {
  private readonly columns: FlatColumn[];
  private readonly known: KnownKey[] = [];
  private readonly byText = new Map<string, number>();
  // The known key at each position of the last record taken: records usually repeat their keys' order.
  private guess = new Int32Array(64).fill(-1);
  private readonly kinds: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  // Per column: the string value holds an escape / a byte past ASCII.
  private readonly escaped: Uint8Array;
  private readonly wide: Uint8Array;
  private out = Buffer.allocUnsafe(64 * 1024);
  // Rows taken and not yet handed to the writer: out[0, pending). One copy per batch, not per row:
  // a Buffer.copy call cost more than the bytes it moved (7 % of an x300 load).
  private pending = 0;
  // With origin columns: `\t<file>\t`, which each row carries before its line number.
  private origin: Buffer | undefined;

  constructor(
    rowColumns: readonly RowColumn[],
    private readonly plan: FlatPlan,
    private readonly writer: ChunkWriter,
    private readonly stats: { rows: number },
    private readonly autoKeys: AutoKeys | undefined,
    private readonly batchBytes = ROW_BATCH_BYTES,
  ) {
    this.columns = rowColumns.map((column) => {
      const type = parseColumnType(column.type);
      return {
        encode: column.encode,
        text: type?.kind === 'text' ? { limit: type.length } : undefined,
        integer: type?.kind === 'integer' ? { lower: Number(type.min), upper: Number(type.max + 1n) } : undefined,
        float: type?.kind === 'float',
      };
    });
    const n = rowColumns.length;
    this.kinds = new Uint8Array(n);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.escaped = new Uint8Array(n);
    this.wide = new Uint8Array(n);
    plan.keys.forEach((key, k) => {
      const text = Buffer.from(key, 'utf8').toString('latin1');
      let index = this.byText.get(text);
      if (index === undefined) index = this.remember(text);
      this.known[index].columns.push(k);
    });
  }

  /** With origin columns: the current file's key, already COPY-escaped; undefined without them. */
  set originFile(escapedPath: string | undefined) {
    this.origin = escapedPath === undefined ? undefined : Buffer.from(`\t${escapedPath}\t`, 'utf8');
  }

  /**
   * Writes the row of the line `bytes[start, end)` (its newline excluded), the line number `line`,
   * and returns true; or returns false, having written nothing, for the text path to read it. A
   * blank line is taken, with no row.
   */
  take(bytes: Buffer, start: number, end: number, line: number): boolean {
    if (end - start > MAX_RECORD_CHARS) return false;
    let i = skipSpace(bytes, start, end);
    if (i === end) return true;
    if (bytes[i] !== OPEN_BRACE) return false;
    // Locals: the loop calls out (lookUp may grow `guess`), after which fields would be read again.
    const kinds = this.kinds;
    const starts = this.starts;
    const ends = this.ends;
    const escapedAt = this.escaped;
    const wideAt = this.wide;
    const known = this.known;
    const inString = IN_STRING;
    kinds.fill(ABSENT);
    let wideLine = false;
    i = skipSpace(bytes, i + 1, end);
    if (bytes[i] === CLOSE_BRACE) {
      i++;
    } else {
      for (let position = 0; ; position++) {
        // The key.
        if (bytes[i] !== QUOTE) return false;
        const keyStart = i + 1;
        const guess = this.guess;
        let key = position < guess.length ? guess[position] : -1;
        let keyEnd = key >= 0 ? guessedKeyEnd(known[key].bytes, bytes, keyStart, end) : -1;
        if (keyEnd < 0) {
          let j = keyStart;
          for (; j < end; j++) {
            const type = inString[bytes[j]];
            if (type === PLAIN) continue;
            if (type === END) break;
            if (type !== WIDE) return false; // an escape (keys take none) or a control character
            wideLine = true;
          }
          if (j >= end) return false;
          keyEnd = j;
          key = this.lookUp(bytes, keyStart, keyEnd, position);
        } else if (known[key].wide) {
          wideLine = true;
        }
        i = skipSpace(bytes, keyEnd + 1, end);
        if (bytes[i] !== COLON) return false;
        i = skipSpace(bytes, i + 1, end);
        // The value.
        const valueStart = i;
        let kind: number;
        let escape = 0;
        let wide = 0;
        const c = bytes[i];
        if (c === QUOTE) {
          kind = STRING;
          let j = i + 1;
          for (; j < end; j++) {
            const type = inString[bytes[j]];
            if (type === PLAIN) continue;
            if (type === END) break;
            if (type === ESCAPE) {
              const skip = escapeLength(bytes, j, end);
              if (skip === 0) return false;
              escape = 1;
              j += skip - 1;
            } else if (type === WIDE) {
              wide = 1;
            } else {
              return false; // a control character, which JSON strings may not hold raw
            }
          }
          if (j >= end) return false;
          i = j + 1;
          if (wide) wideLine = true;
        } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
          kind = NUMBER;
          i = numberEnd(bytes, i, end);
          if (i === -1 || i - valueStart > LONGEST_NUMBER) return false;
        } else if (c === 0x74 /* t */ && word(bytes, i, end, 'true')) {
          kind = TRUE;
          i += 4;
        } else if (c === 0x66 /* f */ && word(bytes, i, end, 'false')) {
          kind = FALSE;
          i += 5;
        } else if (c === 0x6e /* n */ && word(bytes, i, end, 'null')) {
          kind = NULL;
          i += 4;
        } else {
          return false; // an object, an array, or not JSON
        }
        if (key >= 0) {
          // Duplicate keys: the last one wins, as with JSON.parse.
          const columns = known[key].columns;
          for (let c = 0; c < columns.length; c++) {
            const k = columns[c];
            kinds[k] = kind;
            starts[k] = kind === STRING ? valueStart + 1 : valueStart;
            ends[k] = kind === STRING ? i - 1 : i;
            escapedAt[k] = escape;
            wideAt[k] = wide;
          }
        }
        i = skipSpace(bytes, i, end);
        if (bytes[i] === COMMA) {
          i = skipSpace(bytes, i + 1, end);
          continue;
        }
        if (bytes[i] !== CLOSE_BRACE) return false;
        i++;
        break;
      }
    }
    if (skipSpace(bytes, i, end) !== end) return false;
    if (wideLine && !isUtf8(bytes.subarray(start, end))) return false;
    if (this.autoKeys && !this.autoKeys.takeFlat(kinds)) return false;
    const length = this.row(bytes, line);
    if (length < 0) return false;
    this.autoKeys?.noteFlat(kinds);
    this.pending = length;
    if (length >= this.batchBytes) this.flushRows();
    this.stats.rows++;
    return true;
  }

  /** Hands the rows taken so far to the writer: before any row of the text path, and at the end of a file. */
  flushRows(): void {
    if (this.pending === 0) return;
    this.writer.addBytes(this.out, this.pending);
    this.pending = 0;
  }

  /** Writes the row into `out` after the pending rows; where it ends, or -1 when a column declines its value. */
  private row(bytes: Buffer, line: number): number {
    const columns = this.columns;
    const kinds = this.kinds;
    const starts = this.starts;
    const ends = this.ends;
    const escapedAt = this.escaped;
    let o = this.pending;
    for (let k = 0; k < columns.length; k++) {
      if (k > 0) this.out[o++] = TAB;
      const kind = kinds[k];
      const start = starts[k];
      const end = ends[k];
      this.reserve(o, end - start + 8);
      const out = this.out;
      if (kind === ABSENT || kind === NULL) {
        out[o++] = BACKSLASH;
        out[o++] = 0x4e; // N
        continue;
      }
      const column = columns[k];
      if (column.text) {
        if (kind !== STRING) return -1;
        o = escapedAt[k] ? this.unescape(bytes, start, end, o, column.text.limit) : this.copy(bytes, start, end, o, k, column.text.limit);
        if (o < 0) return -1;
        continue;
      }
      const asIs = kind !== TRUE && kind !== FALSE && !escapedAt[k] ? writtenAsIs(bytes, start, end, kind === NUMBER, column) : -1;
      if (asIs >= 0) {
        o = this.copy(bytes, start, asIs, o, k, undefined);
        continue;
      }
      let value: unknown;
      if (kind === STRING) {
        if (escapedAt[k]) return -1;
        value = bytes.toString(this.wide[k] ? 'utf8' : 'latin1', start, end);
      } else if (kind === NUMBER) {
        value = Number(bytes.toString('latin1', start, end));
      } else {
        value = kind === TRUE;
      }
      let field: string;
      try {
        field = column.encode(value);
      } catch (error) {
        if (error instanceof ValueError) return -1;
        throw error;
      }
      this.reserve(o, field.length * 3);
      o += this.out.write(field, o, 'utf8');
    }
    if (this.origin) {
      this.reserve(o, this.origin.length + 16);
      o += this.origin.copy(this.out, o);
      o += this.out.write(String(line), o, 'latin1');
    }
    this.out[o++] = NEWLINE;
    return o;
  }

  /** Copies a string without escapes as its field (nothing in it needs COPY escaping); -1 if too long. */
  private copy(bytes: Buffer, start: number, end: number, o: number, k: number, limit: number | undefined): number {
    if (limit !== undefined && measureBytes(bytes, start, end, this.wide[k] === 1, this.plan.unit) > limit) return -1;
    const out = this.out;
    // Buffer.copy costs more to call than a loop takes for a few hundred bytes.
    if (end - start > 256) return o + bytes.copy(out, o, start, end);
    for (let j = start; j < end; j++) out[o++] = bytes[j];
    return o;
  }

  /**
   * Writes a string with escapes as its COPY field: JSON's escapes read, COPY's written (backslash,
   * tab, newline, carriage return). -1 when it holds NUL (which the text encoder refuses) or is
   * longer than `limit`.
   */
  private unescape(bytes: Buffer, start: number, end: number, o: number, limit: number | undefined): number {
    const out = this.out;
    const bytesUnit = this.plan.unit === 'bytes';
    let size = 0;
    for (let j = start; j < end; j++) {
      let c = bytes[j];
      if (c !== BACKSLASH) {
        out[o++] = c;
        // A character counts once, at its first byte; in bytes, every byte counts.
        if (bytesUnit || (c & 0xc0) !== 0x80) size++;
        continue;
      }
      c = bytes[++j];
      if (c === 0x75 /* u */) {
        const code = hexCode(bytes, j + 1);
        j += 4;
        if (code === 0) return -1;
        o = writeCodeUnit(out, o, code);
        size += bytesUnit ? (code < 0x80 ? 1 : code < 0x800 ? 2 : 3) : 1;
        continue;
      }
      size++;
      switch (c) {
        case 0x6e /* n */: out[o++] = BACKSLASH; out[o++] = 0x6e; break;
        case 0x72 /* r */: out[o++] = BACKSLASH; out[o++] = 0x72; break;
        case 0x74 /* t */: out[o++] = BACKSLASH; out[o++] = 0x74; break;
        case BACKSLASH: out[o++] = BACKSLASH; out[o++] = BACKSLASH; break;
        case 0x62 /* b */: out[o++] = 8; break;
        case 0x66 /* f */: out[o++] = 12; break;
        default: out[o++] = c; // `"` and `/`
      }
    }
    return limit !== undefined && size > limit ? -1 : o;
  }

  /** Makes room for `more` bytes after the first `used` of `out`. */
  private reserve(used: number, more: number): void {
    if (used + more <= this.out.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.out.length * 2, used + more));
    this.out.copy(grown, 0, 0, used);
    this.out = grown;
  }

  /** The index of the known key `bytes[start, end)`, remembered for `position`; -1 once too many are known. */
  private lookUp(bytes: Buffer, start: number, end: number, position: number): number {
    const text = bytes.toString('latin1', start, end);
    let index = this.byText.get(text);
    if (index === undefined) {
      if (this.known.length >= MAX_KNOWN_KEYS) return -1;
      index = this.remember(text);
    }
    if (position >= this.guess.length && position < 4096) {
      const grown = new Int32Array(this.guess.length * 2).fill(-1);
      grown.set(this.guess);
      this.guess = grown;
    }
    if (position < this.guess.length) this.guess[position] = index;
    return index;
  }

  private remember(latin1: string): number {
    const bytes = Buffer.from(latin1, 'latin1');
    this.known.push({ bytes, columns: [], wide: bytes.some((byte) => byte >= 0x80) });
    this.byText.set(latin1, this.known.length - 1);
    return this.known.length - 1;
  }
}

/**
 * Where the encoder's text for the value ends when it is the value's own text from `start`, else
 * -1: what integerEncoder gives a JSON integer (String of it) or a short string of digits (itself)
 * in range, and what floatEncoder gives a JSON number (String(double), the shortest text that reads
 * back as the same double). A number written with at most 15 digits, no exponent and no more than
 * five zeros after `0.` is that shortest text once the zeros ending its fraction are dropped (and
 * the point, when nothing is left after it): two such decimals never round to one double (a double
 * holds 15 significant digits), and String() writes numbers from 1e-6 up without an exponent.
 * `-0` is written `0`, so it is left to the encoder.
 */
function writtenAsIs(bytes: Buffer, start: number, end: number, number: boolean, column: FlatColumn): number {
  const negative = bytes[start] === MINUS;
  let i = negative ? start + 1 : start;
  if (i === end) return -1;
  let value = 0;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c < ZERO || c > NINE) break;
    value = value * 10 + (c - ZERO);
  }
  if (column.integer) {
    // More than 15 digits may not be exact as a double: the encoder checks those.
    if (i !== end || end - start > LONGEST_NUMBER || (negative && value === 0 && number)) return -1;
    const signed = negative ? -value : value;
    return signed >= column.integer.lower && signed < column.integer.upper ? end : -1;
  }
  if (!number || !column.float) return -1;
  let last = end;
  if (i < end) {
    if (bytes[i] !== DOT || digits(bytes, i + 1, end) !== end) return -1; // an exponent
    while (bytes[last - 1] === ZERO) last--;
    if (last === i + 1) last = i; // nothing after the point: an integer
  }
  if (last === i) return negative && value === 0 ? -1 : last;
  if (value !== 0) return last;
  let zeros = 0;
  for (let j = i + 1; j < last && bytes[j] === ZERO; j++) zeros++;
  return zeros <= 5 ? last : -1;
}

/** Writes one UTF-16 unit (never a surrogate, never NUL) as its COPY field bytes. */
function writeCodeUnit(out: Buffer, o: number, code: number): number {
  if (code === TAB || code === NEWLINE || code === RETURN || code === BACKSLASH) {
    out[o++] = BACKSLASH;
    out[o++] = code === TAB ? 0x74 : code === NEWLINE ? 0x6e : code === RETURN ? 0x72 : BACKSLASH;
  } else if (code < 0x80) {
    out[o++] = code;
  } else if (code < 0x800) {
    out[o++] = 0xc0 | (code >> 6);
    out[o++] = 0x80 | (code & 0x3f);
  } else {
    out[o++] = 0xe0 | (code >> 12);
    out[o++] = 0x80 | ((code >> 6) & 0x3f);
    out[o++] = 0x80 | (code & 0x3f);
  }
  return o;
}

/**
 * Where the key at `start` ends (its closing quote) when it is `known`, else -1. A known key holds
 * no quote, backslash or control character, so matching its bytes and a quote after them reads it.
 */
function guessedKeyEnd(known: Buffer, bytes: Buffer, start: number, end: number): number {
  const after = start + known.length;
  if (after >= end || bytes[after] !== QUOTE) return -1;
  for (let k = 0; k < known.length; k++) if (known[k] !== bytes[start + k]) return -1;
  return after;
}

/** A string's length as varchar(n) counts it: bytes, or characters (one per UTF-8 lead byte). */
function measureBytes(bytes: Buffer, start: number, end: number, wide: boolean, unit: LengthUnit): number {
  if (unit === 'bytes' || !wide) return end - start;
  let count = 0;
  for (let j = start; j < end; j++) if ((bytes[j] & 0xc0) !== 0x80) count++;
  return count;
}

/**
 * Finds the top-level JSON texts in a stream of text pieces: newline-delimited, concatenated or
 * pretty-printed objects, split anywhere across pieces. It only delimits records (parsing is
 * JSON.parse's job) and resynchronises after damage so the records after a bad one still load.
 */

import { LoadErrors } from './error-codes.js';
import { LONG_DIGIT_RUN, MAX_NESTING_DEPTH, MAX_RECORD_CHARS } from './limits.js';
import { LineTracker } from './line-tracker.js';
import { problemInRecord } from './record-problem.js';
import { strayText } from './stray-text.js';
import type { LineColumn } from './text-position.js';

/** A top-level JSON text and where it starts (1-based). */
export interface ScannedRecord {
  text: string;
  line: number;
  column: number;
  /** A digit run is long enough that a double may not hold the number exactly. */
  lossless: boolean;
  /** Set by the line fast path (line-feeder.ts): the text, already parsed and found free of invalid characters. */
  parsed?: unknown;
}

/** Receives records and scanner-level damage, in file order. Either may throw to stop the scan. */
export interface ScanSink {
  record(record: ScannedRecord): void;
  /** Damage outside a parseable record; `code` when it is not the general bad-record code (SPK310). */
  malformed(line: number, column: number, message: string, code?: string): void;
}

/** Scanner limits. */
export interface ScannerOptions {
  /** Longest record kept in memory, in UTF-16 units; longer ones are skipped and reported. */
  maxRecordChars?: number;
}

// Beyond any string index (V8 caps strings below 2^29) yet a small integer, so loops stay on ints.
const NOT_FOUND = 0x3fffffff;

const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

const BETWEEN = 0; // looking for the next record
const RECORD = 1; // inside a record
const SKIP = 2; // after damage: discarding up to the next line that starts with `{`

/** Incremental record scanner: `push` text pieces in order, then `end`. */
export class RecordScanner {
  private buf = '';
  private pos = 0;
  private mode = BETWEEN;
  // The record being scanned.
  private start = 0;
  private startLine = 1;
  private startColumn = 1;
  private depth = 0;
  private inString = false;
  private lastSig = 0;
  private lastSigAt = 0;
  private digitRun = 0;
  private lossless = false;
  private oversize = false;
  private lines = new LineTracker();
  // Cached position of the next newline (for raw newlines in strings); -1 means stale.
  private nextNewline = -1;
  // The character just before this piece, for the line-start check at offset 0.
  private before = NEWLINE;
  private readonly maxRecordChars: number;

  constructor(
    private readonly sink: ScanSink,
    options: ScannerOptions = {},
  ) {
    this.maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
  }

  /** Scans the next piece of text. */
  push(text: string): void {
    this.compact();
    this.buf += text;
    this.nextNewline = -1;
    this.scan();
  }

  /** True between records with all text consumed: the next text starts afresh. */
  idle(): boolean {
    return this.mode === BETWEEN && this.pos === this.buf.length;
  }

  /** When idle, continues at the start of `line` (the line fast path read the lines in between). */
  resumeAt(line: number): void {
    if (!this.idle()) throw new Error('the scanner can only resume between records');
    this.buf = '';
    this.pos = this.start = this.lastSigAt = 0;
    this.before = NEWLINE;
    this.lines = new LineTracker(line);
  }

  /** Flushes at end of input: an unfinished record is handed on so its parse reports the damage. */
  end(): void {
    if (this.mode !== RECORD) return;
    this.mode = BETWEEN;
    if (this.oversize) return this.reportOversize();
    this.sink.record(this.current(this.buf.length));
  }

  private scan(): void {
    let i = this.pos;
    const n = this.buf.length;
    while (i < n) {
      if (this.mode === RECORD) i = this.inRecord(i);
      else if (this.mode === BETWEEN) i = this.between(i);
      else {
        const next = this.skipLines(i);
        if (next === i) break; // a newline ends the text: wait for the character after it
        i = next;
      }
    }
    this.pos = i;
  }

  /** Skips whitespace to the next record; anything else at top level is damage. */
  private between(i: number): number {
    const buf = this.buf;
    const n = buf.length;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === SPACE || c === NEWLINE || c === RETURN || c === TAB) {
        i++;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.begin(i, c);
        return i + 1;
      } else {
        const at = this.lineColumn(i);
        const stray = strayText(buf, i);
        this.mode = SKIP;
        this.sink.malformed(at.line, at.column, stray.message, stray.code);
        return i;
      }
    }
    return i;
  }

  private begin(i: number, c: number): void {
    const at = this.lineColumn(i);
    this.mode = RECORD;
    this.start = i;
    this.startLine = at.line;
    this.startColumn = at.column;
    this.depth = 1;
    this.inString = false;
    this.lastSig = c;
    this.lastSigAt = i;
    this.digitRun = 0;
    this.lossless = false;
    this.oversize = false;
  }

  /**
   * The hot loop: walks structure outside strings, jumps through strings with indexOf. Kept as one
   * function over locals (written back on exit) because it runs for every character of the input.
   */
  private inRecord(i: number): number {
    const buf = this.buf;
    const n = buf.length;
    let depth = this.depth;
    let lastSig = this.lastSig;
    let lastSigAt = this.lastSigAt;
    let run = this.digitRun;
    let newline = this.nextNewline;
    let inString = this.inString;
    while (i < n) {
      if (inString) {
        // Find the closing quote: the next `"` not escaped by an odd run of backslashes.
        let quote = buf.indexOf('"', i);
        while (quote !== -1 && isEscaped(buf, quote)) quote = buf.indexOf('"', quote + 1);
        if (newline < i) newline = orNotFound(buf.indexOf('\n', i));
        if (newline < (quote === -1 ? n : quote)) return this.rawNewline(newline);
        if (quote === -1) {
          i = n;
          break;
        }
        inString = false;
        lastSigAt = quote;
        i = quote + 1;
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === QUOTE) {
        run = 0;
        lastSig = c;
        lastSigAt = i;
        inString = true;
        i++;
        continue;
      }
      if (c <= SPACE) {
        run = 0;
        i++;
        continue;
      }
      if ((c >= ZERO && c <= NINE) || c === DOT) {
        if (++run >= LONG_DIGIT_RUN) this.lossless = true;
      } else {
        run = 0;
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          // NDJSON resync: a `{` opening a line where no value may start begins the next record.
          if (c === OPEN_BRACE && this.charBefore(i) === NEWLINE && !canPrecedeObject(lastSig)) {
            this.lastSigAt = lastSigAt;
            return this.cut(i);
          }
          if (++depth > MAX_NESTING_DEPTH) return this.tooDeep(i);
        } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) {
          return this.finish(i + 1);
        }
      }
      lastSig = c;
      lastSigAt = i;
      i++;
    }
    this.depth = depth;
    this.lastSig = lastSig;
    this.lastSigAt = lastSigAt;
    this.digitRun = run;
    this.nextNewline = newline;
    this.inString = inString;
    if (i - this.start > this.maxRecordChars) this.oversize = true;
    return i;
  }

  /** A raw newline inside a string: the record is damaged; resume at the next line starting with `{`. */
  private rawNewline(at: number): number {
    this.damaged(at, 'malformed JSON: raw newline inside a string');
    return at;
  }

  /** Nesting past the limit: the record is damaged; resume at the next line starting with `{`. */
  private tooDeep(at: number): number {
    // Reported where the nesting goes too deep: unlike broken syntax, that is the place to edit.
    const where = this.lineColumn(at);
    this.skipDamaged();
    this.sink.malformed(where.line, where.column, `arrays and objects nested deeper than ${MAX_NESTING_DEPTH} levels`, LoadErrors.tooDeep);
    return at + 1;
  }

  private damaged(at: number, message: string): void {
    const problem = problemInRecord({ line: this.startLine, column: this.startColumn }, this.lineColumn(at), message);
    this.skipDamaged();
    this.sink.malformed(problem.line, problem.column, problem.message);
  }

  private skipDamaged(): void {
    this.inString = false;
    this.nextNewline = -1;
    this.mode = SKIP;
  }

  private finish(end: number): number {
    this.mode = BETWEEN;
    if (this.oversize) this.reportOversize();
    else this.sink.record(this.current(end));
    return end;
  }

  /** Ends a damaged record before a `{` that opens the next line; parsing the cut text reports why. */
  private cut(i: number): number {
    this.mode = BETWEEN;
    if (this.oversize) this.reportOversize();
    else this.sink.record(this.current(this.lastSigAt + 1));
    return i;
  }

  private current(end: number): ScannedRecord {
    const text = this.buf.slice(this.start, end);
    return { text, line: this.startLine, column: this.startColumn, lossless: this.lossless };
  }

  private reportOversize(): void {
    const message = `record longer than ${this.maxRecordChars} characters (Redshift's limit for one JSON object is 4 MB)`;
    this.sink.malformed(this.startLine, this.startColumn, message);
  }

  /** Discards up to the next line that starts with `{`; returns `i` unchanged to wait for more text. */
  private skipLines(i: number): number {
    const buf = this.buf;
    for (;;) {
      const k = buf.indexOf('\n', i);
      if (k === -1) return buf.length;
      if (k + 1 >= buf.length) return k;
      if (buf.charCodeAt(k + 1) === OPEN_BRACE) {
        this.mode = BETWEEN;
        return k + 1;
      }
      i = k + 1;
    }
  }

  private charBefore(i: number): number {
    return i > 0 ? this.buf.charCodeAt(i - 1) : this.before;
  }

  /** 1-based line and column of offset `at` (offsets asked for only ever increase). */
  private lineColumn(at: number): LineColumn {
    return this.lines.at(this.buf, at);
  }

  /** Drops text no longer needed: all but the current record (or nothing of an oversize one). */
  private compact(): void {
    const keepRecord = this.mode === RECORD && !this.oversize;
    let from = Math.min(keepRecord ? this.start : this.pos, this.buf.length);
    // Inside a string of an oversize record, keep the backslashes that may escape the next quote.
    while (from > 0 && this.inString && this.buf.charCodeAt(from - 1) === BACKSLASH) from--;
    if (from === 0) return;
    this.before = this.buf.charCodeAt(from - 1);
    this.lines.shift(this.buf, from);
    this.buf = this.buf.slice(from);
    this.pos -= from;
    this.start -= from;
    this.lastSigAt -= from;
  }
}

/** Whether the quote at `quote` is escaped: preceded by an odd number of backslashes. */
function isEscaped(buf: string, quote: number): boolean {
  let k = quote - 1;
  while (k >= 0 && buf.charCodeAt(k) === BACKSLASH) k--;
  return ((quote - 1 - k) & 1) === 1;
}

function orNotFound(index: number): number {
  return index === -1 ? NOT_FOUND : index;
}

/** In valid JSON an object inside a record only follows `:`, `,` or `[`. */
function canPrecedeObject(code: number): boolean {
  return code === COLON || code === COMMA || code === OPEN_BRACKET;
}

/**
 * The fast path for newline-delimited JSON: each line that is one clean record is parsed whole
 * with JSON.parse, skipping the scanner's character-by-character walk (which took half the
 * loader's time). Any other line (pretty-printed or concatenated records, damage, long digit
 * runs, deep nesting, invalid characters, blank-but-not-empty text) goes to the scanner, which
 * keeps it until it is between records again, so both paths give the same rows, rejections and
 * locations.
 */

import { hasInvalidChars } from './invalid-chars.js';
import { LONG_DIGIT_RUN, MAX_NESTING_DEPTH, MAX_RECORD_CHARS } from './limits.js';
import { RecordScanner, type ScannedRecord, type ScannerOptions, type ScanSink } from './record-scanner.js';

const NEWLINE = 10;
const OPEN_BRACE = 123;

/** Feeds text pieces of one file, line by line, to the fast path or the scanner. */
export class LineFeeder {
  // Made on first need: a file of clean lines (or one record) never needs it.
  private scannerInstance: RecordScanner | undefined;
  private readonly maxRecordChars: number;
  // Text of the line read so far (fast path only).
  private carry = '';
  // Line number of the line that starts after the last newline seen.
  private line = 1;
  // True while the scanner holds an unfinished record or skips damage: lines go to it.
  private scanning = false;

  constructor(
    private readonly sink: ScanSink,
    private readonly options: ScannerOptions = {},
  ) {
    this.maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
  }

  private get scanner(): RecordScanner {
    this.scannerInstance ??= new RecordScanner(this.sink, this.options);
    return this.scannerInstance;
  }

  /** Takes the next piece of the file's text. */
  push(text: string): void {
    let i = 0;
    while (i < text.length) {
      const newline = text.indexOf('\n', i);
      const end = newline === -1 ? text.length : newline + 1;
      const piece = i === 0 && end === text.length ? text : text.slice(i, end);
      i = end;
      if (this.scanning) this.scan(piece);
      else if (newline === -1) this.hold(piece);
      else this.takeLine(this.carry === '' ? piece : this.carry + piece);
      if (newline !== -1) this.line++;
    }
  }

  /** True at the start of a line with nothing held: the next line may be read by someone else. */
  atLineStart(): boolean {
    return !this.scanning && this.carry === '';
  }

  /** The number of the line that starts now. */
  get lineNumber(): number {
    return this.line;
  }

  /** Counts a whole line (its newline included) that the byte path (flat-records.ts) read instead. */
  skipLine(): void {
    this.line++;
  }

  /** Ends the file: the last line may lack its newline. */
  end(): void {
    if (!this.scanning && this.carry !== '') {
      const last = this.carry;
      this.carry = '';
      if (!this.fast(last)) this.startScanning(last);
    }
    this.scannerInstance?.end();
  }

  private hold(piece: string): void {
    this.carry += piece;
    // A line this long cannot be taken whole: the scanner reads (and limits) it as it comes.
    if (this.carry.length > this.maxRecordChars) {
      const text = this.carry;
      this.carry = '';
      this.startScanning(text);
    }
  }

  private takeLine(text: string): void {
    this.carry = '';
    if (!this.fast(text)) this.startScanning(text);
  }

  private startScanning(text: string): void {
    this.scanner.resumeAt(this.line);
    this.scan(text);
  }

  private scan(text: string): void {
    this.scanner.push(text);
    this.scanning = text.charCodeAt(text.length - 1) !== NEWLINE || !this.scanner.idle();
  }

  /** Hands the line over as a record when it is one clean object; false leaves it to the scanner. */
  private fast(text: string): boolean {
    let start = 0;
    while (isBlank(text.charCodeAt(start))) start++;
    if (start === text.length || text.charCodeAt(start) === NEWLINE) return true; // a blank line
    if (text.charCodeAt(start) !== OPEN_BRACE || text.length > this.maxRecordChars) return false;
    if (!withinNesting(text) || hasLongDigitRun(text) || hasInvalidChars(text)) return false;
    let end = text.length;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const body = start === 0 && end === text.length ? text : text.slice(start, end);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return false;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
    const record: ScannedRecord = { text: body, line: this.line, column: start + 1, lossless: false, parsed };
    this.sink.record(record);
    return true;
  }
}

/** Space, tab or carriage return: what may precede a record on its line. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === NEWLINE;
}

/** True when the line has at most MAX_NESTING_DEPTH brackets, so it cannot nest deeper. */
function withinNesting(text: string): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let k = text.indexOf(bracket); k !== -1; k = text.indexOf(bracket, k + 1)) {
      if (++count > MAX_NESTING_DEPTH) return false;
    }
  }
  return true;
}

/**
 * True when the text has LONG_DIGIT_RUN digits or dots in a row, anywhere (the scanner looks only
 * outside strings; a line with such a run in a string goes to it, which is merely slower). Probes
 * every LONG_DIGIT_RUN-th character, since any such run covers one probe: 6× faster than the
 * equivalent regular expression or a loop over every character.
 */
function hasLongDigitRun(text: string): boolean {
  const n = text.length;
  for (let i = LONG_DIGIT_RUN - 1; i < n; i += LONG_DIGIT_RUN) {
    if (!isDigitOrDot(text.charCodeAt(i))) continue;
    let start = i;
    while (start > 0 && isDigitOrDot(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < n && isDigitOrDot(text.charCodeAt(end))) end++;
    if (end - start >= LONG_DIGIT_RUN) return true;
    i = end - 1; // the next run starts past `end`, so it covers end - 1 + LONG_DIGIT_RUN
  }
  return false;
}

function isDigitOrDot(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46;
}

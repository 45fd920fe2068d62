/** Where damage inside a record is reported: the line the record starts on, which is what to fix. */

import type { LineColumn } from './text-position.js';

/** A problem with a record, 1-based in the file. */
export interface RecordProblem {
  line: number;
  column: number;
  message: string;
  /** A diagnostic code other than the loader's general bad-record code (SPK310). */
  code?: string;
}

/**
 * Reports damage found at `at` in a record starting at `start`. On the record's first line it is
 * reported where it is. Further down, a parser stopped there because of something earlier (an
 * unclosed bracket or string on the first line surfaces lines later), so the record's start is
 * reported and the message says where the parser stopped.
 */
export function problemInRecord(start: LineColumn, at: LineColumn, message: string, code?: string): RecordProblem {
  const where = at.line === start.line ? at : { line: start.line, column: start.column };
  const said = at.line === start.line ? message : `${message} (in the record starting here; the parser stopped at line ${at.line}, column ${at.column})`;
  return code === undefined ? { ...where, message: said } : { ...where, message: said, code };
}

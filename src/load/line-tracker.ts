/** Line numbers over a sliding text buffer, counting newlines lazily with indexOf. */

import type { LineColumn } from './text-position.js';

/** Tracks 1-based lines for offsets that only ever increase, across buffer compactions. */
export class LineTracker {
  // `line` is the line holding offset `cursor`; that line starts at `lineStart` (negative once
  // its beginning has been dropped from the buffer).
  private cursor = 0;
  private lineStart = 0;

  /** Starts counting at `line` (1 for a whole file). */
  constructor(private line = 1) {}

  /** Line and column of `offset` in `buf`. */
  at(buf: string, offset: number): LineColumn {
    this.advance(buf, offset);
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  /** Call before `buf` drops its first `from` characters: counts them, then re-bases offsets. */
  shift(buf: string, from: number): void {
    this.advance(buf, from);
    this.cursor -= from;
    this.lineStart -= from;
  }

  private advance(buf: string, to: number): void {
    for (let k = buf.indexOf('\n', this.cursor); k !== -1 && k < to; k = buf.indexOf('\n', k + 1)) {
      this.line++;
      this.lineStart = k + 1;
    }
    this.cursor = Math.max(this.cursor, to);
  }
}

/** Line/column arithmetic over text, used only when a problem has to be reported. */

/** A 1-based line and column (columns count UTF-16 code units, like most editors' JSON tools). */
export interface LineColumn {
  line: number;
  column: number;
}

/** Position of `offset` inside `text`, where `text` itself starts at `origin`. */
export function positionIn(text: string, offset: number, origin: LineColumn): LineColumn {
  let line = origin.line;
  let lineStart = -1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k;
  }
  if (line === origin.line) return { line, column: origin.column + offset };
  return { line, column: offset - lineStart };
}

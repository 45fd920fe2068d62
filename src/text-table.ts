/**
 * The one text table of the CLI (`show`, a unit test's differing rows): `| a | b |` lines padded by
 * the width a terminal gives each cell (string-width: CJK and emoji take two columns, combining
 * marks and colour codes none), so columns stay aligned whatever the text.
 */
import stringWidth from 'string-width';

/** A header line, a rule, then one line per row; cells are already text. */
export function textTable(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((column, i) => Math.max(stringWidth(column), ...rows.map((row) => stringWidth(row[i]))));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => padToWidth(cell, widths[i])).join(' | ')} |`;
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

/** `text` followed by spaces up to `width` terminal columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

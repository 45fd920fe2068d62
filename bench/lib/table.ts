/** Markdown tables for the results printed by the benchmark runners. */

/** A markdown table with a header row; cells are already formatted. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** KiB to MiB, one decimal; `n/a` for NaN. */
export function mib(kib: number): string {
  return Number.isNaN(kib) ? 'n/a' : (kib / 1024).toFixed(0);
}

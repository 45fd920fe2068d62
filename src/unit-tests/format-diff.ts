/** A failed unit test's differing rows as aligned text lines, as dbt prints them. Pure. */

/** `| @@ | user_id | level |` lines: a header, a rule, then each row (NULL spelled out). */
export function diffLines(rows: readonly Record<string, unknown>[]): string[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const cells = rows.map((row) => columns.map((c) => (row[c] === null || row[c] === undefined ? 'NULL' : String(row[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
}

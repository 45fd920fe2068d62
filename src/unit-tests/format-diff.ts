/** A failed unit test's differing rows as aligned text lines, as dbt prints them. Pure. */
import { textTable } from '../text-table.js';

/** `| @@ | user_id | level |` lines: a header, a rule, then each row (NULL spelled out). */
export function diffLines(rows: readonly Record<string, unknown>[]): string[] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const cells = rows.map((row) => columns.map((c) => (row[c] === null || row[c] === undefined ? 'NULL' : String(row[c]))));
  return textTable(columns, cells);
}

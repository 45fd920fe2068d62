/** PostgreSQL COPY text format: the field separator, the NULL marker and escaping. */

import type { LoadTable } from './types.js';

/** How COPY text format spells NULL. */
export const COPY_NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Escapes a value for COPY text format: backslash, tab, newline and carriage return. */
export function escapeCopyText(value: string): string {
  // Test first: most values need nothing, and test() does not allocate.
  if (!SPECIAL.test(value)) return value;
  return value.replace(SPECIAL_ALL, (ch) => ESCAPES[ch]);
}

/** Column names in COPY order (the order of table.columns). */
export function copyColumns(table: LoadTable): string[] {
  return table.columns.map((column) => column.name);
}

/**
 * The records a Redshift COPY rejected, from STL_LOAD_ERRORS
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_STL_LOAD_ERRORS.html). pg_last_copy_id() is
 * the last COPY of this session, also when it failed on bad data
 * (https://docs.aws.amazon.com/redshift/latest/dg/PG_LAST_COPY_ID.html).
 */
import type { BadRecord } from '../../load/types.js';

/** Most records read back: enough to fix a file, not a flood (the first ones name the pattern). */
export const LOAD_ERRORS_LIMIT = 100;

/**
 * The query. The char columns are blank-padded (character(256) etc.), hence TRIM. For JSON,
 * line_number is the last line of the rejected object; position is the error's position within the
 * field, which is what column means for a Redshift rejection.
 */
export function loadErrorsSql(limit = LOAD_ERRORS_LIMIT): string {
  return [
    'SELECT TRIM(filename) AS filename, line_number, TRIM(colname) AS colname, position, err_code, TRIM(err_reason) AS err_reason',
    'FROM stl_load_errors',
    'WHERE query = pg_last_copy_id()',
    'ORDER BY filename, line_number, colname',
    `LIMIT ${Math.trunc(limit)}`,
  ].join('\n');
}

/** Rows of loadErrorsSql() as the loader's BadRecord: `file:line:column: reason`. */
export function toBadRecords(rows: Record<string, unknown>[]): BadRecord[] {
  return rows.map((row) => ({
    file: String(row.filename ?? ''),
    line: Number(row.line_number ?? 0),
    column: Number(row.position ?? 0),
    message: `${String(row.err_reason ?? '')} (column ${String(row.colname ?? '?')}, Redshift load error ${String(row.err_code ?? '?')})`,
  }));
}

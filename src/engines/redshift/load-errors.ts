/**
 * The records a Redshift COPY rejected. Two system views hold them, and which one a warehouse has
 * is a property of the target (LoadErrorView, chosen in redshift-target.ts):
 * - STL_LOAD_ERRORS (https://docs.aws.amazon.com/redshift/latest/dg/r_STL_LOAD_ERRORS.html) on a
 *   provisioned cluster, for pg_last_copy_id(), the last COPY of this session, also when it failed
 *   on bad data (https://docs.aws.amazon.com/redshift/latest/dg/PG_LAST_COPY_ID.html). It "only
 *   contains queries run on main provisioned clusters. It doesn't contain queries run on concurrency
 *   scaling clusters or on serverless namespaces";
 * - SYS_LOAD_ERROR_DETAIL (https://docs.aws.amazon.com/redshift/latest/dg/SYS_LOAD_ERROR_DETAIL.html)
 *   on Redshift Serverless, where AWS points instead. Its query_id is not STL's query id, so
 *   pg_last_copy_id() cannot pick the load: the rows are those of this session (session_id, "the
 *   process identifier of the process running the copy", is pg_backend_pid()) and of the side table
 *   the COPY filled (table_id, its pg_class oid), a name no other load ever has (side-names.ts).
 *   The oid comes from the leader node's catalog in a query of its own, since catalog tables do not
 *   join with system views that run on the compute nodes.
 */
import type { BadRecord } from '../../load/types.js';
import type { Relation } from '../../sql/quote.js';
import { quoteRedshiftLiteral } from '../../sql/quote.js';

/** Which system view holds a warehouse's rejected records. */
export type LoadErrorView = 'stl_load_errors' | 'sys_load_error_detail';

/** Most records read back: enough to fix a file, not a flood (the first ones name the pattern). */
export const LOAD_ERRORS_LIMIT = 100;

/**
 * The STL query. The char columns are blank-padded (character(256) etc.), hence TRIM. For JSON,
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

/** This session's pid and the oid of the table a COPY filled (leader node), for sysLoadErrorsSql. */
export function loadTargetSql(into: Relation): string {
  return [
    'SELECT pg_backend_pid() AS pid, c.oid AS table_id',
    'FROM pg_catalog.pg_class c',
    'JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace',
    `WHERE n.nspname = ${quoteRedshiftLiteral(into.schema)} AND c.relname = ${quoteRedshiftLiteral(into.identifier)}`,
  ].join('\n');
}

/** The SYS query for the load loadTargetSql found, with the STL query's column names. */
export function sysLoadErrorsSql(pid: number, tableId: number, limit = LOAD_ERRORS_LIMIT): string {
  return [
    'SELECT TRIM(file_name) AS filename, line_number, TRIM(column_name) AS colname, position, error_code AS err_code, TRIM(error_message) AS err_reason',
    'FROM sys_load_error_detail',
    `WHERE session_id = ${Math.trunc(pid)} AND table_id = ${Math.trunc(tableId)}`,
    'ORDER BY filename, line_number, colname',
    `LIMIT ${Math.trunc(limit)}`,
  ].join('\n');
}

/** Runs the queries of `view` for a COPY into `into` and returns its rejected records. */
export async function readLoadErrors(view: LoadErrorView, into: Relation, query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<BadRecord[]> {
  if (view === 'stl_load_errors') return toBadRecords(await query(loadErrorsSql()));
  const [target] = await query(loadTargetSql(into));
  if (!target) return [];
  return toBadRecords(await query(sysLoadErrorsSql(Number(target.pid), Number(target.table_id))));
}

/** Rows of either query as the loader's BadRecord: `file:line:column: reason`. */
export function toBadRecords(rows: Record<string, unknown>[]): BadRecord[] {
  return rows.map((row) => ({
    file: String(row.filename ?? ''),
    line: Number(row.line_number ?? 0),
    column: Number(row.position ?? 0),
    message: `${String(row.err_reason ?? '')} (column ${String(row.colname ?? '?')}, Redshift load error ${String(row.err_code ?? '?')})`,
  }));
}

import type { Relation } from '../../sql/quote.js';
import { PlanErrors } from '../../plan/error-codes.js';
import { quoteIdentifier, quoteLiteral, quoteRelation } from '../../sql/quote.js';
import type { Statement } from '../../plan/types.js';

/** Error codes of the checks; listed with the other run errors. */

/**
 * Fails the node when a unique_key value occurs twice among `rows` (the new batch, or the whole
 * table on a full build): merging such a batch would be ambiguous. Rows with a NULL key are not
 * counted — a NULL never matches an existing row, as in dbt.
 */
export function uniqueKeyCheck(rows: string, keys: string[], modelName: string, quote: (name: string) => string = quoteIdentifier): Statement {
  const columns = keys.map((k) => quote(k)).join(', ');
  const notNull = keys.map((k) => `${quote(k)} IS NOT NULL`).join(' AND ');
  const name = keys.join(', ');
  return {
    sql: `-- check: stops the build if a unique_key (${name}) value occurs twice among the new rows\n`
      + `SELECT ${columns}, count(*) AS "rows"\nFROM ${rows}\nWHERE ${notNull}\nGROUP BY ${columns}\nHAVING count(*) > 1\nLIMIT 1`,
    check: {
      code: PlanErrors.duplicateKey,
      message: `the new rows of incremental model ${modelName} hold the same unique_key (${name}) more than once`,
      hint: 'make the model select one row per key (e.g. row_number() over (partition by the key) = 1), or change unique_key',
    },
  };
}

/**
 * Fails the node when the new rows do not have the table's columns (same names, types and order):
 * the schema of an incremental model changed. Keeping it simple: no automatic ALTER, a clear error.
 */
export function columnsCheck(batch: string, target: Relation, modelName: string): Statement {
  const columns = (relation: string) => `SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    row_number() OVER (ORDER BY a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  WHERE a.attrelid = ${quoteLiteral(relation)}::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped`;
  return {
    sql: `-- check: stops the build if the new rows do not have the columns of ${quoteRelation(target)}\n`
      + `WITH "new_rows" AS (\n  ${columns(batch)}\n), "existing" AS (\n  ${columns(quoteRelation(target))}\n)\n`
      + 'SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column", "existing".type AS "table_type", "new_rows".type AS "new_type"\n'
      + 'FROM "new_rows" FULL JOIN "existing" ON "existing".column_name = "new_rows".column_name\n'
      + 'WHERE "new_rows".type IS DISTINCT FROM "existing".type OR "new_rows".position IS DISTINCT FROM "existing".position\n'
      + 'ORDER BY coalesce("existing".position, "new_rows".position)\nLIMIT 1',
    check: {
      code: PlanErrors.columnsChanged,
      message: `the columns of incremental model ${modelName} changed since its table was built`,
      hint: `rebuild it from scratch: sparkify build --select ${modelName} --full-refresh`,
    },
  };
}

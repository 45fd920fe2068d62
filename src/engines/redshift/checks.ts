import type { Relation } from '../../sql/quote.js';
import { quoteRedshiftLiteral } from '../../sql/quote.js';
import { quoteRelation } from './redshift-quoting.js';
import { PlanErrors } from '../../plan/error-codes.js';
import type { Statement } from '../../plan/types.js';

/**
 * SPK511 on Redshift: fails the node when the new rows (the batch table) do not have the columns
 * of the target (same names, types and order), as on PostgreSQL (postgres/checks.ts). The catalog
 * tables live on the leader node, whose SQL is narrower, so the relations are found by schema and
 * name (no regclass cast) and positions are counted with a subquery (no window function).
 */
export function columnsCheck(batch: Relation, target: Relation, modelName: string): Statement {
  return {
    sql: `-- check: stops the build if the new rows do not have the columns of ${quoteRelation(target)}\n`
      + `SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column", "existing".type AS "table_type", "new_rows".type AS "new_type"\n`
      + `FROM (\n${columnsOf(batch)}\n) AS "new_rows"\nFULL JOIN (\n${columnsOf(target)}\n) AS "existing" ON "existing".column_name = "new_rows".column_name\n`
      + 'WHERE "new_rows".column_name IS NULL OR "existing".column_name IS NULL\n'
      + '  OR "new_rows".type <> "existing".type OR "new_rows".position <> "existing".position\n'
      + 'ORDER BY coalesce("existing".position, "new_rows".position)\nLIMIT 1',
    check: {
      code: PlanErrors.columnsChanged,
      message: `the columns of incremental model ${modelName} changed since its table was built`,
      hint: `rebuild it from scratch: sparkify build --select ${modelName} --full-refresh`,
    },
  };
}

/** Name, format_type() and 1-based position of each live column of `relation`. */
function columnsOf(relation: Relation): string {
  return `  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    (SELECT count(*) FROM pg_catalog.pg_attribute p
     WHERE p.attrelid = a.attrelid AND p.attnum > 0 AND NOT p.attisdropped AND p.attnum <= a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ${quoteRedshiftLiteral(relation.schema)} AND c.relname = ${quoteRedshiftLiteral(relation.identifier)}
    AND a.attnum > 0 AND NOT a.attisdropped`;
}

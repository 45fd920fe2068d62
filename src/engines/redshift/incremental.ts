import type { IncrementalSpec, ModelNode } from '../../manifest/manifest.js';
import type { Relation } from '../../sql/quote.js';
import { foldName, quoteIdentifier, quoteRelation } from './redshift-quoting.js';
import type { BuildContext } from '../../plan/dialect.js';
import { uniqueKeyCheck } from '../postgres-family/checks.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import type { ColumnState } from '../../plan/warehouse-state.js';
import { columnsCheck } from './checks.js';

/**
 * The body of an incremental run on Redshift (inside the caller's transaction). The new rows go to
 * a batch table `<name>__sparkify_batch_<run id>` beside the target, are checked (the table's
 * columns: SPK511; unique keys: SPK510, as on PostgreSQL), added with the model's strategy, and
 * the batch is dropped before COMMIT. It is a plain table rather than a TEMP one so that the
 * columns check finds it in pg_class by schema and name; created and dropped in one transaction,
 * no other session ever sees it, and a failure rolls it back with everything else.
 */
export function incrementalStatements(model: ModelNode, spec: IncrementalSpec, context: BuildContext): Statement[] {
  const batch = sideRelation(model.relation, 'batch', context.runId);
  const checks = [columnsCheck(batch, model.relation, model.name)];
  if (spec.uniqueKey.length > 0) checks.push(uniqueKeyCheck(quoteRelation(batch), spec.uniqueKey, model.name, quoteIdentifier));
  return [
    { sql: `CREATE TABLE ${quoteRelation(batch)} AS\n${spec.compiledSql}` },
    ...checks,
    ...strategyStatements(model.relation, batch, spec, context.existing?.columns),
    { sql: `DROP TABLE ${quoteRelation(batch)}` },
  ];
}

function strategyStatements(target: Relation, batch: Relation, spec: IncrementalSpec, columns: ColumnState[] | undefined): Statement[] {
  const insert = { sql: `INSERT INTO ${quoteRelation(target)}\nSELECT * FROM ${quoteRelation(batch)}`, reportsRows: true };
  if (spec.strategy === 'append') return [insert];
  // The catalog lists names folded (redshift-quoting.ts): the key is compared folded too.
  const keys = new Set(spec.uniqueKey.map(foldName));
  const updated = columns?.filter((c) => !keys.has(c.name));
  if (spec.strategy === 'merge' && (updated === undefined || updated.length > 0)) return [merge(target, batch, spec.uniqueKey, columns, updated)];
  const why = spec.strategy === 'merge' ? '-- every column is part of the unique_key, so there is nothing to update: delete+insert gives the same rows\n' : '';
  // Redshift's DELETE takes no alias for its target (https://docs.aws.amazon.com/redshift/latest/dg/r_DELETE.html):
  // both tables are named by their (distinct) table names.
  const matches = spec.uniqueKey.map((k) => `${column(target, k)} = ${column(batch, k)}`).join('\n  AND ');
  return [{ sql: `${why}DELETE FROM ${quoteRelation(target)}\nUSING ${quoteRelation(batch)}\nWHERE ${matches}` }, insert];
}

/**
 * Redshift's MERGE (https://docs.aws.amazon.com/redshift/latest/dg/r_MERGE.html) fits: its source
 * must be a table (the batch is one), it needs both WHEN clauses (an upsert has both), and a target
 * row matching two source rows is an error (the unique-key check has already failed the node on
 * that, naming the key). It takes no condition on WHEN MATCHED, so every matched row is updated.
 * UPDATE SET and INSERT list the columns, read from the warehouse before the run (the columns
 * check has made sure the new rows have the same); compile, which has no state, prints a marked
 * placeholder in their place.
 */
function merge(target: Relation, batch: Relation, keys: string[], columns: ColumnState[] | undefined, updated: ColumnState[] | undefined): Statement {
  const on = keys.map((k) => `${column(target, k)} = "new_rows".${quoteIdentifier(k)}`).join(' AND ');
  const matched = updated
    ? `UPDATE SET\n    ${updated.map((c) => `${quoteIdentifier(c.name)} = "new_rows".${quoteIdentifier(c.name)}`).join(',\n    ')}`
    : `UPDATE SET /* every column of ${quoteRelation(target)} but the key, as the warehouse lists them at build time: "column" = "new_rows"."column", ... */`;
  const inserted = columns
    ? `INSERT (${columns.map((c) => quoteIdentifier(c.name)).join(', ')})\n  VALUES (${columns.map((c) => `"new_rows".${quoteIdentifier(c.name)}`).join(', ')})`
    : `INSERT /* ("column", ...) VALUES ("new_rows"."column", ...): every column of ${quoteRelation(target)}, as the warehouse lists them at build time */`;
  return {
    sql: `MERGE INTO ${quoteRelation(target)}\nUSING ${quoteRelation(batch)} AS "new_rows"\nON ${on}\n`
      + `WHEN MATCHED THEN ${matched}\nWHEN NOT MATCHED THEN ${inserted}`,
    reportsRows: true,
  };
}

/** `"table"."column"`: a column of a table named by its table name alone. */
function column(table: Relation, name: string): string {
  return `${quoteIdentifier(table.identifier)}.${quoteIdentifier(name)}`;
}

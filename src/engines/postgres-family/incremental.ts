import type { IncrementalSpec, ModelNode } from '../../manifest/manifest.js';
import type { Relation } from '../../sql/quote.js';
import { quoteIdentifier, quoteRelation } from '../../sql/quote.js';
import type { BuildContext } from '../../plan/dialect.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import { columnsCheck, uniqueKeyCheck } from './checks.js';

/** MERGE arrived in PostgreSQL 15; older servers get delete+insert, which gives the same rows. */
const MERGE_SINCE = 150000;

/**
 * The body of an incremental run (inside the caller's transaction): the new rows go to a temporary
 * table (session-private, dropped at COMMIT), are checked (same columns as the table, unique keys),
 * then added with the model's strategy.
 */
export function incrementalStatements(model: ModelNode, spec: IncrementalSpec, context: BuildContext): Statement[] {
  const batchName = sideRelation(model.relation, 'batch', context.runId).identifier;
  const batch = `pg_temp.${quoteIdentifier(batchName)}`;
  const checks = [columnsCheck(batch, model.relation, model.name)];
  if (spec.uniqueKey.length > 0) checks.push(uniqueKeyCheck(batch, spec.uniqueKey, model.name));
  return [
    { sql: `CREATE TEMPORARY TABLE ${quoteIdentifier(batchName)} ON COMMIT DROP AS\n${spec.compiledSql}` },
    ...checks,
    ...strategyStatements(model.relation, batch, spec, context),
  ];
}

function strategyStatements(target: Relation, batch: string, spec: IncrementalSpec, context: BuildContext): Statement[] {
  const insert = { sql: `INSERT INTO ${quoteRelation(target)}\nSELECT * FROM ${batch}`, reportsRows: true };
  if (spec.strategy === 'append') return [insert];
  const oldServer = context.serverVersion !== undefined && context.serverVersion < MERGE_SINCE;
  if (spec.strategy === 'merge' && !oldServer) return [merge(target, batch, spec.uniqueKey, context)];
  const why = spec.strategy === 'merge'
    ? `-- MERGE needs PostgreSQL 15 or later (this server: ${context.serverVersion}): delete+insert gives the same rows\n`
    : '';
  const matches = spec.uniqueKey.map((k) => `"existing".${quoteIdentifier(k)} = "new_rows".${quoteIdentifier(k)}`).join('\n  AND ');
  return [
    { sql: `${why}DELETE FROM ${quoteRelation(target)} AS "existing"\nUSING ${batch} AS "new_rows"\nWHERE ${matches}` },
    insert,
  ];
}

/**
 * MERGE updates only rows that changed (a build over the same data reports MERGE 0) and must name
 * the columns it updates. They come from the warehouse state (the columns check
 * has made sure the new rows have the same ones); compile, which has no state, prints a marked
 * placeholder in their place.
 */
function merge(target: Relation, batch: string, keys: string[], context: BuildContext): Statement {
  const on = keys.map((k) => `"existing".${quoteIdentifier(k)} = "new_rows".${quoteIdentifier(k)}`).join(' AND ');
  const columns = context.existing?.columns;
  let matched: string;
  if (!columns) {
    matched = `UPDATE SET /* every column of ${quoteRelation(target)} but the key, as the warehouse lists them at build time: "column" = "new_rows"."column", ... */`;
  } else {
    const updates = columns.filter((c) => !keys.includes(c.name)).map((c) => `${quoteIdentifier(c.name)} = "new_rows".${quoteIdentifier(c.name)}`);
    matched = updates.length > 0 ? `UPDATE SET\n    ${updates.join(',\n    ')}` : 'DO NOTHING';
  }
  return {
    sql: `MERGE INTO ${quoteRelation(target)} AS "existing"\nUSING ${batch} AS "new_rows"\nON ${on}\n`
      + `WHEN MATCHED AND ROW("existing".*) IS DISTINCT FROM ROW("new_rows".*) THEN ${matched}\n`
      + 'WHEN NOT MATCHED THEN INSERT VALUES ("new_rows".*)',
    reportsRows: true,
  };
}

import type { SnapshotNode } from '../../manifest/snapshot-node.js';
import { POSTGRES_QUOTING } from './family-capabilities.js';
import { PlanErrors } from '../../plan/error-codes.js';
import { SOURCE, SnapshotSql } from './snapshot-sql.js';
import { quoteIdentifier, quoteLiteral } from '../../sql/quote.js';
import type { BuildContext } from '../../plan/dialect.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';

const STORED = quoteIdentifier('snapshotted');
/** Temporary tables are session-private and dropped at COMMIT, so a fixed name cannot collide. */
const DELETIONS = quoteIdentifier('sparkify_snapshot_deletions');

/**
 * One snapshot run on PostgreSQL/PGlite, inside the caller's transaction (dbt's snapshot
 * materialization). The query's rows go to a temporary table once and are checked; the first run
 * creates the table from them, a later run closes the current row of every changed key (valid_to =
 * the new row's valid_from), handles keys the query no longer returns (hard_deletes) and inserts
 * the new versions and the new keys. now() is the transaction's start, so every row of a run
 * carries the same time.
 */
export function snapshotStatements(node: SnapshotNode, context: BuildContext): Statement[] {
  const sql = new SnapshotSql(node, { quoting: POSTGRES_QUOTING, now: 'CAST(now() AS timestamp)', differs: (a, b) => `${a} IS DISTINCT FROM ${b}` }, STORED);
  const batchName = quoteIdentifier(sideRelation(node.relation, 'batch', context.runId).identifier);
  const batch = `pg_temp.${batchName}`;
  const head: Statement[] = [
    { sql: `CREATE TEMPORARY TABLE ${batchName} ON COMMIT DROP AS\nSELECT * FROM (\n${sql.query}\n) AS ${SOURCE}` },
    sql.keyCheck(batch),
    metaClashCheck(sql, batch),
  ];
  if (context.existing?.kind !== 'table') {
    return [...head, { sql: `CREATE TABLE ${sql.target} AS\nSELECT ${SOURCE}.*,\n  ${sql.metaSelect().join(',\n  ')}\nFROM ${batch} AS ${SOURCE}`, reportsRows: true }];
  }
  return [
    ...head,
    addColumns(sql, batch),
    ...(sql.newRecord ? [{ sql: `ALTER TABLE ${sql.target} ADD COLUMN IF NOT EXISTS ${sql.meta.isDeleted} boolean` }] : []),
    closeChanged(sql, batch),
    ...hardDeletes(sql, batch),
    insertNew(sql, batch),
  ];
}

/** The query may not return a column that a meta column would shadow. */
function metaClashCheck(sql: SnapshotSql, batch: string): Statement {
  const names = Object.values(sql.node.config.metaColumns).map(quoteLiteral).join(', ');
  return {
    sql: `-- check: stops the build if the query returns a column named like a meta column of the snapshot\n`
      + `SELECT a.attname AS "column"\nFROM pg_catalog.pg_attribute a\n`
      + `WHERE a.attrelid = ${quoteLiteral(batch)}::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped\n  AND a.attname IN (${names})\nLIMIT 1`,
    check: {
      code: PlanErrors.snapshotMetaColumnClash,
      message: `the query of snapshot ${sql.node.name} returns a column named like one of the snapshot's meta columns`,
      hint: 'rename the column in the query, or name the meta columns otherwise with snapshot_meta_column_names',
    },
  };
}

/**
 * dbt adds the columns a query gained to the snapshot table (earlier rows hold NULL in them). Their
 * names and types are only known once the query ran, so the ALTERs are made by a DO block from the
 * catalog; it adds nothing when the query's columns are unchanged.
 */
function addColumns(sql: SnapshotSql, batch: string): Statement {
  const target = quoteLiteral(sql.target);
  return {
    sql: `-- adds the columns the query gained since the last run to ${sql.target} (as dbt does)\nDO $sparkify$\nDECLARE added record;\nBEGIN\n`
      + '  FOR added IN\n    SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type\n    FROM pg_catalog.pg_attribute a\n'
      + `    WHERE a.attrelid = ${quoteLiteral(batch)}::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped\n`
      + `      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute t WHERE t.attrelid = ${target}::pg_catalog.regclass\n`
      + '        AND t.attname = a.attname AND t.attnum > 0 AND NOT t.attisdropped)\n    ORDER BY a.attnum\n  LOOP\n'
      + `    EXECUTE pg_catalog.format('ALTER TABLE %s ADD COLUMN %I %s', ${target}, added.name, added.type);\n  END LOOP;\nEND\n$sparkify$`,
  };
}

/** Closes the current row of each key whose source row changed (and, with new_record, of each key that came back). */
function closeChanged(sql: SnapshotSql, batch: string): Statement {
  // check_cols='all': every column of the query, compared with the stored row read by name into the
  // query's row type (row constructors compare null-safely with IS DISTINCT FROM).
  const all = `ROW(${SOURCE}.*) IS DISTINCT FROM ROW((jsonb_populate_record(NULL::${batch}, to_jsonb(${STORED}))).*)`;
  const from = `${batch} AS ${SOURCE}`;
  const changed = sql.newRecord ? `(${sql.changed(all)}\n    OR NOT ${sql.notDeleted()})` : `(${sql.changed(all)})`;
  return {
    sql: `UPDATE ${sql.target} AS ${STORED}\nSET ${sql.meta.validTo} = ${sql.updatedValue()}\nFROM ${from}\n`
      + `WHERE ${sql.keyMatch(STORED, SOURCE)}\n  AND ${sql.isCurrent()}\n  AND ${changed}`,
  };
}

/** invalidate: the current row of a key the query no longer returns is closed; new_record also records the deletion. */
function hardDeletes(sql: SnapshotSql, batch: string): Statement[] {
  if (sql.node.config.hardDeletes === 'ignore') return [];
  const vanished = `NOT EXISTS (SELECT 1 FROM ${batch} AS ${SOURCE} WHERE ${sql.keyMatch(SOURCE, STORED)})`;
  const live = `${sql.isCurrent()}${sql.newRecord ? `\n  AND ${sql.notDeleted()}` : ''}\n  AND ${vanished}`;
  const close = { sql: `UPDATE ${sql.target} AS ${STORED}\nSET ${sql.meta.validTo} = ${sql.dialect.now}\nWHERE ${live}` };
  if (!sql.newRecord) return [close];
  const now = sql.dialect.now;
  return [
    // The deletion record copies the row it ends (same columns, same order), with new meta values.
    { sql: `CREATE TEMPORARY TABLE ${DELETIONS} ON COMMIT DROP AS\nSELECT * FROM ${sql.target} AS ${STORED}\nWHERE ${live}` },
    {
      sql: `UPDATE pg_temp.${DELETIONS} AS ${STORED}\nSET ${sql.meta.scdId} = ${sql.scdId(STORED, now)},\n  ${sql.meta.updatedAt} = ${now},\n`
        + `  ${sql.meta.validFrom} = ${now},\n  ${sql.meta.validTo} = ${sql.node.config.validToCurrent ?? 'NULL'},\n  ${sql.meta.isDeleted} = TRUE`,
    },
    close,
    { sql: `INSERT INTO ${sql.target}\nSELECT * FROM pg_temp.${DELETIONS}` },
  ];
}

/**
 * Inserts a row for every key without a current row: new keys, changed keys (closed above) and keys
 * that came back. Columns are matched by name (jsonb_populate_record into the table's row type), so
 * a table whose columns were added to since it was created is filled correctly.
 */
function insertNew(sql: SnapshotSql, batch: string): Statement {
  const meta = sql.metaValues().map(([name, expression]) => `${quoteLiteral(name)}, ${expression}`);
  return {
    sql: `INSERT INTO ${sql.target}\nSELECT "new_row".*\nFROM ${batch} AS ${SOURCE}\n`
      + `CROSS JOIN LATERAL jsonb_populate_record(NULL::${sql.target}, to_jsonb(${SOURCE}) || jsonb_build_object(\n  ${meta.join(',\n  ')}\n)) AS "new_row"\n`
      + `WHERE NOT EXISTS (\n  SELECT 1 FROM ${sql.target} AS ${STORED}\n  WHERE ${sql.keyMatch(STORED, SOURCE)} AND ${sql.isCurrent()}\n)`,
    reportsRows: true,
  };
}


import { SparkifyError } from '../../diagnostics.js';
import { SnapshotErrors } from '../../snapshots/error-codes.js';
import type { SnapshotNode } from '../../snapshots/snapshot-node.js';
import { SOURCE, SnapshotSql } from '../../snapshots/snapshot-sql.js';
import { quoteIdentifier, quoteRedshiftLiteral } from '../../sql/quote.js';
import type { BuildContext } from '../dialect.js';
import { sideRelation } from '../side-names.js';
import type { Statement } from '../types.js';

const DELETIONS = quoteIdentifier('sparkify_snapshot_deletions');
const STORED_ALIAS = quoteIdentifier('snapshotted');

/**
 * One snapshot run on Amazon Redshift, inside the caller's transaction; the same steps as on
 * PostgreSQL (src/plan/postgres/snapshot.ts) in Redshift's SQL:
 * - no MERGE or ON CONFLICT: changed rows are closed with UPDATE … FROM and new versions added with
 *   INSERT … SELECT, both transactional (https://docs.aws.amazon.com/redshift/latest/dg/r_UPDATE.html,
 *   https://docs.aws.amazon.com/redshift/latest/dg/r_INSERT_30.html,
 *   https://docs.aws.amazon.com/redshift/latest/dg/r_BEGIN.html);
 * - UPDATE's target takes no alias ("You can't give the table an alias here", r_UPDATE), so its
 *   rows are named by the table name;
 * - the run's time is SYSDATE, the start of the transaction (https://docs.aws.amazon.com/redshift/latest/dg/r_SYSDATE.html);
 *   NOW() runs on the leader node only;
 * - no IS DISTINCT FROM: a change is dbt's `a <> b OR (a IS NULL) <> (b IS NULL)`;
 * - temporary tables live until the session ends (https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_AS.html),
 *   so they are dropped before COMMIT.
 * There is no DO block to ALTER the table from the catalog, and the plan has no column list, so new
 * versions are inserted by position: a query whose columns changed fails its check (SPK712).
 */
export function redshiftSnapshotStatements(node: SnapshotNode, context: BuildContext): Statement[] {
  if (node.config.checkCols === 'all') throw unsupported(node, "check_cols='all' compares every column by name, which sparkify cannot list on Redshift", "list the columns: check_cols=['level', ...]");
  const sql = new SnapshotSql(node, { now: 'SYSDATE', differs: (a, b) => `(${a} <> ${b} OR (${a} IS NULL) <> (${b} IS NULL))` }, quoteIdentifier(node.relation.identifier));
  const batchName = sideRelation(node.relation, 'batch', context.runId).identifier;
  const batch = quoteIdentifier(batchName);
  const create = { sql: `CREATE TEMP TABLE ${batch} AS\nSELECT * FROM (\n${sql.query}\n) AS ${SOURCE}` };
  const drop = { sql: `DROP TABLE ${batch}` };
  if (context.existing?.kind !== 'table') {
    const ctas = `CREATE TABLE ${sql.target} AS\nSELECT ${SOURCE}.*,\n  ${sql.metaSelect().join(',\n  ')}\nFROM ${batch} AS ${SOURCE}`;
    return [create, sql.keyCheck(batch), { sql: ctas, reportsRows: true }, drop];
  }
  return [
    create,
    sql.keyCheck(batch),
    columnsCheck(sql, batchName),
    {
      sql: `UPDATE ${sql.target}\nSET ${sql.meta.validTo} = ${sql.updatedValue()}\nFROM ${batch} AS ${SOURCE}\n`
        + `WHERE ${sql.keyMatch(sql.stored, SOURCE)}\n  AND ${sql.isCurrent()}\n  AND (${sql.changed()}${sql.newRecord ? `\n    OR NOT ${sql.notDeleted()}` : ''})`,
    },
    ...hardDeletes(sql, batch),
    {
      sql: `INSERT INTO ${sql.target}\nSELECT ${SOURCE}.*,\n  ${sql.metaSelect().join(',\n  ')}\nFROM ${batch} AS ${SOURCE}\n`
        + `WHERE NOT EXISTS (\n  SELECT 1 FROM ${sql.target} AS ${STORED_ALIAS}\n  WHERE ${sql.keyMatch(STORED_ALIAS, SOURCE)} AND ${sql.isCurrent(STORED_ALIAS)}\n)`,
      reportsRows: true,
    },
    drop,
  ];
}

function hardDeletes(sql: SnapshotSql, batch: string): Statement[] {
  if (sql.node.config.hardDeletes === 'ignore') return [];
  const vanished = `NOT EXISTS (SELECT 1 FROM ${batch} AS ${SOURCE} WHERE ${sql.keyMatch(SOURCE, sql.stored)})`;
  const live = `${sql.isCurrent()}${sql.newRecord ? `\n  AND ${sql.notDeleted()}` : ''}\n  AND ${vanished}`;
  const close = { sql: `UPDATE ${sql.target}\nSET ${sql.meta.validTo} = ${sql.dialect.now}\nWHERE ${live}` };
  if (!sql.newRecord) return [close];
  const now = sql.dialect.now;
  return [
    { sql: `CREATE TEMP TABLE ${DELETIONS} AS\nSELECT * FROM ${sql.target}\nWHERE ${live}` },
    {
      sql: `UPDATE ${DELETIONS}\nSET ${sql.meta.scdId} = ${sql.scdId(DELETIONS, now)},\n  ${sql.meta.updatedAt} = ${now},\n`
        + `  ${sql.meta.validFrom} = ${now},\n  ${sql.meta.validTo} = ${sql.node.config.validToCurrent ?? 'NULL'},\n  ${sql.meta.isDeleted} = TRUE`,
    },
    close,
    { sql: `INSERT INTO ${sql.target}\nSELECT * FROM ${DELETIONS}` },
    { sql: `DROP TABLE ${DELETIONS}` },
  ];
}

/**
 * New versions are inserted by position, so the query must return the table's columns, in order.
 * Read from the catalog tables Redshift keeps from PostgreSQL (pg_class, pg_attribute, pg_namespace:
 * https://docs.aws.amazon.com/redshift/latest/dg/c_intro_catalog_views.html).
 */
function columnsCheck(sql: SnapshotSql, batchName: string): Statement {
  const meta = Object.values(sql.node.config.metaColumns).map(quoteRedshiftLiteral).join(', ');
  const columns = (where: string) => 'SELECT a.attname AS column_name, a.attnum AS position\n    FROM pg_catalog.pg_attribute a\n'
    + '    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n'
    + `    WHERE a.attnum > 0 AND NOT a.attisdropped AND ${where}`;
  const { schema, identifier } = sql.node.relation;
  return {
    sql: `-- check: stops the build if the query's columns are not the table's (new versions are inserted by position)\n`
      + `WITH "new_rows" AS (\n  SELECT column_name, row_number() OVER (ORDER BY position) AS position FROM (\n    ${columns(`c.relname = ${quoteRedshiftLiteral(batchName)} AND n.nspname LIKE 'pg_temp%'`)}\n  ) AS q\n), `
      + `"existing" AS (\n  SELECT column_name, row_number() OVER (ORDER BY position) AS position FROM (\n    ${columns(`c.relname = ${quoteRedshiftLiteral(identifier)} AND n.nspname = ${quoteRedshiftLiteral(schema)} AND a.attname NOT IN (${meta})`)}\n  ) AS q\n)\n`
      + 'SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column"\n'
      + 'FROM "new_rows" FULL JOIN "existing" ON "existing".position = "new_rows".position\n'
      + `WHERE coalesce("new_rows".column_name, '') <> coalesce("existing".column_name, '')\nLIMIT 1`,
    check: {
      code: SnapshotErrors.unsupported,
      message: `the columns of snapshot ${sql.node.name}'s query changed since its table was built, which sparkify cannot follow on Redshift yet`,
      hint: `keep the query's columns as they were (in order); a snapshot's table holds its only history, so never rebuild it to add a column`,
    },
  };
}

function unsupported(node: SnapshotNode, message: string, hint: string): SparkifyError {
  return new SparkifyError({
    code: SnapshotErrors.unsupported, message: `snapshot '${node.name}': ${message}`,
    location: { file: node.path, line: node.configLine }, node: node.id, hint,
  });
}

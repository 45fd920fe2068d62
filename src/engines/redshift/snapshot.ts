import { SparkifyError } from '../../diagnostics.js';
import { PlanErrors } from '../../plan/error-codes.js';
import type { SnapshotNode } from '../../manifest/snapshot-node.js';
import { SOURCE, SnapshotSql } from '../postgres-family/snapshot-sql.js';
import { quoteRedshiftLiteral } from '../../sql/quote.js';
import { foldName, quoteIdentifier, redshiftQuoting } from './redshift-quoting.js';
import type { BuildContext } from '../../plan/dialect.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import type { ColumnState } from '../../plan/warehouse-state.js';

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
 * - no IS DISTINCT FROM among Redshift's comparison conditions
 *   (https://docs.aws.amazon.com/redshift/latest/dg/r_comparison_condition.html): a change is dbt's
 *   `a <> b OR (a IS NULL) <> (b IS NULL)`, true when exactly one side is NULL, NULL (no change) when both are;
 * - temporary tables live until the session ends (https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_AS.html),
 *   so they are dropped before COMMIT.
 * There is no DO block, so the plan cannot list columns the warehouse only learns while it runs.
 * It lists the snapshot table's columns instead, read from the catalog before the run
 * (BuildContext.existing.columns): new versions are inserted by column name and check_cols='all'
 * compares those columns. The query must return the table's columns, in any order (checked: SPK712);
 * a column it gained has a type known only once it ran, so it is refused rather than added.
 * `compile` has no catalog: it prints marked placeholders where the column lists go.
 */
export function redshiftSnapshotStatements(node: SnapshotNode, context: BuildContext): Statement[] {
  const sql = new SnapshotSql(node, { quoting: redshiftQuoting, now: 'SYSDATE', differs }, quoteIdentifier(node.relation.identifier));
  const batchName = sideRelation(node.relation, 'batch', context.runId).identifier;
  const batch = quoteIdentifier(batchName);
  const create = { sql: `CREATE TEMP TABLE ${batch} AS\nSELECT * FROM (\n${sql.query}\n) AS ${SOURCE}` };
  const drop = { sql: `DROP TABLE ${batch}` };
  if (context.existing?.kind !== 'table') {
    const ctas = `CREATE TABLE ${sql.target} AS\nSELECT ${SOURCE}.*,\n  ${sql.metaSelect().join(',\n  ')}\nFROM ${batch} AS ${SOURCE}`;
    return [create, sql.keyCheck(batch), { sql: ctas, reportsRows: true }, drop];
  }
  const columns = context.existing.columns;
  return [
    create,
    sql.keyCheck(batch),
    columnsCheck(sql, batchName),
    ...addIsDeleted(sql, columns),
    {
      sql: `UPDATE ${sql.target}\nSET ${sql.meta.validTo} = ${sql.updatedValue()}\nFROM ${batch} AS ${SOURCE}\n`
        + `WHERE ${sql.keyMatch(sql.stored, SOURCE)}\n  AND ${sql.isCurrent()}\n  AND (${sql.changed(allChanged(sql, columns))}${sql.newRecord ? `\n    OR NOT ${sql.notDeleted()}` : ''})`,
    },
    ...hardDeletes(sql, batch),
    insertNew(sql, batch, columns),
    drop,
  ];
}

/** Null-safe "a differs from b" without IS DISTINCT FROM. */
function differs(a: string, b: string): string {
  return `(${a} <> ${b} OR (${a} IS NULL) <> (${b} IS NULL))`;
}

/** The table's columns that are not meta columns, in table order; undefined when not known (compile). */
function dataColumns(sql: SnapshotSql, columns: ColumnState[] | undefined): string[] | undefined {
  const meta = new Set(Object.values(sql.node.config.metaColumns).map(foldName));
  return columns?.map((c) => c.name).filter((name) => !meta.has(name));
}

/** check_cols='all': every data column of the table differs null-safely (a placeholder at compile). */
function allChanged(sql: SnapshotSql, columns: ColumnState[] | undefined): string | undefined {
  if (sql.node.config.checkCols !== 'all') return undefined;
  const names = dataColumns(sql, columns);
  if (!names) {
    return `/* for each column of ${sql.target} but its meta columns, as the warehouse lists them at build time, joined by OR: */\n    `
      + differs(`${SOURCE}."column"`, `${sql.stored}."column"`);
  }
  return names.map((name) => differs(`${SOURCE}.${quoteIdentifier(name)}`, `${sql.stored}.${quoteIdentifier(name)}`)).join('\n    OR ');
}

/**
 * hard_deletes='new_record' set on a snapshot whose table predates it: the table lacks is_deleted.
 * Its type is known (boolean), so it is added; ALTER TABLE ADD COLUMN runs inside a transaction block
 * on Redshift, which refuses that only for external tables (https://docs.aws.amazon.com/redshift/latest/dg/r_ALTER_TABLE.html).
 */
function addIsDeleted(sql: SnapshotSql, columns: ColumnState[] | undefined): Statement[] {
  const name = foldName(sql.node.config.metaColumns.isDeleted);
  if (!sql.newRecord || !columns || columns.some((c) => c.name === name)) return [];
  return [{ sql: `-- hard_deletes='new_record' is newer than the table: earlier rows hold NULL (not deleted)\nALTER TABLE ${sql.target} ADD COLUMN ${sql.meta.isDeleted} boolean` }];
}

/**
 * New versions and new keys, inserted by column name: the table's data columns from the query's
 * rows (the columns check has made sure the query returns each of them), the meta columns computed.
 */
function insertNew(sql: SnapshotSql, batch: string, columns: ColumnState[] | undefined): Statement {
  const names = dataColumns(sql, columns);
  if (columns) requireMetaColumns(sql, columns);
  const meta = sql.metaValues();
  const into = names
    ? [...names, ...meta.map(([name]) => name)].map(quoteIdentifier).join(', ')
    : `/* the columns of ${sql.target} but its meta columns, as the warehouse lists them at build time */ "column", ..., ${meta.map(([name]) => quoteIdentifier(name)).join(', ')}`;
  const values = names
    ? names.map((name) => `${SOURCE}.${quoteIdentifier(name)}`)
    : [`/* the same columns, from the query's rows */ ${SOURCE}."column", ...`];
  return {
    sql: `INSERT INTO ${sql.target} (${into})\nSELECT ${[...values, ...sql.metaSelect()].join(',\n  ')}\nFROM ${batch} AS ${SOURCE}\n`
      + `WHERE NOT EXISTS (\n  SELECT 1 FROM ${sql.target} AS ${STORED_ALIAS}\n  WHERE ${sql.keyMatch(STORED_ALIAS, SOURCE)} AND ${sql.isCurrent(STORED_ALIAS)}\n)`,
    reportsRows: true,
  };
}

/** A meta column the table lacks (e.g. renamed by snapshot_meta_column_names after the table was built) stops the plan. */
function requireMetaColumns(sql: SnapshotSql, columns: ColumnState[]): void {
  const { metaColumns } = sql.node.config;
  const have = new Set(columns.map((c) => c.name));
  const missing = [metaColumns.scdId, metaColumns.updatedAt, metaColumns.validFrom, metaColumns.validTo].filter((name) => !have.has(foldName(name)));
  if (missing.length === 0) return;
  throw unsupported(sql.node, `its table ${sql.target} has no meta column ${missing.map((m) => `'${m}'`).join(', ')}`,
    'snapshot_meta_column_names must name the meta columns the table was built with; rename the columns with ALTER TABLE ... RENAME COLUMN, or the config back');
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
 * The query must return the table's data columns, by name and in any order: new versions are
 * inserted by name (insertNew), and a column the query gained cannot be added, as its type is known
 * only once the query ran and Redshift has no DO block to ALTER the table from the catalog. Read from
 * the catalog tables Redshift keeps from PostgreSQL (pg_class, pg_attribute, pg_namespace:
 * https://docs.aws.amazon.com/redshift/latest/dg/c_intro_catalog_views.html), which live on the
 * leader node: the query is a plain FULL JOIN by name, no window function.
 */
function columnsCheck(sql: SnapshotSql, batchName: string): Statement {
  const meta = Object.values(sql.node.config.metaColumns).map((name) => quoteRedshiftLiteral(foldName(name))).join(', ');
  const columns = (where: string) => '  SELECT a.attname AS column_name\n  FROM pg_catalog.pg_attribute a\n'
    + '  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n'
    + `  WHERE a.attnum > 0 AND NOT a.attisdropped AND ${where}`;
  const { schema, identifier } = sql.node.relation;
  return {
    sql: `-- check: stops the build if the query lacks a column of ${sql.target} or returns one it does not have (new versions are inserted by name)\n`
      + 'SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column",\n'
      + `  CASE WHEN "new_rows".column_name IS NULL THEN 'missing from the query' ELSE 'not in the table' END AS "problem"\n`
      + `FROM (\n${columns(`c.relname = ${quoteRedshiftLiteral(batchName)} AND n.nspname LIKE 'pg_temp%'`)}\n) AS "new_rows"\n`
      + `FULL JOIN (\n${columns(`c.relname = ${quoteRedshiftLiteral(identifier)} AND n.nspname = ${quoteRedshiftLiteral(schema)}\n    AND a.attname NOT IN (${meta})`)}\n) AS "existing"`
      + ' ON "existing".column_name = "new_rows".column_name\n'
      + 'WHERE "new_rows".column_name IS NULL OR "existing".column_name IS NULL\nORDER BY 1\nLIMIT 1',
    check: {
      code: PlanErrors.snapshotUnsupported,
      message: `the query of snapshot ${sql.node.name} does not return the columns of its table, which sparkify cannot follow on Redshift yet`,
      hint: 'return every column the table has (any order); to add a column, add it to the table first (ALTER TABLE ... ADD COLUMN), then to the query: '
        + 'a snapshot\'s table holds its only history, so never rebuild it',
    },
  };
}

function unsupported(node: SnapshotNode, message: string, hint: string): SparkifyError {
  return new SparkifyError({
    code: PlanErrors.snapshotUnsupported, message: `snapshot '${node.name}': ${message}`,
    location: { file: node.path, line: node.configLine }, node: node.id, hint,
  });
}

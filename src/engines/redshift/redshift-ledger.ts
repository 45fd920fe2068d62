/**
 * Load ledgers on Redshift (src/plan/loads/load-ledger.ts), kept when the target names a
 * manifest_prefix: the objects of a load are listed (ListObjectsV2) before planning, COPY reads
 * exactly them through a manifest (load-source.ts), and their ledger rows are written in the
 * transaction that publishes their rows. The rows come with the plan (no COPY FROM STDIN here); the
 * per-object counts come from the COPY's own record, for pg_last_copy_id() (the session's last
 * COPY, which ran just before on the same session):
 * - STL_LOAD_COMMITS (https://docs.aws.amazon.com/redshift/latest/dg/r_STL_LOAD_COMMITS.html):
 *   filename, lines_scanned per file; a Sparkify JSON file holds one record a line, so lines
 *   scanned less the file's rejected records (STL_LOAD_ERRORS) is its rows loaded;
 * - on Redshift Serverless those views hold nothing of the load (see load-errors.ts), and
 *   SYS_LOAD_DETAIL's query_id is not pg_last_copy_id(): the counts stay NULL there.
 */
import type { SourceNode } from '../../manifest/manifest.js';
import { familyLedgerSql, LEDGER_COLUMNS } from '../postgres-family/ledger-sql.js';
import { LOAD_ID_COLUMN, ledgerRelation, type ListedFile } from '../../plan/loads/load-ledger.js';
import type { LedgerDialect } from '../../plan/loads/ledger-dialect.js';
import type { LoadDecision } from '../../plan/loads/plan-load.js';
import type { Statement } from '../../plan/types.js';
import { quoteRedshiftLiteral } from '../../sql/quote.js';
import { quoteIdentifier, quoteRelation, redshiftQuoting } from './redshift-quoting.js';

/** Ledger SQL on Redshift: the family's, but existence from the catalog (Redshift has no to_regclass). */
export const redshiftLedgerSql: LedgerDialect = {
  ...familyLedgerSql(redshiftQuoting),
  exists: (relation) => [
    'SELECT COUNT(*) > 0 AS present',
    'FROM pg_catalog.pg_class c',
    'JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace',
    `WHERE n.nspname = ${quoteRedshiftLiteral(relation.schema)} AND c.relname = ${quoteRedshiftLiteral(relation.identifier)}`,
  ].join('\n'),
};

/** The staging table's own column on Redshift: the load each row came with. */
export function redshiftLoadIdColumn(loadId: string): string {
  return `${quoteIdentifier(LOAD_ID_COLUMN)} varchar(16) NOT NULL DEFAULT ${quoteRedshiftLiteral(loadId)}`;
}

/**
 * The ledger statements of a load, inside its publishing transaction: a full load replaces the
 * ledger (DROP and CREATE are transactional on Redshift), an append adds the new objects' rows.
 * `counts`: read rows loaded and rejected from STL (provisioned clusters).
 */
export function ledgerStatements(source: SourceNode, load: LoadDecision, files: readonly ListedFile[], counts: boolean): Statement[] {
  const ledger = quoteRelation(ledgerRelation(source.relation));
  // An append happens only over a ledger read before planning (plan-load.ts).
  const replace = load.mode === 'full' ? [{ sql: `DROP TABLE IF EXISTS ${ledger}` }, { sql: createLedgerSql(ledger) }] : [];
  return [...replace, { sql: insertLedgerSql(ledger, load, files, counts), ledgerRows: true }];
}

function createLedgerSql(ledger: string): string {
  return `CREATE TABLE ${ledger} (\n  file_key varchar(2048) NOT NULL,\n  size bigint NOT NULL,\n  version varchar(256) NOT NULL,\n`
    + '  rows_loaded bigint,\n  rows_rejected bigint,\n  load_id varchar(16) NOT NULL,\n  full_load_id varchar(16) NOT NULL,\n'
    + '  loaded_at timestamp NOT NULL DEFAULT GETDATE(),\n  definition varchar(64) NOT NULL,\n  checksum varchar(64)\n)';
}

/** One row per object of the manifest, joined to the COPY's per-file counts. */
function insertLedgerSql(ledger: string, load: LoadDecision, files: readonly ListedFile[], counts: boolean): string {
  const lit = quoteRedshiftLiteral;
  const listed = files.map((file, at) => (at === 0
    ? `SELECT CAST(${lit(file.path)} AS varchar(2048)) AS file_key, CAST(${file.size} AS bigint) AS size, CAST(${lit(file.version ?? '')} AS varchar(256)) AS version`
    : `SELECT ${lit(file.path)}, ${file.size}, ${lit(file.version ?? '')}`)).join('\n  UNION ALL ');
  // No checksum: the cluster reads the objects, and their ETags already say when one changes.
  const ids = `${lit(load.loadId)}, ${lit(load.fullLoadId)}, ${lit(load.definition)}, NULL`;
  const head = `INSERT INTO ${ledger} (${LEDGER_COLUMNS.join(', ')})`;
  if (!counts) return `${head}\nSELECT f.file_key, f.size, f.version, NULL, NULL, ${ids}\nFROM (\n  ${listed}\n) f`;
  return [
    head,
    `SELECT f.file_key, f.size, f.version, COALESCE(c.lines, 0) - COALESCE(e.rejected, 0), COALESCE(e.rejected, 0), ${ids}`,
    `FROM (\n  ${listed}\n) f`,
    'LEFT JOIN (SELECT TRIM(filename) AS file_key, SUM(lines_scanned) AS lines FROM stl_load_commits WHERE query = pg_last_copy_id() GROUP BY 1) c ON c.file_key = f.file_key',
    'LEFT JOIN (SELECT TRIM(filename) AS file_key, COUNT(*) AS rejected FROM stl_load_errors WHERE query = pg_last_copy_id() GROUP BY 1) e ON e.file_key = f.file_key',
  ].join('\n');
}

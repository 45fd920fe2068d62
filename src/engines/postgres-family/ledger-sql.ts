/**
 * Load ledgers on PostgreSQL and PGlite (src/plan/loads/load-ledger.ts): the ledger table beside a
 * staging table, its rows streamed by COPY like the staging rows, and the table recording which
 * loads each incremental model has consumed.
 */
import type { ModelNode, SourceNode } from '../../manifest/manifest.js';
import { consumedRelation, LOAD_ID_COLUMN, ledgerRelation } from '../../plan/loads/load-ledger.js';
import type { LedgerDialect } from '../../plan/loads/ledger-dialect.js';
import type { Statement } from '../../plan/types.js';
import type { Relation, SqlQuoting } from '../../sql/quote.js';

/** The ledger's columns, in COPY order; loaded_at takes the transaction's time. */
export const LEDGER_COLUMNS = ['file_key', 'size', 'version', 'rows_loaded', 'rows_rejected', 'load_id', 'full_load_id', 'definition', 'checksum'] as const;

/** Ledger SQL for the PostgreSQL family. */
export function familyLedgerSql(quoting: SqlQuoting): LedgerDialect {
  const rel = (relation: Relation) => quoting.relation(relation);
  return {
    exists: (relation) => `SELECT to_regclass(${quoting.literal(rel(relation))}) IS NOT NULL AS present`,
    // Every column: a ledger of an earlier sparkify lacks `definition` (read-load-state.ts).
    readLedger: (source) => `SELECT * FROM ${rel(ledgerRelation(source.relation))} ORDER BY file_key`,
    readConsumed: (source, modelId) => `SELECT DISTINCT full_load_id FROM ${rel(consumedRelation(source.relation))} WHERE model_id = ${quoting.literal(modelId)}`,
    recordConsumption: (model, sources) => sources.flatMap((source) => consumption(quoting, model, source)),
  };
}

/** CREATE TABLE for a ledger (the plan's side ledger of a full load, or the first one). */
export function createLedger(quoting: SqlQuoting, relation: Relation): string {
  return `CREATE TABLE ${quoting.relation(relation)} (\n  file_key text NOT NULL,\n  size bigint NOT NULL,\n  version text NOT NULL,\n`
    + '  rows_loaded bigint NOT NULL,\n  rows_rejected bigint NOT NULL,\n  load_id varchar(16) NOT NULL,\n  full_load_id varchar(16) NOT NULL,\n'
    + '  loaded_at timestamptz NOT NULL DEFAULT now(),\n  definition text NOT NULL,\n  checksum text\n)';
}

/** The COPY that writes a load's ledger rows, fed by the loader with what it read (`<source id>#ledger`). */
export function copyLedger(quoting: SqlQuoting, source: SourceNode, into: Relation, copySource: string): Statement {
  return {
    sql: `-- rows: one per file this load read, from the sparkify loader\nCOPY ${quoting.relation(into)} (${LEDGER_COLUMNS.join(', ')}) FROM ${copySource}`,
    copyFrom: `${source.id}#ledger`,
  };
}

/** The staging table's own column: the load each row came with (its default is this run's load id). */
export function loadIdColumn(quoting: SqlQuoting, loadId: string): string {
  return `${quoting.identifier(LOAD_ID_COLUMN)} varchar(16) NOT NULL DEFAULT ${quoting.literal(loadId)}`;
}

function consumption(quoting: SqlQuoting, model: ModelNode, source: SourceNode): Statement[] {
  const consumed = quoting.relation(consumedRelation(source.relation));
  const id = quoting.literal(model.id);
  return [
    { sql: `CREATE TABLE IF NOT EXISTS ${consumed} (\n  model_id text NOT NULL,\n  load_id varchar(16) NOT NULL,\n  full_load_id varchar(16) NOT NULL\n)` },
    { sql: `DELETE FROM ${consumed} WHERE model_id = ${id}` },
    { sql: `INSERT INTO ${consumed} (model_id, load_id, full_load_id)\nSELECT DISTINCT ${id}, load_id, full_load_id FROM ${quoting.relation(ledgerRelation(source.relation))}` },
  ];
}

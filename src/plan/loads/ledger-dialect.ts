/** The SQL an engine needs to keep load ledgers (engines whose sources load through sparkify's loader). */
import type { ModelNode, SourceNode } from '../../manifest/manifest.js';
import type { Relation } from '../../sql/quote.js';
import type { Statement } from '../types.js';

/** Ledger SQL of one engine family: generation only, run by the execute phase. */
export interface LedgerDialect {
  /** One row, `present`, true when the relation exists. */
  exists(relation: Relation): string;
  /** The ledger's rows: file_key, size, version, rows_loaded, rows_rejected, load_id, full_load_id. */
  readLedger(source: SourceNode): string;
  /** The full load ids of `source` that `modelId` consumed (column full_load_id), from the consumed table. */
  readConsumed(source: SourceNode, modelId: string): string;
  /** Inside a model's transaction: records that it has consumed every load of each followed source's ledger. */
  recordConsumption(model: ModelNode, sources: SourceNode[]): Statement[];
}

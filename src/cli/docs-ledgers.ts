/**
 * `docs generate` reads the load ledger of each source sparkify loads itself (execute-side I/O: the
 * SQL is the dialect's), summarised for catalog.json and the site by src/docs/catalog/ledger-summary.
 */
import { dbtUniqueId } from '../artifacts/dbt-ids.js';
import { summariseLedger, type SourceLedger } from '../docs/catalog/ledger-summary.js';
import type { Adapter } from '../engines/adapter.js';
import type { Manifest, SourceNode } from '../manifest/manifest.js';
import type { Dialect } from '../plan/dialect.js';
import { readLedger } from '../run/read-load-state.js';

/** Each loaded source's ledger by dbt unique_id; sources without a ledger table yet are left out. */
export async function readDocsLedgers(adapter: Adapter, dialect: Dialect, manifest: Manifest): Promise<Record<string, SourceLedger>> {
  const sql = dialect.ledgers;
  if (!sql) return {};
  const sources = Object.values(manifest.nodes).filter((node): node is SourceNode => node.kind === 'source' && !node.existing);
  const ledgers: Record<string, SourceLedger> = {};
  await adapter.withSession(async (session) => {
    for (const source of sources) {
      const rows = await readLedger(session, sql, source);
      if (rows) ledgers[dbtUniqueId(source, manifest.projectName)] = summariseLedger(rows);
    }
  });
  return ledgers;
}

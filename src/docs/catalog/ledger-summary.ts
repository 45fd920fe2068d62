/**
 * A loaded source's load ledger as the docs show it: a summary (files, rows loaded and rejected, the
 * last load and the current full load) that catalog.json carries as `sparkify_ledger_*` stats (the
 * only place catalog v1 lets a table carry extra facts), and the files, newest first and capped,
 * that the site embeds.
 */
import type { CatalogStat, DbtCatalog } from '../artifacts/dbt-catalog.js';
import type { LedgerEntry } from '../../plan/loads/load-ledger.js';

/** How many files of one source the site lists; the summary still counts them all. */
export const LEDGER_FILE_CAP = 100;

/** The prefix of the catalog stats that hold a ledger's summary. */
export const LEDGER_STAT_PREFIX = 'sparkify_ledger_';

/** A source's ledger for the docs. */
export interface SourceLedger {
  files: number;
  rowsLoaded: number;
  rowsRejected: number;
  lastLoadedAt?: string;
  lastLoadId?: string;
  fullLoadId?: string;
  /** The newest files first, at most LEDGER_FILE_CAP of them. */
  recent: LedgerEntry[];
}

/** Summarises a ledger's rows; the newest row (by loaded_at, then key) names the last load. */
export function summariseLedger(rows: LedgerEntry[], cap = LEDGER_FILE_CAP): SourceLedger {
  const newest = [...rows].sort(newestFirst);
  const last = newest[0];
  return {
    files: rows.length,
    rowsLoaded: rows.reduce((sum, row) => sum + row.rowsLoaded, 0),
    rowsRejected: rows.reduce((sum, row) => sum + row.rowsRejected, 0),
    lastLoadedAt: last?.loadedAt, lastLoadId: last?.loadId, fullLoadId: last?.fullLoadId,
    recent: newest.slice(0, cap).map((row) => ({ ...row })),
  };
}

/** The summary as catalog v1 stats (string, number or null values only). */
export function ledgerStats(ledger: SourceLedger): Record<string, CatalogStat> {
  const stats: Record<string, CatalogStat> = {};
  const add = (id: string, label: string, value: CatalogStat['value'], description: string) => {
    stats[LEDGER_STAT_PREFIX + id] = { id: LEDGER_STAT_PREFIX + id, label, value, include: true, description };
  };
  add('files', 'Ledger files', ledger.files, 'Files whose rows the staging table holds (sparkify load ledger)');
  add('rows_loaded', 'Ledger rows loaded', ledger.rowsLoaded, 'Rows those files brought');
  add('rows_rejected', 'Ledger rows rejected', ledger.rowsRejected, 'Records of those files the loader rejected');
  add('last_loaded_at', 'Last load at', ledger.lastLoadedAt ?? null, 'When the newest file was loaded');
  add('last_load_id', 'Last load id', ledger.lastLoadId ?? null, 'The load (run id) that brought the newest file');
  add('full_load_id', 'Full load id', ledger.fullLoadId ?? null, 'The load that last rebuilt the table in full');
  return stats;
}

/** Adds each ledger's summary to its source's catalog entry (sources the catalog lacks are left out). */
export function addLedgerStats(catalog: DbtCatalog, ledgers: Record<string, SourceLedger>): void {
  for (const [id, ledger] of Object.entries(ledgers)) {
    const table = catalog.sources[id];
    if (!table) continue;
    Object.assign(table.stats, ledgerStats(ledger));
    if (table.stats.has_stats) table.stats.has_stats.value = true;
  }
}

function newestFirst(a: LedgerEntry, b: LedgerEntry): number {
  const time = (b.loadedAt ?? '').localeCompare(a.loadedAt ?? '');
  return time !== 0 ? time : a.key.localeCompare(b.key);
}

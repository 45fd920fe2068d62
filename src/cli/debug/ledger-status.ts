/**
 * What each source's load ledger holds against its location now: files loaded, new, changed and
 * gone, and what the next build would do. Read from the warehouse and the listing (execute-side
 * I/O); `sparkify debug` and `sparkify ls --ledger` print it.
 */
import { createAdapter, dialectFor } from '../../engines/registry.js';
import type { Manifest, SourceNode } from '../../manifest/manifest.js';
import type { SourceLoadState } from '../../plan/loads/load-ledger.js';
import { count, planLoad, sameFile, type LoadDecision } from '../../plan/loads/plan-load.js';
import type { WarehouseState } from '../../plan/warehouse-state.js';
import type { LoadedProject } from '../../project/types.js';
import { readLoadState } from '../../run/read-load-state.js';

/** Each source's ledger and listing, by source id; undefined when the target keeps no ledgers. */
export async function readLedgers(root: string, project: LoadedProject, manifest: Manifest, sources: SourceNode[]): Promise<Record<string, SourceLoadState> | undefined> {
  const dialect = dialectFor(project.target);
  if (!dialect.ledgers) return undefined;
  const state: WarehouseState = { relations: {}, leftovers: [] };
  const adapter = await createAdapter(root, project.target);
  try {
    await adapter.open();
    await readLoadState(adapter, dialect, manifest, sources.map((s) => s.id), { root, s3: project.target.s3 }, state);
  } finally {
    await adapter.close().catch(() => undefined);
  }
  return state.loads ?? {};
}

/** The ledger's files against the listing. */
export interface LedgerCounts {
  loaded: number;
  rows: number;
  fresh: number;
  changed: number;
  gone: number;
}

/** Counts of a source whose ledger and listing were both read. */
export function ledgerCounts(load: Required<Pick<SourceLoadState, 'files' | 'ledger'>>): LedgerCounts {
  const listed = new Map(load.files.map((file) => [file.path, file]));
  const seen = new Set(load.ledger.map((entry) => entry.key));
  const changed = load.ledger.filter((entry) => {
    const file = listed.get(entry.key);
    return file !== undefined && !sameFile(entry, file);
  }).length;
  return {
    loaded: load.ledger.length,
    rows: load.ledger.reduce((sum, entry) => sum + entry.rowsLoaded, 0),
    fresh: load.files.filter((file) => !seen.has(file.path)).length,
    changed,
    gone: load.ledger.filter((entry) => !listed.has(entry.key)).length,
  };
}

/** `30 files loaded (1075 rows): 1 new, 0 changed, 0 gone; next build: 1 new file to append`, and the like. */
export function describeLedger(load: SourceLoadState | undefined): string {
  if (!load?.files) return 'the location cannot be listed (see the source check)';
  if (!load.ledger) return `no load ledger yet: the next build loads all ${count(load.files.length, 'file')}`;
  const c = ledgerCounts({ files: load.files, ledger: load.ledger });
  const loaded = `${count(c.loaded, 'file')} loaded (${count(c.rows, 'row')}): ${c.fresh} new, ${c.changed} changed, ${c.gone} gone`;
  return `${loaded}; next build: ${nextBuild(planLoad(load, 'debug', false, true))}`;
}

function nextBuild(decision: LoadDecision): string {
  if (decision.mode === 'full') return `full reload, ${decision.reason ?? 'no ledger'}`;
  const fresh = decision.files?.length ?? 0;
  return fresh === 0 ? 'nothing new' : `${count(fresh, 'new file')} to append`;
}

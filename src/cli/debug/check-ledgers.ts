/** `sparkify debug`: per source, what its load ledger holds and what the next build would load. */
import { createAdapter, dialectFor } from '../../engines/registry.js';
import type { SourceNode } from '../../manifest/manifest.js';
import { planLoad, type LoadDecision } from '../../plan/loads/plan-load.js';
import type { SourceLoadState } from '../../plan/loads/load-ledger.js';
import type { WarehouseState } from '../../plan/warehouse-state.js';
import { readLoadState } from '../../run/read-load-state.js';
import type { LoadedProject } from '../../project/types.js';
import { loadProjectContext, type GlobalOptions } from '../project-context.js';
import { failed, passed, type CheckResult } from './check.js';

/** One line per source of an engine that keeps ledgers (none on Redshift without a manifest_prefix: its COPY reloads every build). */
export async function checkLedgers(options: GlobalOptions, root: string, project: LoadedProject): Promise<CheckResult[]> {
  const dialect = dialectFor(project.target);
  if (!dialect.ledgers) return [];
  let sources: SourceNode[];
  let state: WarehouseState;
  try {
    const { manifest } = loadProjectContext(options).compiled;
    sources = Object.values(manifest.nodes).filter((node): node is SourceNode => node.kind === 'source');
    state = { relations: {}, leftovers: [] };
    const adapter = await createAdapter(root, project.target);
    try {
      await adapter.open();
      await readLoadState(adapter, dialect, manifest, sources.map((s) => s.id), { root, s3: project.target.s3 }, state);
    } finally {
      await adapter.close().catch(() => undefined);
    }
  } catch (error) {
    return [failed('load ledgers', 'cannot read the load ledgers', error)];
  }
  return sources.map((source) => passed(`ledger ${source.sourceName}.${source.name}`, describeLedger(state.loads?.[source.id])));
}

/** `30 files loaded (1075 rows); next build: 1 new file` and the like. */
export function describeLedger(load: SourceLoadState | undefined): string {
  if (!load?.files) return 'the location cannot be listed (see the source check)';
  if (!load.ledger) return `no load ledger yet: the next build loads all ${plural(load.files.length, 'file')}`;
  const rows = load.ledger.reduce((sum, entry) => sum + entry.rowsLoaded, 0);
  const loaded = `${plural(load.ledger.length, 'file')} loaded (${plural(rows, 'row')})`;
  return `${loaded}; next build: ${nextBuild(planLoad(load, 'debug', false, true))}`;
}

function nextBuild(decision: LoadDecision): string {
  if (decision.mode === 'full') return `full reload, ${decision.reason ?? 'no ledger'}`;
  const fresh = decision.files?.length ?? 0;
  return fresh === 0 ? 'nothing new' : `${plural(fresh, 'new file')} to append`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

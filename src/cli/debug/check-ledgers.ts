/** `sparkify debug`: per source, what its load ledger holds and what the next build would load. */
import { dialectFor } from '../../engines/registry.js';
import type { SourceNode } from '../../manifest/manifest.js';
import type { SourceLoadState } from '../../plan/loads/load-ledger.js';
import type { LoadedProject } from '../../project/types.js';
import { loadProjectContext, type GlobalOptions } from '../project-context.js';
import { failed, passed, type CheckResult } from './check.js';
import { describeLedger, readLedgers } from './ledger-status.js';

/** One line per source of a target that keeps ledgers (none on Redshift without a manifest_prefix: its COPY reloads every build). */
export async function checkLedgers(options: GlobalOptions, root: string, project: LoadedProject): Promise<CheckResult[]> {
  if (!dialectFor(project.target).ledgers) return [];
  let sources: SourceNode[];
  let loads: Record<string, SourceLoadState> | undefined;
  try {
    const { manifest } = loadProjectContext(options).compiled;
    sources = Object.values(manifest.nodes).filter((node): node is SourceNode => node.kind === 'source');
    loads = await readLedgers(root, project, manifest, sources);
  } catch (error) {
    return [failed('load ledgers', 'cannot read the load ledgers', error)];
  }
  if (!loads) return [];
  return sources.map((source) => passed(`ledger ${source.sourceName}.${source.name}`, describeLedger(loads[source.id])));
}

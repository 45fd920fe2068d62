import type { Diagnostic } from '../diagnostics.js';
import type { ExecuteOptions } from './execute-plans.js';

/**
 * A node whose parents are outside the selection reads whatever the warehouse holds for them;
 * when a parent was never built, say so before running rather than letting the SQL fail obscurely.
 */
export async function missingUpstream(id: string, options: ExecuteOptions): Promise<Diagnostic | undefined> {
  const selected = new Set(options.plans.map((p) => p.id));
  const missing: string[] = [];
  for (const parent of builtParents(id, options)) {
    if (selected.has(parent)) continue;
    const node = options.manifest.nodes[parent];
    if (node.kind === 'test' || node.kind === 'unit_test') continue; // tests have no relation (and are never parents)
    if (!(await options.adapter.relationKind(node.relation))) missing.push(`${node.relation.schema}.${node.relation.identifier}`);
  }
  if (missing.length === 0) return undefined;
  const node = options.manifest.nodes[id];
  const name = node.kind === 'source' ? `source:${node.sourceName}.${node.name}` : node.name;
  return {
    code: 'SPK502',
    message: `${name} depends on ${missing.join(', ')}, which ${missing.length === 1 ? 'does' : 'do'} not exist in the warehouse yet`,
    location: { file: node.path },
    node: id,
    hint: `build the upstream nodes too: sparkify build --select +${name}`,
  };
}

/** The parents that exist in the warehouse: an ephemeral parent is inlined, so its own parents count instead. */
function builtParents(id: string, options: ExecuteOptions): string[] {
  const parents = new Set<string>();
  const visit = (child: string) => {
    for (const parent of options.manifest.parentMap[child] ?? []) {
      const node = options.manifest.nodes[parent];
      if (node.kind === 'model' && node.config.materialized === 'ephemeral') visit(parent);
      else parents.add(parent);
    }
  };
  visit(id);
  return [...parents];
}

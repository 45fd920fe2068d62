import type { Diagnostic } from '../diagnostics.js';
import type { Manifest } from '../manifest/manifest.js';
import { RunErrors } from '../run/error-codes.js';
import type { KindRunContext } from './node-kind.js';
import { kindOf } from './registry.js';

/**
 * A node whose parents are outside the selection reads whatever the warehouse holds for them;
 * when a parent was never built, say so before running rather than letting the SQL fail obscurely.
 */
export async function missingUpstream(id: string, context: KindRunContext): Promise<Diagnostic | undefined> {
  const selected = new Set(context.plans.map((p) => p.id));
  const missing: string[] = [];
  for (const relation of builtParents(id, context.manifest, selected)) {
    if (!(await context.adapter.relationKind(relation))) missing.push(`${relation.schema}.${relation.identifier}`);
  }
  if (missing.length === 0) return undefined;
  const node = context.manifest.nodes[id];
  const name = kindOf(node).selector(node);
  return {
    code: RunErrors.missingUpstream,
    message: `${name} depends on ${missing.join(', ')}, which ${missing.length === 1 ? 'does' : 'do'} not exist in the warehouse yet`,
    location: { file: node.path },
    node: id,
    hint: `build the upstream nodes too: sparkify build --select +${name}`,
  };
}

/**
 * The relations of the parents outside the selection: a parent that leaves no relation (an
 * ephemeral model, inlined) counts through its own parents instead.
 */
function builtParents(id: string, manifest: Manifest, selected: ReadonlySet<string>) {
  const relations = new Map<string, { schema: string; identifier: string }>();
  const visit = (child: string) => {
    for (const parent of manifest.parentMap[child] ?? []) {
      const node = manifest.nodes[parent];
      const relation = kindOf(node).relationOf(node);
      if (!relation) visit(parent);
      else if (!selected.has(parent)) relations.set(parent, relation);
    }
  };
  visit(id);
  return [...relations.values()];
}

import type { Diagnostic } from '../diagnostics.js';
import type { Manifest } from '../manifest/manifest.js';
import { RunErrors } from '../run/error-codes.js';
import type { Relation } from '../sql/quote.js';
import type { KindRunContext } from './node-kind.js';
import { kindOf } from './registry.js';

/** A relation outside the selection and whether something other than sparkify loads it. */
interface Upstream {
  relation: Relation;
  /** A source over an existing table: nothing in the project creates it. */
  existing: boolean;
}

/**
 * A node whose parents are outside the selection reads whatever the warehouse holds for them;
 * when a parent was never built, say so before running rather than letting the SQL fail obscurely.
 */
export async function missingUpstream(id: string, context: KindRunContext): Promise<Diagnostic | undefined> {
  const selected = new Set(context.plans.map((p) => p.id));
  const missing: Upstream[] = [];
  for (const upstream of builtParents(id, context.manifest, selected, context.deferred)) {
    if (!(await context.adapter.relationKind(upstream.relation))) missing.push(upstream);
  }
  if (missing.length === 0) return undefined;
  const node = context.manifest.nodes[id];
  const name = kindOf(node).selector(node);
  const names = missing.map((m) => `${m.relation.schema}.${m.relation.identifier}`);
  return {
    code: RunErrors.missingUpstream,
    message: `${name} depends on ${names.join(', ')}, which ${missing.length === 1 ? 'does' : 'do'} not exist in the warehouse yet`,
    location: { file: node.path },
    node: id,
    hint: missing.every((m) => m.existing)
      ? 'a source declared under `sources:` of a schema file reads a table something else loads: load it first, or point the source at it (schema, identifier)'
      : `build the upstream nodes too: sparkify build --select +${name}`,
  };
}

/**
 * The relations of the parents outside the selection (the --defer relation where one is read
 * instead): a parent that leaves no relation (an ephemeral model, inlined) counts through its own parents.
 */
function builtParents(id: string, manifest: Manifest, selected: ReadonlySet<string>, deferred?: ReadonlyMap<string, Relation>): Upstream[] {
  const relations = new Map<string, Upstream>();
  const visit = (child: string) => {
    for (const parent of manifest.parentMap[child] ?? []) {
      const node = manifest.nodes[parent];
      const relation = deferred?.get(parent) ?? kindOf(node).relationOf(node);
      if (!relation) visit(parent);
      else if (!selected.has(parent)) relations.set(parent, { relation, existing: node.kind === 'source' && node.existing === true });
    }
  };
  visit(id);
  return [...relations.values()];
}

/**
 * dbt's --defer (docs: reference/node-selection/defer): a ref to a node outside the selection whose
 * relation does not exist in the target reads the relation of the --state manifest instead, so a
 * model can be built and tested in a dev schema against production's upstream tables.
 */
import { stateRelations } from '../artifacts/state-comparison.js';
import type { Adapter } from '../engines/adapter.js';
import { kindOf } from '../kinds/registry.js';
import type { Relation } from '../sql/quote.js';
import type { ProjectContext } from './project-context.js';
import { readStateArtifact } from './state-dir.js';

/** What defers, by ref name, and by node id (the run checks the deferred relation exists instead). */
export interface Deferral {
  byName: Map<string, Relation>;
  byId: Map<string, Relation>;
}

/** The refs of the selected nodes that read the state's relations; `adapter` is open. */
export async function deferredRelations(context: ProjectContext, ids: string[], stateDir: string, adapter: Adapter): Promise<Deferral> {
  const fromState = stateRelations(readStateArtifact(stateDir, 'manifest.json'));
  const { manifest } = context.compiled;
  const selected = new Set(ids);
  const deferral: Deferral = { byName: new Map(), byId: new Map() };
  for (const parentId of new Set(ids.flatMap((id) => manifest.parentMap[id] ?? []))) {
    const parent = manifest.nodes[parentId];
    const own = kindOf(parent).relationOf(parent);
    const state = fromState.get(parent.name);
    if (selected.has(parentId) || parent.kind === 'source' || !own || !state) continue;
    if (await adapter.relationKind(own)) continue; // it exists in the target: dbt reads it there
    deferral.byName.set(parent.name, state);
    deferral.byId.set(parentId, state);
  }
  return deferral;
}

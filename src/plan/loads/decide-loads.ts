/** Pure: the load decision of every selected source, and why a model that follows loads rebuilds in full. */
import type { Manifest, ModelNode } from '../../manifest/manifest.js';
import type { Dialect } from '../dialect.js';
import type { PlanOptions } from '../plan-model.js';
import { COMPILE_RUN_ID } from '../side-names.js';
import { stateOf } from '../warehouse-state.js';
import { planLoad, type LoadDecision } from './plan-load.js';

/** Each selected source's load this run, on a dialect that keeps ledgers. */
export function decideLoads(manifest: Manifest, ids: string[], dialect: Dialect, options: PlanOptions): Record<string, LoadDecision> {
  const decisions: Record<string, LoadDecision> = {};
  if (!dialect.ledgers) return decisions;
  for (const id of ids) {
    const node = manifest.nodes[id];
    if (node?.kind !== 'source') continue;
    const exists = stateOf(options.state, node.relation)?.kind === 'table';
    decisions[id] = planLoad(options.state?.loads?.[id], options.runId ?? COMPILE_RUN_ID, options.fullRefresh ?? false, exists);
  }
  return decisions;
}

/**
 * Why an incremental model that follows loads must rebuild in full, or undefined: a source it
 * follows holds rows of a full load the model has not consumed (reloaded in full this run or
 * before), or the model has no record of what it consumed. Compile (no state) never says.
 */
export function followRebuildReason(model: ModelNode, options: PlanOptions): string | undefined {
  const state = options.state;
  if (!state || !model.followsLoads?.length) return undefined;
  for (const sourceId of model.followsLoads) {
    const decision = options.loads?.[sourceId];
    const current = decision?.fullLoadId ?? state.loads?.[sourceId]?.ledger?.[0]?.fullLoadId;
    const consumed = state.consumed?.[model.id]?.[sourceId] ?? [];
    const name = sourceId.replace(/^source\./, '');
    if (consumed.length === 0) return `no record of the loads of ${name} it has read`;
    if (current === undefined || consumed.includes(current)) continue;
    const why = decision?.mode === 'full' && decision.reason ? ` (${decision.reason})` : '';
    return `source ${name} was reloaded in full${why}`;
  }
  return undefined;
}

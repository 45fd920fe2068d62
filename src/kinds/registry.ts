/**
 * The node-kind registry: each kind of node is one entry (one file in this folder) that says how it
 * enters the DAG, what compile writes, how it is planned, run and reported. The stages ask the entry
 * instead of testing `node.kind` themselves; a new kind is one file and one line below.
 */
import type { ManifestNode } from '../manifest/manifest.js';
import type { PlanBase } from '../plan/types.js';
import { dataTestKind } from './data-test-kind.js';
import { modelKind } from './model-kind.js';
import type { NodeKind, PlanRunner } from './node-kind.js';
import type { NodePlan } from './node-plan.js';
import { seedKind } from './seed-kind.js';
import { snapshotKind } from './snapshot-kind.js';
import { sourceKind } from './source-kind.js';
import { stepRunner } from './step-kind.js';
import { unitTestKind } from './unit-test-kind.js';

/** Every node kind, in the order counts are printed (`2 sources, 1 seed, 5 models, …`). */
export const NODE_KINDS = [sourceKind, seedKind, modelKind, snapshotKind, dataTestKind, unitTestKind] as const;

/** A node kind as the generic stages hold it: each entry narrows node and plan to its own kind. */
export type AnyNodeKind = NodeKind<ManifestNode, NodePlan>;

const byKind = new Map<string, AnyNodeKind>(NODE_KINDS.map((entry) => [entry.kind, entry as unknown as AnyNodeKind]));

/** The entry of a node's kind. */
export function kindOf(node: Pick<ManifestNode, 'kind'>): AnyNodeKind {
  const entry = byKind.get(node.kind);
  if (!entry) throw new Error(`internal: no node kind '${node.kind}' in the registry`);
  return entry;
}

/** How a plan runs and reports: its node kind's entry, or the run steps' runner. */
export function runnerOf(plan: PlanBase): PlanRunner<NodePlan> {
  return plan.kind === 'step' ? (stepRunner as PlanRunner<NodePlan>) : kindOf({ kind: plan.kind });
}

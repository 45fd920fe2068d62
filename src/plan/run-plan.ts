import type { Manifest, ManifestNode, ModelNode, SourceNode } from '../compile/manifest.js';
import type { Dialect } from './dialect.js';
import { hookStatements } from './hook-statements.js';
import type { PlanOptions } from './plan-model.js';
import { VARIANTS } from './plan-model.js';
import { planNodes } from './plan-nodes.js';
import { SNAPSHOT_VARIANTS } from './plan-snapshot.js';
import { COMPILE_RUN_ID } from './side-names.js';
import type { NodePlan } from './types.js';
import type { StateRequest } from './warehouse-catalog.js';
import type { WarehouseState } from './warehouse-state.js';
import { relationKey } from './warehouse-state.js';

/** Everything one `build` runs, in order: cleanup, on_run_start, the nodes, on_run_end. */
export interface RunPlan {
  runId: string;
  /** Drops side relations of crashed runs; absent when there are none. */
  cleanup?: NodePlan;
  onRunStart?: NodePlan;
  nodes: NodePlan[];
  onRunEnd?: NodePlan;
}

/** The pure plan of a run: `plan(manifest, selection, warehouse state)`. */
export function planRun(manifest: Manifest, orderedIds: string[], dialect: Dialect, options: PlanOptions): RunPlan {
  const leftovers = options.state?.leftovers ?? [];
  return {
    runId: options.runId ?? COMPILE_RUN_ID,
    cleanup: leftovers.length > 0 && dialect.dropLeftovers ? {
      id: 'run.cleanup',
      description: `cleanup of ${leftovers.length} side relation${leftovers.length === 1 ? '' : 's'} left by an earlier run`,
      path: 'project.yml',
      runPath: 'cleanup.sql',
      statements: dialect.dropLeftovers(leftovers),
    } : undefined,
    onRunStart: runHookPlan('on_run_start', manifest.hooks?.onRunStart),
    nodes: planNodes(manifest, orderedIds, dialect, options),
    onRunEnd: runHookPlan('on_run_end', manifest.hooks?.onRunEnd),
  };
}

/**
 * What `compile` shows: the run planned without a warehouse, with both plans of each incremental
 * model (the full build, then the incremental run, labelled by NodePlan.variant).
 */
export function planForReview(manifest: Manifest, orderedIds: string[], dialect: Dialect, fullRefresh = false): RunPlan {
  const run = planRun(manifest, orderedIds, dialect, { fullRefresh: true });
  if (fullRefresh) return run;
  // Snapshots too have a second plan: the later run, once their table exists.
  const incremental = orderedIds.filter((id) => isIncremental(manifest, id) || manifest.nodes[id].kind === 'snapshot');
  const assumed: WarehouseState = { relations: {}, leftovers: [] };
  for (const id of incremental) assumed.relations[relationKey((manifest.nodes[id] as ModelNode).relation)] = { kind: 'table' };
  const second = new Map(planNodes(manifest, incremental, dialect, { state: assumed })
    .filter((plan) => plan.variant === VARIANTS.incremental || plan.variant === SNAPSHOT_VARIANTS.later).map((plan) => [plan.id, plan]));
  return { ...run, nodes: run.nodes.flatMap((plan) => (second.has(plan.id) ? [plan, second.get(plan.id)!] : [plan])) };
}

/** The plans of a run in execution order. */
export function runSteps(run: RunPlan): NodePlan[] {
  return [run.cleanup, run.onRunStart, ...run.nodes, run.onRunEnd].filter((p): p is NodePlan => p !== undefined);
}

/** What the planner needs to know about the warehouse for these nodes. */
export function stateRequest(manifest: Manifest, orderedIds: string[]): StateRequest {
  const nodes = orderedIds.map((id) => manifest.nodes[id]).filter(hasRelation);
  const built = nodes.filter((n) => n.kind === 'source' || n.config.materialized !== 'ephemeral');
  const all = Object.values(manifest.nodes).filter(hasRelation);
  // A snapshot's plan depends on whether its table exists and on its columns (the Redshift plan lists
  // them); it is never swapped, so nothing else is read.
  const snapshots = orderedIds.map((id) => manifest.nodes[id]).filter((n) => n.kind === 'snapshot').map((n) => n.relation);
  return {
    relations: [...built.map((n) => n.relation), ...snapshots],
    columnsOf: [...built.filter((n) => n.kind === 'model' && n.config.materialized === 'incremental').map((n) => n.relation), ...snapshots],
    dependentsOf: built.map((n) => n.relation),
    schemas: [...new Set(all.map((n) => n.relation.schema))].sort(),
    known: all.map((n) => n.relation),
  };
}

function isIncremental(manifest: Manifest, id: string): boolean {
  const node = manifest.nodes[id];
  return node.kind === 'model' && node.config.materialized === 'incremental';
}

/** Models and sources: the nodes that are relations in the warehouse. */
function hasRelation(node: ManifestNode): node is ModelNode | SourceNode {
  return node.kind === 'model' || node.kind === 'source';
}

/** on_run_start/on_run_end as a plan: each hook its own statement, committed as it runs (like dbt). */
function runHookPlan(name: 'on_run_start' | 'on_run_end', hooks: string[] | undefined): NodePlan | undefined {
  const statements = hookStatements(hooks);
  if (statements.length === 0) return undefined;
  return { id: `run.${name}`, description: `${name} hooks of project.yml`, path: 'project.yml', runPath: `${name}.sql`, statements };
}

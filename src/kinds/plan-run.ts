import { VARIANTS } from '../plan/materializations/incremental.js';
import type { Manifest } from '../manifest/manifest.js';
import type { StateNeeds } from './node-kind.js';
import type { NodePlan } from './node-plan.js';
import { kindOf } from './registry.js';
import type { Dialect } from '../plan/dialect.js';
import { hookStatements } from '../plan/hook-statements.js';
import type { PlanOptions } from '../plan/plan-model.js';
import { planNodes } from './plan-nodes.js';
import { SNAPSHOT_VARIANTS } from '../snapshots/plan-snapshot.js';
import { COMPILE_RUN_ID } from '../plan/side-names.js';
import type { StateRequest } from '../plan/warehouse-catalog.js';
import type { WarehouseState } from '../plan/warehouse-state.js';
import { relationKey } from '../plan/warehouse-state.js';
import { quoteIdentifier } from '../sql/quote.js';
import { AUDIT_SCHEMA_SUFFIX } from '../data-tests/plan-test.js';

/** Everything one `build` runs, in order: cleanup, on_run_start, the nodes, on_run_end. */
export interface RunPlan {
  runId: string;
  /** Drops side relations of crashed runs; absent when there are none. */
  cleanup?: NodePlan;
  /**
   * Creates the schemas the nodes build into, one at a time, before any node runs: two nodes running
   * at once on PostgreSQL may otherwise both find a new schema missing and both create it (CREATE
   * SCHEMA IF NOT EXISTS is not safe against that race); dbt creates them up front too. Planned at
   * build time only (compile's review leaves it out: each node's own CREATE SCHEMA is shown).
   */
  schemas?: NodePlan;
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
      kind: 'step',
      description: `cleanup of ${leftovers.length} side relation${leftovers.length === 1 ? '' : 's'} left by an earlier run`,
      path: 'project.yml',
      runPath: 'cleanup.sql',
      statements: dialect.dropLeftovers(leftovers),
    } : undefined,
    schemas: options.state ? schemaStep(manifest, orderedIds, options) : undefined,
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
  // Incremental models and snapshots have a second plan: the one they get once their table exists.
  const incremental = orderedIds.filter((id) => kindOf(manifest.nodes[id]).plansChangeWithTable(manifest.nodes[id]));
  const assumed: WarehouseState = { relations: {}, leftovers: [] };
  for (const id of incremental) assumed.relations[relationKey(kindOf(manifest.nodes[id]).relationOf(manifest.nodes[id])!)] = { kind: 'table' };
  const second = new Map(planNodes(manifest, incremental, dialect, { state: assumed })
    .filter((plan) => plan.variant === VARIANTS.incremental || plan.variant === SNAPSHOT_VARIANTS.later).map((plan) => [plan.id, plan]));
  return { ...run, nodes: run.nodes.flatMap((plan) => (second.has(plan.id) ? [plan, second.get(plan.id)!] : [plan])) };
}

/** The plans of a run in execution order. */
export function runSteps(run: RunPlan): NodePlan[] {
  return [run.cleanup, run.schemas, run.onRunStart, ...run.nodes, run.onRunEnd].filter((p): p is NodePlan => p !== undefined);
}

/** CREATE SCHEMA IF NOT EXISTS of every schema the nodes write to (and the audit schema of stored test failures). */
function schemaStep(manifest: Manifest, orderedIds: string[], options: PlanOptions): NodePlan | undefined {
  const schemas = new Set<string>();
  for (const id of orderedIds) {
    const node = manifest.nodes[id];
    const kind = kindOf(node);
    const relation = kind.runs(node) ? kind.relationOf(node) : undefined;
    if (relation) schemas.add(relation.schema);
    if (node.kind === 'test' && (options.storeFailures || node.config.storeFailures)) schemas.add(`${manifest.target.schema}${AUDIT_SCHEMA_SUFFIX}`);
  }
  if (schemas.size === 0) return undefined;
  return {
    id: 'run.schemas', kind: 'step', description: `the ${schemas.size} schema${schemas.size === 1 ? '' : 's'} the run builds into`,
    path: 'project.yml', runPath: 'schemas.sql',
    statements: [...schemas].sort().map((schema) => ({ sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}` })),
  };
}

/** What the planner needs to know about the warehouse for these nodes, as each one's kind says. */
export function stateRequest(manifest: Manifest, orderedIds: string[]): StateRequest {
  const needs = orderedIds.map((id) => kindOf(manifest.nodes[id]).stateNeeds(manifest.nodes[id]));
  const owned = Object.values(manifest.nodes).flatMap((node) => kindOf(node).stateNeeds(node).owned ?? []);
  const relations = (want: (n: StateNeeds) => boolean | undefined) => needs.filter((n) => n.relation && want(n)).map((n) => n.relation!);
  return {
    relations: relations(() => true),
    columnsOf: relations((n) => n.columns),
    dependentsOf: relations((n) => n.dependents),
    schemas: [...new Set(owned.map((r) => r.schema))].sort(),
    known: owned,
  };
}

/** on_run_start/on_run_end as a plan: each hook its own statement, committed as it runs (like dbt). */
function runHookPlan(name: 'on_run_start' | 'on_run_end', hooks: string[] | undefined): NodePlan | undefined {
  const statements = hookStatements(hooks);
  if (statements.length === 0) return undefined;
  return { id: `run.${name}`, kind: 'step', description: `${name} hooks of project.yml`, path: 'project.yml', runPath: `${name}.sql`, statements };
}

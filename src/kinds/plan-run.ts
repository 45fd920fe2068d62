import { VARIANTS } from '../plan/materializations/incremental.js';
import { VIEW_VARIANTS } from '../plan/materializations/view.js';
import type { Manifest } from '../manifest/manifest.js';
import type { StateNeeds } from './node-kind.js';
import type { NodePlan } from './node-plan.js';
import { kindOf } from './registry.js';
import type { Dialect } from '../plan/dialect.js';
import { hookStatements } from '../plan/hook-statements.js';
import type { PlanOptions } from '../plan/plan-model.js';
import { planNodes } from './plan-nodes.js';
import { decideLoads } from '../plan/loads/decide-loads.js';
import { SNAPSHOT_VARIANTS } from '../snapshots/plan-snapshot.js';
import { COMPILE_RUN_ID } from '../plan/side-names.js';
import type { StateRequest } from '../plan/warehouse-catalog.js';
import type { WarehouseState } from '../plan/warehouse-state.js';
import { relationKey } from '../plan/warehouse-state.js';
import { AUDIT_SCHEMA_SUFFIX } from '../data-tests/plan-test.js';

/** Everything one `build` runs, in order: cleanup, on_run_start, the nodes, on_run_end. */
export interface RunPlan {
  runId: string;
  /** Drops side relations of crashed runs; absent when there are none. */
  cleanup?: NodePlan;
  /** Creates the schemas the nodes build in that the warehouse lacks; absent when there are none. */
  schemas?: NodePlan;
  onRunStart?: NodePlan;
  nodes: NodePlan[];
  onRunEnd?: NodePlan;
}

/** The pure plan of a run: `plan(manifest, selection, warehouse state)`. */
export function planRun(manifest: Manifest, orderedIds: string[], dialect: Dialect, given: PlanOptions): RunPlan {
  const options = { ...given, loads: decideLoads(manifest, orderedIds, dialect, given) };
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
    schemas: schemasPlan(manifest, orderedIds, dialect, options),
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
  // Incremental models, snapshots and views have a second plan: the one they get once their relation exists.
  const assumed: WarehouseState = { relations: {}, leftovers: [] };
  const changing = orderedIds.filter((id) => {
    const node = manifest.nodes[id];
    const kind = kindOf(node).secondPlanWhenExists(node);
    if (kind) assumed.relations[relationKey(kindOf(node).relationOf(node)!)] = { kind };
    return kind !== undefined;
  });
  const later = new Set<string>([VARIANTS.incremental, SNAPSHOT_VARIANTS.later, VIEW_VARIANTS.replace]);
  const second = new Map(planNodes(manifest, changing, dialect, { state: assumed })
    .filter((plan) => plan.variant !== undefined && later.has(plan.variant)).map((plan) => [plan.id, plan]));
  return { ...run, nodes: run.nodes.flatMap((plan) => (second.has(plan.id) ? [plan, second.get(plan.id)!] : [plan])) };
}

/** The plans of a run in execution order. */
export function runSteps(run: RunPlan): NodePlan[] {
  return [run.cleanup, run.schemas, run.onRunStart, ...run.nodes, run.onRunEnd].filter((p): p is NodePlan => p !== undefined);
}

/** What the planner needs to know about the warehouse for these nodes, as each one's kind says. */
export function stateRequest(manifest: Manifest, orderedIds: string[], storeFailures?: boolean): StateRequest {
  const needs = orderedIds.map((id) => kindOf(manifest.nodes[id]).stateNeeds(manifest.nodes[id]));
  const owned = Object.values(manifest.nodes).flatMap((node) => kindOf(node).stateNeeds(node).owned ?? []);
  const relations = (want: (n: StateNeeds) => boolean | undefined) => needs.filter((n) => n.relation && want(n)).map((n) => n.relation!);
  return {
    buildSchemas: buildSchemas(manifest, orderedIds, storeFailures),
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

/**
 * The schemas the nodes among `ids` build a relation in, sorted: not those of nodes that never run
 * (a source over an existing table is not sparkify's to create), and the audit schema when a test
 * keeps its failing rows (--store-failures or its own store_failures config).
 */
function buildSchemas(manifest: Manifest, ids: string[], storeFailures?: boolean): string[] {
  const schemas = new Set<string>();
  for (const id of ids) {
    const node = manifest.nodes[id];
    const kind = kindOf(node);
    const relation = kind.runs(node) ? kind.relationOf(node) : undefined;
    if (relation) schemas.add(relation.schema);
    if (node.kind === 'test' && (node.config.storeFailures ?? storeFailures)) schemas.add(`${manifest.target.schema}${AUDIT_SCHEMA_SUFFIX}`);
  }
  return [...schemas].sort();
}

/**
 * The run step that creates the missing schemas: those the catalog did not list (with no state, as
 * for compile, every one but `public`, created IF NOT EXISTS).
 */
function schemasPlan(manifest: Manifest, ids: string[], dialect: Dialect, options: PlanOptions): NodePlan | undefined {
  const existing = new Set(options.state?.schemas ?? []);
  const missing = buildSchemas(manifest, ids, options.storeFailures).filter((schema) => !existing.has(schema));
  const statements = dialect.createSchemas?.(missing) ?? [];
  if (statements.length === 0) return undefined;
  const count = statements.length;
  return {
    id: 'run.schemas', kind: 'step', path: 'project.yml', runPath: 'schemas.sql', statements,
    description: `creation of ${count} schema${count === 1 ? '' : 's'} the run builds in`,
  };
}

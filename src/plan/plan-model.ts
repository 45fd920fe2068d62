import type { ModelNode } from '../compile/manifest.js';
import { SparkifyError } from '../diagnostics.js';
import type { BuildContext, Dialect } from './dialect.js';
import { COMPILE_RUN_ID } from './side-names.js';
import type { NodePlan } from './types.js';
import type { WarehouseState } from './warehouse-state.js';
import { stateOf } from './warehouse-state.js';

/** What the pure planner takes besides the manifest and the selection. */
export interface PlanOptions {
  /** Names the run's side relations; compile uses COMPILE_RUN_ID. */
  runId?: string;
  /** `--full-refresh`: incremental models are rebuilt from scratch. */
  fullRefresh?: boolean;
  /** The warehouse as build found it; undefined for compile. */
  state?: WarehouseState;
}

/** Variant labels compile prints for the two plans of an incremental model. */
export const VARIANTS = {
  full: 'full build: the first run, --full-refresh, or no table yet',
  incremental: 'incremental run: the table exists and no --full-refresh',
} as const;

/** The context a dialect plans one relation with. */
export function buildContext(node: { relation: ModelNode['relation'] }, options: PlanOptions): BuildContext {
  return {
    runId: options.runId ?? COMPILE_RUN_ID,
    existing: stateOf(options.state, node.relation),
    serverVersion: options.state?.serverVersion,
  };
}

/** The plan of one model, by materialization. */
export function planModel(node: ModelNode, dialect: Dialect, options: PlanOptions): NodePlan {
  if (node.hooks && !dialect.runsModelHooks) {
    throw new SparkifyError({
      code: 'SPK137',
      message: `model '${node.name}' has pre_hook/post_hook, which the ${dialect.name} dialect cannot run yet`,
      location: { file: node.path },
      node: node.id,
      hint: 'remove the hooks for this target, or build on PostgreSQL/PGlite',
    });
  }
  const context = buildContext(node, options);
  const relation = `${node.relation.schema}.${node.relation.identifier}`;
  const base = { id: node.id, path: node.path, runPath: node.path };
  switch (node.config.materialized) {
    case 'ephemeral':
      // Inlined as a CTE into the models that ref it (compile); nothing exists in the warehouse.
      return { ...base, description: `ephemeral model ${node.name}`, statements: [] };
    case 'view':
      return { ...base, description: `view model ${relation}`, statements: dialect.buildView(node, context) };
    case 'incremental':
      return planIncremental(node, dialect, context, options);
    default:
      return { ...base, description: `table model ${relation}`, statements: dialect.buildTable(node, context) };
  }
}

function planIncremental(node: ModelNode, dialect: Dialect, context: BuildContext, options: PlanOptions): NodePlan {
  const description = `incremental model ${node.relation.schema}.${node.relation.identifier}`;
  const fullRefresh = node.incremental?.fullRefresh ?? options.fullRefresh ?? false;
  if (fullRefresh || context.existing?.kind !== 'table') {
    return { id: node.id, path: node.path, runPath: node.path, description, statements: dialect.buildTable(node, context), variant: VARIANTS.full };
  }
  return {
    id: node.id,
    path: node.path,
    runPath: incrementalPath(node.path),
    description,
    statements: dialect.buildIncremental(node, context),
    variant: VARIANTS.incremental,
  };
}

/** `models/x.sql` → `models/x.incremental.sql`: where the incremental SQL and plan are written. */
export function incrementalPath(path: string): string {
  return path.replace(/(\.sql)?$/, '.incremental.sql');
}

import type { SourceNode } from '../manifest/manifest.js';
import type { LoadDecision } from './loads/plan-load.js';
import type { RelationPlan } from './types.js';
import type { ModelNode } from '../manifest/manifest.js';
import { SparkifyError } from '../diagnostics.js';
import { MATERIALIZERS } from './materializations/index.js';
import { PlanErrors } from './error-codes.js';
import type { BuildContext, Dialect } from './dialect.js';
import { COMPILE_RUN_ID } from './side-names.js';
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
  /** --warn-error: a data test that would warn fails instead (dbt's LogTestResult promotion). */
  warnError?: boolean;
  /** --empty: sources and seeds are created without rows (their COPY is left out). */
  empty?: boolean;
  /** --store-failures: each data test keeps its failing rows in a table of the audit schema. */
  storeFailures?: boolean;
  /** How each selected source loads this run (decideLoads, from state.loads). */
  loads?: Record<string, LoadDecision>;
  /** The manifest's source nodes by id (a model that follows loads names its sources' tables). */
  sourceOf?: (id: string) => SourceNode | undefined;
}

/** The context a dialect plans one relation with. */
export function buildContext(node: { relation: ModelNode['relation'] }, options: PlanOptions): BuildContext {
  return {
    runId: options.runId ?? COMPILE_RUN_ID,
    existing: stateOf(options.state, node.relation),
    serverVersion: options.state?.serverVersion,
  };
}

/** The plan of one model, by materialization. */
export function planModel(node: ModelNode, dialect: Dialect, options: PlanOptions): RelationPlan {
  if (node.hooks && !dialect.runsModelHooks) {
    throw new SparkifyError({
      code: PlanErrors.hooksUnsupported,
      message: `model '${node.name}' has pre_hook/post_hook, which the ${dialect.name} dialect cannot run yet`,
      location: { file: node.path },
      node: node.id,
      hint: 'remove the hooks for this target, or build on PostgreSQL/PGlite',
    });
  }
  const head = { id: node.id, kind: 'model' as const, path: node.path, runPath: node.path };
  return MATERIALIZERS[node.config.materialized](node, dialect, buildContext(node, options), options, head);
}

import type { RelationPlan } from '../plan/types.js';
import { SparkifyError } from '../diagnostics.js';
import { PlanErrors } from '../plan/error-codes.js';
import type { SnapshotNode } from '../manifest/snapshot-node.js';
import type { Dialect } from '../plan/dialect.js';
import { buildContext, type PlanOptions } from '../plan/plan-model.js';

/** Variant labels compile prints for the two plans of a snapshot. */
export const SNAPSHOT_VARIANTS = {
  first: 'first run: no table yet, created from the query',
  later: 'later run: the table exists; changed and deleted rows are closed, new versions inserted',
} as const;

/**
 * The plan of a snapshot: the first run while its table does not exist, else a later run. A
 * snapshot is never rebuilt (not even by --full-refresh, as in dbt): its table is its history.
 */
export function planSnapshot(node: SnapshotNode, dialect: Dialect, options: PlanOptions): RelationPlan {
  if (!dialect.buildSnapshot) {
    throw new SparkifyError({
      code: PlanErrors.snapshotUnsupported, message: `snapshot '${node.name}' cannot be built by the ${dialect.name} dialect`,
      location: { file: node.path }, node: node.id, hint: 'build snapshots on PostgreSQL, PGlite or Redshift',
    });
  }
  const context = buildContext(node, options);
  const later = context.existing?.kind === 'table';
  return {
    id: node.id,
    kind: 'snapshot',
    description: `snapshot ${node.relation.schema}.${node.relation.identifier}`,
    path: node.path,
    runPath: later ? laterRunPath(node.path) : node.path,
    statements: dialect.buildSnapshot(node, context),
    variant: later ? SNAPSHOT_VARIANTS.later : SNAPSHOT_VARIANTS.first,
  };
}

/** `snapshots/x.sql` → `snapshots/x.later.sql`: where compile writes the plan of a later run. */
export function laterRunPath(path: string): string {
  return path.replace(/(\.sql)?$/, '.later.sql');
}

import type { ModelNode } from '../../manifest/manifest.js';
import type { BuildContext, Dialect } from '../dialect.js';
import type { PlanOptions } from '../plan-model.js';
import type { RelationPlan } from '../types.js';

/** What every materialization's plan shares: the node's id, kind, path and run file. */
export type PlanHead = Pick<RelationPlan, 'id' | 'kind' | 'path' | 'runPath'>;

/**
 * One materialization (table, view, incremental, ephemeral): how a model materialized that way is
 * planned with the target's dialect. A new one is a module beside this one and a line in index.ts.
 */
export type Materializer = (model: ModelNode, dialect: Dialect, context: BuildContext, options: PlanOptions, head: PlanHead) => RelationPlan;

/** `schema.identifier`, as plan descriptions print a relation. */
export function relationName(model: ModelNode): string {
  return `${model.relation.schema}.${model.relation.identifier}`;
}

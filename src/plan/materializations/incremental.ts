import type { ModelNode, SourceNode } from '../../manifest/manifest.js';
import type { PlanOptions } from '../plan-model.js';
import type { Dialect } from '../dialect.js';
import { followRebuildReason } from '../loads/decide-loads.js';
import type { Statement } from '../types.js';
import { relationName, type Materializer } from './materialization.js';

/** Variant labels compile prints for the two plans of an incremental model. */
export const VARIANTS = {
  full: 'full build: the first run, --full-refresh, or no table yet',
  incremental: 'incremental run: the table exists and no --full-refresh',
} as const;

/** `models/x.sql` → `models/x.incremental.sql`: where the incremental SQL and plan are written. */
export function incrementalPath(path: string): string {
  return path.replace(/(\.sql)?$/, '.incremental.sql');
}

/**
 * Built in full while its table does not exist (or with --full-refresh, unless config(full_refresh=
 * false)); else its new rows are added with its strategy.
 */
export const planIncremental: Materializer = (model, dialect, context, options, head) => {
  const description = `incremental model ${relationName(model)}`;
  const fullRefresh = model.incremental?.fullRefresh ?? options.fullRefresh ?? false;
  const exists = context.existing?.kind === 'table';
  const reason = exists && !fullRefresh && dialect.ledgers ? followRebuildReason(model, options) : undefined;
  if (fullRefresh || !exists || reason) {
    const notes = reason ? { notes: [`full rebuild: ${reason}`] } : {};
    return { ...head, description, statements: withConsumption(model, dialect, options, dialect.buildTable(model, context)), variant: VARIANTS.full, ...notes };
  }
  const statements = withConsumption(model, dialect, options, dialect.buildIncremental(model, context));
  return { ...head, runPath: incrementalPath(model.path), description, statements, variant: VARIANTS.incremental };
};

/** A model that follows loads records, before its COMMIT, the loads it has now consumed. */
function withConsumption(model: ModelNode, dialect: Dialect, options: PlanOptions, statements: Statement[]): Statement[] {
  const sources = (model.followsLoads ?? []).map((id) => options.sourceOf?.(id)).filter((s): s is SourceNode => s !== undefined);
  if (!dialect.ledgers || sources.length === 0) return statements;
  const record = dialect.ledgers.recordConsumption(model, sources);
  return [...statements.slice(0, -1), ...record, ...statements.slice(-1)];
};

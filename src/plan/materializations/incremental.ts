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
  if (fullRefresh || context.existing?.kind !== 'table') {
    return { ...head, description, statements: dialect.buildTable(model, context), variant: VARIANTS.full };
  }
  return { ...head, runPath: incrementalPath(model.path), description, statements: dialect.buildIncremental(model, context), variant: VARIANTS.incremental };
};

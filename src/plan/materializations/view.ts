import { relationName, type Materializer } from './materialization.js';

/** Variant labels compile prints for the two plans of a view model. */
export const VIEW_VARIANTS = {
  create: 'first build: no view yet (a table in its place is swapped out)',
  replace: 'later builds: the view exists, so it is built aside and swapped in, its grants and the views that read it kept',
} as const;

/** `models/x.sql` → `models/x.replace.sql`: where the plan that replaces an existing view is written. */
export function replacePath(path: string): string {
  return path.replace(/(\.sql)?$/, '.replace.sql');
}

/**
 * CREATE OR REPLACE VIEW while no view exists; once one does, a view built aside and swapped in,
 * since its columns may have changed (the dialect's buildView says why).
 */
export const planView: Materializer = (model, dialect, context, _options, head) => {
  const replace = context.existing?.kind === 'view';
  return {
    ...head,
    ...(replace ? { runPath: replacePath(model.path) } : {}),
    description: `view model ${relationName(model)}`,
    statements: dialect.buildView(model, context),
    variant: replace ? VIEW_VARIANTS.replace : VIEW_VARIANTS.create,
  };
};

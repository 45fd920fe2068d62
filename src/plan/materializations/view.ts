import { relationName, type Materializer } from './materialization.js';

/** CREATE OR REPLACE VIEW (or a view swapped in where a table stood). */
export const planView: Materializer = (model, dialect, context, _options, head) => ({
  ...head, description: `view model ${relationName(model)}`, statements: dialect.buildView(model, context),
});

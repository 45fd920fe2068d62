import { relationName, type Materializer } from './materialization.js';

/** A table built aside and swapped in, in one transaction (the dialect's buildTable). */
export const planTable: Materializer = (model, dialect, context, _options, head) => ({
  ...head, description: `table model ${relationName(model)}`, statements: dialect.buildTable(model, context),
});

import type { Materializer } from './materialization.js';

/** Inlined as a CTE into the models that ref it (compile); nothing exists in the warehouse. */
export const planEphemeral: Materializer = (model, _dialect, _context, _options, head) => ({
  ...head, description: `ephemeral model ${model.name}`, statements: [],
});

/** The materializations, by name: each one module. */
import type { Materialization } from '../../manifest/manifest.js';
import { planEphemeral } from './ephemeral.js';
import { planIncremental } from './incremental.js';
import type { Materializer } from './materialization.js';
import { planTable } from './table.js';
import { planView } from './view.js';

/** How each materialization is planned. */
export const MATERIALIZERS: Record<Materialization, Materializer> = {
  table: planTable,
  view: planView,
  incremental: planIncremental,
  ephemeral: planEphemeral,
};

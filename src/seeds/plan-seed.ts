import type { RelationPlan } from '../plan/types.js';
import type { SeedNode } from '../manifest/seed-node.js';
import type { Dialect } from '../plan/dialect.js';
import { buildContext, type PlanOptions } from '../plan/plan-model.js';
import { withoutRows } from '../plan/without-rows.js';

/** The plan of a seed: its dialect's loadSeed. */
export function planSeed(seed: SeedNode, dialect: Dialect, options: PlanOptions): RelationPlan {
  return {
    id: seed.id,
    kind: 'seed',
    description: `seed ${seed.name}`,
    path: seed.path,
    runPath: `seeds/${seed.name}.sql`,
    statements: withoutRows(dialect.loadSeed(seed, buildContext(seed, options)), options.empty),
  };
}

import type { SeedNode } from '../seeds/seed-node.js';
import type { Dialect } from './dialect.js';
import { buildContext, type PlanOptions } from './plan-model.js';
import type { NodePlan } from './types.js';

/** The plan of a seed: its dialect's loadSeed. */
export function planSeed(seed: SeedNode, dialect: Dialect, options: PlanOptions): NodePlan {
  return {
    id: seed.id,
    description: `seed ${seed.name}`,
    path: seed.path,
    runPath: `seeds/${seed.name}.sql`,
    statements: dialect.loadSeed(seed, buildContext(seed, options)),
  };
}

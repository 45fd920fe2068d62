import { SparkifyError } from '../diagnostics.js';
import type { SeedNode } from '../seeds/seed-node.js';
import type { Dialect } from './dialect.js';
import { buildContext, type PlanOptions } from './plan-model.js';
import type { NodePlan } from './types.js';

/** The plan of a seed: its dialect's loadSeed, or a plan error on a dialect that cannot load one. */
export function planSeed(seed: SeedNode, dialect: Dialect, options: PlanOptions): NodePlan {
  if (!dialect.loadSeed) {
    throw new SparkifyError({
      code: 'SPK354',
      message: `seed '${seed.name}' cannot be loaded on a ${dialect.name} target: seeds are streamed from local files with COPY FROM STDIN`,
      location: { file: seed.path },
      node: seed.id,
      hint: `leave it out with --exclude resource_type:seed, or load it on a postgres or pglite target`,
    });
  }
  return {
    id: seed.id,
    description: `seed ${seed.name}`,
    path: seed.path,
    runPath: `seeds/${seed.name}.sql`,
    statements: dialect.loadSeed(seed, buildContext(seed, options)),
  };
}

import { quoteLiteral } from '../sql/quote.js';
import type { SeedNode } from '../seeds/seed-node.js';
import type { Dialect } from './dialect.js';
import { buildContext, type PlanOptions } from './plan-model.js';
import type { NodePlan, Statement } from './types.js';

/** The plan of a seed: its dialect's loadSeed, or a failing check on a dialect that cannot load one. */
export function planSeed(seed: SeedNode, dialect: Dialect, options: PlanOptions): NodePlan {
  return {
    id: seed.id,
    description: `seed ${seed.name}`,
    path: seed.path,
    runPath: `seeds/${seed.name}.sql`,
    statements: dialect.loadSeed ? dialect.loadSeed(seed, buildContext(seed, options)) : [cannotLoad(seed, dialect.name)],
  };
}

/**
 * Redshift has no COPY FROM STDIN. A plan error would stop `compile` and every build of a project
 * with a seed, so the seed's own node fails when it runs (its descendants are skipped), and only
 * when it is selected.
 */
function cannotLoad(seed: SeedNode, dialect: string): Statement {
  return {
    sql: `-- check: seeds are streamed from local files with COPY FROM STDIN, which ${dialect} has not\nSELECT ${quoteLiteral(seed.path)} AS seed`,
    check: {
      code: 'SPK354',
      message: `seed '${seed.name}' cannot be loaded on a ${dialect} target`,
      hint: 'leave seeds out with --exclude resource_type:seed, or load them on a postgres or pglite target',
    },
  };
}

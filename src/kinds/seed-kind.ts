/** Seeds: CSV files under seeds/, each loaded into a table of its name. */
import type { SeedNode } from '../manifest/seed-node.js';
import { runPath } from '../run/artifacts.js';
import { runPlanStatements } from '../run/run-statements.js';
import { seedGraphNode } from '../seeds/compile-seeds.js';
import { planSeed } from '../seeds/plan-seed.js';
import { openSeedFeed } from '../seeds/seed-feed.js';
import type { RelationPlan } from '../plan/types.js';
import type { NodeKind } from './node-kind.js';

/** The seed entry of the node-kind registry. */
export const seedKind: NodeKind<SeedNode, RelationPlan> = {
  kind: 'seed',
  noun: ['seed', 'seeds'],
  selector: (node) => node.name,
  graphNode: seedGraphNode,
  compiledFiles: () => [],
  plan: (seed, dialect, options) => planSeed(seed, dialect, options),
  relationOf: (seed) => seed.relation,
  runs: () => true,
  secondPlanWhenExists: () => undefined,
  previewSql: (seed, quoting) => `SELECT * FROM ${quoting.relation(seed.relation)}`,
  // Views on a seed (a dbt project's staging views) are re-pointed when it is swapped, as for tables.
  stateNeeds: (seed) => ({ relation: seed.relation, dependents: true, owned: seed.relation }),
  errorFiles: (plan) => ({ runFile: runPath(plan) }),
  openFeed: (seed, context) => openSeedFeed(context.root, seed),
  execute: runPlanStatements,
  usesWarehouse: true,
  reportsAs: 'build',
  verb: () => 'loaded',
  label: (plan) => plan.description,
};

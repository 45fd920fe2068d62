/** A plan of any node kind: the discriminated union of each kind's plan (by `kind`). */
import type { DataTestPlan } from '../data-tests/plan-test.js';
import type { RelationPlan } from '../plan/types.js';
import type { UnitTestNodePlan } from '../unit-tests/plan-unit-test.js';

/**
 * The ordered statements that build one node (or run one run step). Narrow by `kind`; the `never`
 * markers only let code probe `plan.test` / `plan.unitTest` on an unnarrowed plan (undefined for
 * the other kinds) — no plan can carry another kind's field.
 */
export type NodePlan =
  | (RelationPlan & { test?: never; unitTest?: never })
  | (DataTestPlan & { unitTest?: never })
  | (UnitTestNodePlan & { test?: never });

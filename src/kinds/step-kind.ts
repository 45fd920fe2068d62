/** Run steps, which belong to no node: the cleanup of a crashed run's leftovers, on_run_start, on_run_end. */
import type { RelationPlan } from '../plan/types.js';
import { runPlanStatements } from '../run/run-statements.js';
import type { PlanRunner } from './node-kind.js';

/** How a run step runs and reports. */
export const stepRunner: PlanRunner<RelationPlan> = {
  execute: runPlanStatements,
  usesWarehouse: true,
  reportsAs: 'build',
  verb: () => 'ran',
  label: (plan) => plan.description,
};

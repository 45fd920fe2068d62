/** Unit tests (dbt 1.8's): a model run on given rows in an in-memory PGlite, never in the warehouse. */
import type { UnitTestNode } from '../manifest/unit-test-node.js';
import { runPath } from '../run/artifacts.js';
import { unitTestGraphNode } from '../unit-tests/compile-unit-tests.js';
import { planUnitTest, type UnitTestNodePlan } from '../unit-tests/plan-unit-test.js';
import { runUnitTest } from '../unit-tests/run-unit-test.js';
import type { NodeKind } from './node-kind.js';

/** The unit test entry of the node-kind registry. */
export const unitTestKind: NodeKind<UnitTestNode, UnitTestNodePlan> = {
  kind: 'unit_test',
  noun: ['unit test', 'unit tests'],
  selector: (node) => node.name,
  graphNode: unitTestGraphNode,
  compiledFiles: () => [],
  // Whatever the target: a unit test runs in an in-memory PGlite (the relations it creates come from the manifest).
  plan: (test, _dialect, _options, manifest) => planUnitTest(test, manifest),
  relationOf: () => undefined,
  runs: () => true,
  secondPlanWhenExists: () => undefined,
  // It runs in its own in-memory database: the warehouse holds no rows of it.
  previewSql: () => undefined,
  stateNeeds: () => ({}),
  errorFiles: (plan) => ({ runFile: runPath(plan) }),
  execute(plan, context) {
    if (!context.unitTests) throw new Error('internal: unit tests planned without a unit-test engine');
    return runUnitTest(plan, plan.unitTest, context.unitTests, context.signal);
  },
  // It reads nothing from the warehouse: it waits for nothing (its model waits for it).
  usesWarehouse: false,
  reportsAs: 'test',
  sample: 'diff',
  verb: () => 'tested',
  label: (plan) => plan.unitTest.label,
};

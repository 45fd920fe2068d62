/** Data tests: queries that return the failing rows of what a build produced (schema and singular tests). */
import { testGraphNode } from '../data-tests/compile-data-tests.js';
import { planTest, type DataTestPlan } from '../data-tests/plan-test.js';
import { runTest } from '../data-tests/run-test.js';
import type { TestNode } from '../manifest/test-node.js';
import { compiledPath, runPath } from '../run/artifacts.js';
import type { NodeKind } from './node-kind.js';

/** The data test entry of the node-kind registry. */
export const dataTestKind: NodeKind<TestNode, DataTestPlan> = {
  kind: 'test',
  noun: ['test', 'tests'],
  selector: (node) => node.name,
  graphNode: testGraphNode,
  compiledFiles: (test) => [{ path: test.sqlPath, sql: test.compiledSql }],
  plan: (test, _dialect, options, manifest) => planTest(test, { ...options, targetSchema: manifest.target.schema }),
  relationOf: () => undefined,
  runs: () => true,
  secondPlanWhenExists: () => undefined,
  // A test shows its failing rows.
  previewSql: (test) => test.compiledSql,
  stateNeeds: () => ({}),
  errorFiles: (plan, test) => ({ runFile: runPath(plan), compiledFile: compiledPath(test.sqlPath), compiledSql: test.compiledSql }),
  execute: runTest,
  usesWarehouse: true,
  reportsAs: 'test',
  sample: 'rows',
  verb: () => 'tested',
  label: (plan) => plan.test.name,
};

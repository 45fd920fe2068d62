/**
 * dbt's selector methods for tests: `test_type:generic|singular|data` (data: every data test, as
 * dbt 1.8+ calls both kinds; never unit tests, which are `test_type:unit`) and `test_name:unique`
 * (the generic test a node runs).
 */
import { fnmatcher } from './fnmatch.js';
import type { GraphNode } from './types.js';

const TEST_TYPES = ['data', 'generic', 'singular', 'unit'];

/** `test_type:` */
export const byTestType = {
  check: (value: string) => (TEST_TYPES.includes(value) ? undefined : `test types are ${TEST_TYPES.join(', ')}`),
  matcher: (value: string) => (node: GraphNode) =>
    value === 'unit' ? node.kind === 'unit_test' : node.kind === 'test' && (value === 'data' || node.testType === value),
  candidates: (node: GraphNode) => (node.testType === undefined ? [] : [node.testType]),
};

/** `test_name:` */
export const byTestName = {
  matcher: (value: string) => {
    const matches = fnmatcher(value);
    return (node: GraphNode) => node.testName !== undefined && matches(node.testName);
  },
  candidates: (node: GraphNode) => (node.testName === undefined ? [] : [node.testName]),
};

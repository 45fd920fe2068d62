/**
 * A data test's plan: count the rows its query returns (the failures), then, only when there are
 * some, fetch the first few to show. Both are plain SELECTs that run the same on every dialect, and
 * they embed the compiled test verbatim so a database error maps back to its line.
 */
import type { TestNode } from '../manifest/test-node.js';
import type { PlanBase } from '../plan/types.js';

/** How a data test's result is judged: statement 0 counts the failing rows, statement 1 samples them. */
export interface TestPlan {
  name: string;
  severity: 'error' | 'warn';
  warnIf: string;
  errorIf: string;
  /** Rows the sample statement returns at most. */
  sampleSize: number;
}

/** A data test's plan: its two statements and how to judge what they return. */
export interface DataTestPlan extends PlanBase {
  kind: 'test';
  test: TestPlan;
}

/** Failing rows shown and stored in run_results.json. */
export const SAMPLE_SIZE = 5;

/** The statements that run one test. */
export function planTest(node: TestNode): DataTestPlan {
  const query = node.compiledSql;
  return {
    id: node.id,
    kind: 'test',
    description: `test ${node.name}`,
    path: node.path,
    runPath: node.sqlPath,
    statements: [
      { sql: `-- ${node.name}: count the failing rows\nselect count(*) as failures from (\n${query}\n) as sparkify_test` },
      { sql: `-- the first ${SAMPLE_SIZE} failing rows (run only when there are some)\nselect * from (\n${query}\n) as sparkify_test\nlimit ${SAMPLE_SIZE}` },
    ],
    test: {
      name: node.name,
      severity: node.config.severity,
      warnIf: node.config.warnIf,
      errorIf: node.config.errorIf,
      sampleSize: SAMPLE_SIZE,
    },
  };
}

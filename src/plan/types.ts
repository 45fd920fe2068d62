import type { UnitTestPlan } from '../unit-tests/plan-unit-test.js';

/** One SQL statement of a node's plan, executed exactly as printed. */
export interface Statement {
  sql: string;
  /** Set on a COPY statement: its rows are streamed from this source node's files by the loader. */
  copyFrom?: string;
  /** The statement whose row count is the node's result (the CTAS, the COPY; several add up). */
  reportsRows?: boolean;
  /** A COPY the warehouse runs itself (Redshift from S3): the records it rejected are read back with Session.loadErrors(). */
  serverLoad?: boolean;
  /** A query that checks an assumption of the plan: any row it returns fails the node (see StatementCheck). */
  check?: StatementCheck;
}

/** What a failed check says; the executor appends the first returned row (`key = 'value', rows = 2`). */
export interface StatementCheck {
  code: string;
  message: string;
  hint?: string;
}

/** The ordered statements that build one node. */
export interface NodePlan {
  id: string;
  /** What the CLI calls it: `table model users`, `view model x`, `source sparkify.staging_events`. */
  description: string;
  /** The file the node comes from, for error messages. */
  path: string;
  /** Where `compile` writes the statements (`target/run/...`). */
  runPath: string;
  statements: Statement[];
  /** Set when the plan is one of several a node may get, depending on the warehouse (compile prints each, labelled). */
  variant?: string;
  /** Set for a data test: its statements count the failing rows, then fetch a sample (see plan-test.ts). */
  test?: TestPlan;
  /** Set for a unit test: what runs in the in-memory database (see plan-unit-test.ts). */
  unitTest?: UnitTestPlan;
}

/** How a data test's result is judged: statement 0 counts the failing rows, statement 1 samples them. */
export interface TestPlan {
  name: string;
  severity: 'error' | 'warn';
  warnIf: string;
  errorIf: string;
  /** Rows the sample statement returns at most. */
  sampleSize: number;
}

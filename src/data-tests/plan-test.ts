/**
 * A data test's plan: count the rows its query returns (the failures), then, only when there are
 * some, fetch the first few to show. Both are plain SELECTs that run the same on every dialect, and
 * they embed the compiled test verbatim so a database error maps back to its line. With
 * --store-failures (or `store_failures: true`), the failing rows are first kept in a table of the
 * audit schema, as dbt does, and both queries read that table.
 */
import type { TestNode } from '../manifest/test-node.js';
import type { PlanBase, Statement } from '../plan/types.js';
import { quoteIdentifier, type Relation } from '../sql/quote.js';

/** How a data test's result is judged: statement `countAt` counts the failing rows, the next samples them. */
export interface TestPlan {
  name: string;
  severity: 'error' | 'warn';
  warnIf: string;
  errorIf: string;
  /** Rows the sample statement returns at most. */
  sampleSize: number;
  /** --warn-error: a result that would warn fails instead. */
  warnIsError?: boolean;
  /** Index of the count statement; the statements before it store the failing rows (--store-failures). */
  countAt: number;
  /** The table the failing rows are kept in, when stored. */
  storedIn?: Relation;
}

/** A data test's plan: its statements and how to judge what they return. */
export interface DataTestPlan extends PlanBase {
  kind: 'test';
  test: TestPlan;
}

/** Failing rows shown and stored in run_results.json. */
export const SAMPLE_SIZE = 5;

/** dbt's schema for stored failures: `<target schema>_dbt_test__audit`. */
export const AUDIT_SCHEMA_SUFFIX = '_dbt_test__audit';

/** What planning a test may be told. */
export interface TestPlanOptions {
  warnError?: boolean;
  /** --store-failures: keep every test's failing rows (a test's own `store_failures` config wins). */
  storeFailures?: boolean;
  /** The target schema, which the audit schema is named after. */
  targetSchema?: string;
}

/** The statements that run one test. */
export function planTest(node: TestNode, options: TestPlanOptions = {}): DataTestPlan {
  const stored = (node.config.storeFailures ?? options.storeFailures) ? auditRelation(node, options.targetSchema ?? 'public') : undefined;
  const store = stored ? storeStatements(node, stored) : [];
  const query = stored ? `select * from ${quoteRelation(stored)}` : node.compiledSql;
  return {
    id: node.id,
    kind: 'test',
    description: `test ${node.name}`,
    path: node.path,
    runPath: node.sqlPath,
    statements: [
      ...store,
      { sql: `-- ${node.name}: count the failing rows\nselect count(*) as failures from (\n${query}\n) as sparkify_test` },
      { sql: `-- the first ${SAMPLE_SIZE} failing rows (run only when there are some)\nselect * from (\n${query}\n) as sparkify_test\nlimit ${SAMPLE_SIZE}` },
    ],
    test: {
      name: node.name,
      severity: node.config.severity,
      warnIf: node.config.warnIf,
      errorIf: node.config.errorIf,
      sampleSize: SAMPLE_SIZE,
      countAt: store.length,
      ...(options.warnError ? { warnIsError: true } : {}),
      ...(stored ? { storedIn: stored } : {}),
    },
  };
}

/** dbt names the table after the test (its file name, under 64 characters). */
function auditRelation(node: TestNode, targetSchema: string): Relation {
  const identifier = node.sqlPath.split('/').pop()!.replace(/\.sql$/, '');
  return { schema: `${targetSchema}${AUDIT_SCHEMA_SUFFIX}`, identifier };
}

/**
 * The failing rows replace the table's previous ones, as dbt's store_failures does. No transaction:
 * a test's session is not rolled back on error, and an audit table briefly absent harms nobody.
 */
function storeStatements(node: TestNode, stored: Relation): Statement[] {
  const table = quoteRelation(stored);
  return [
    { sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(stored.schema)}` },
    { sql: `DROP TABLE IF EXISTS ${table}` },
    { sql: `-- ${node.name}: keep the failing rows (--store-failures)\nCREATE TABLE ${table} AS\n${node.compiledSql}` },
  ];
}

function quoteRelation(relation: Relation): string {
  return `${quoteIdentifier(relation.schema)}.${quoteIdentifier(relation.identifier)}`;
}

/** The manifest shapes of data tests and of the column docs that schema files give models. */

/** How bad a failing test is: `error` fails the command and skips what is downstream, `warn` only reports. */
export type TestSeverity = 'error' | 'warn';

/** A test's config once dbt's defaults are applied. */
export interface TestConfig {
  severity: TestSeverity;
  /** Conditions on the failing-row count, e.g. `!= 0` (the default of both). */
  warnIf: string;
  errorIf: string;
  /** The condition that narrows the tested model's rows, when one was given. */
  where?: string;
  /** `store_failures`: keep the failing rows in a table of the audit schema (over --store-failures). */
  storeFailures?: boolean;
}

/**
 * A compiled data test: a query that returns the failing rows, so the test passes when it returns
 * none. Generic tests come from a schema file, singular tests are SQL files under `tests/`.
 */
export interface TestNode {
  /** `test.not_null_users_user_id`. */
  id: string;
  kind: 'test';
  /** dbt's synthesized name (`accepted_values_users_level__free__paid`) or the singular test's file name. */
  name: string;
  testType: 'generic' | 'singular';
  /** The generic test it runs: `unique`, `relationships`, a custom `between`; absent for singular tests. */
  testName?: string;
  /** Project-relative file that declares it: the schema file, or the singular test's .sql. */
  path: string;
  line: number;
  /** Path of its compiled SQL under target/compiled/ and of its plan under target/run/. */
  sqlPath: string;
  fqn: string[];
  /** The installed package it comes from (dbt's package_name); absent for the project's own. */
  packageName?: string;
  /** The model a generic test is declared on, and the column (as written) for a column test. */
  attachedNode?: string;
  columnName?: string;
  /** Arguments as written in the schema file. */
  args?: Record<string, unknown>;
  config: TestConfig;
  tags: string[];
  refs: string[];
  sources: [string, string][];
  dependsOn: string[];
  /** The SELECT that returns the failing rows. */
  compiledSql: string;
}

/** A documented column of a model (from a schema file), as the manifest records it. */
export interface ColumnInfo {
  name: string;
  description?: string;
  dataType?: string;
  tags: string[];
}

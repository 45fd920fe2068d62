/** Shapes of a schema file (`models/**\/*.yml`): model and column docs and the data tests declared on them. */
import type { Position } from '../diagnostics.js';
import type { TestSeverity } from '../manifest/test-node.js';


/** Per-test config, as written; unset keys take dbt's defaults when the test is compiled. */
export interface TestConfigSpec {
  severity?: TestSeverity;
  /** A condition on the failing-row count, e.g. `!= 0` or `> 10` (normalised: operator, space, integer). */
  warnIf?: string;
  errorIf?: string;
  /** A SQL condition: the test only looks at the model's rows that satisfy it. */
  where?: string;
  tags?: string[];
  enabled?: boolean;
  /** Keep the failing rows in a table of the audit schema (dbt's store_failures). */
  storeFailures?: boolean;
}

/** One argument of a generic test and where its key is written. */
export interface TestArgSpec {
  name: string;
  /** Plain YAML value (templated strings rendered). */
  value: unknown;
  at: Position;
}

/** One entry of a `data_tests:` (or `tests:`) list. */
export interface TestSpec {
  /** The generic test: `unique`, `accepted_values`, or a custom one (`between`). */
  test: string;
  args: TestArgSpec[];
  config: TestConfigSpec;
  /** A name given with `name:` instead of the synthesized one. */
  name?: string;
  /** Where the entry is written (its list item). */
  at: Position;
}

/** A documented column of a model. */
export interface ColumnDoc {
  name: string;
  description?: string;
  dataType?: string;
  /** Tags every test on the column inherits (as in dbt). */
  tags: string[];
  tests: TestSpec[];
  at: Position;
}

/** A model entry of a schema file. */
export interface ModelDoc {
  name: string;
  description?: string;
  columns: ColumnDoc[];
  /** Model-level tests (custom tests taking only `model`, or tests given `column_name` as an argument). */
  tests: TestSpec[];
  /** A model's `config:` (config() spelling), applied under the model's own config() calls. */
  config?: Record<string, unknown>;
  /** Where the model's name is written. */
  at: Position;
}

import type { Position } from '../diagnostics.js';
/** Shapes of a `unit_tests:` entry of a schema file (dbt 1.8's unit-test YAML), as written. */

/** How rows are written: a list of mappings (dict, the default), CSV text or a query. */
export type RowsFormat = 'dict' | 'csv' | 'sql';

/** One row of a dict-format list: column → plain YAML value. */
export interface DictRow {
  values: Record<string, unknown>;
  at: Position;
}

/** Rows of a `given` input or of `expect`, in the format they are written in. */
export interface RowsSpec {
  format: RowsFormat;
  /** dict: the rows (an empty list is allowed: an input, or a result, with no rows). */
  dict?: DictRow[];
  /** csv (and sql): the inline text, and the line its first line is on. */
  text?: { value: string; line: number };
  /** A file under tests/fixtures/ named without its extension (dbt's `fixture:`). */
  fixture?: { name: string; at: Position };
  /** Where the entry starts. */
  at: Position;
}

/** One `given` entry: which relation the rows stand in for. */
export interface GivenSpec extends RowsSpec {
  /** As written: `ref('users')`, `source('sparkify', 'staging_events')` or `this`. */
  input: string;
  inputAt: Position;
}

/** What `overrides:` sets for the render of the model. */
export interface OverridesSpec {
  macros: Record<string, unknown>;
  vars: Record<string, unknown>;
  envVars: Record<string, string>;
  at: Position;
}

/** One unit test as written. */
export interface UnitTestSpec {
  name: string;
  model: string;
  description?: string;
  tags: string[];
  enabled: boolean;
  given: GivenSpec[];
  expect?: RowsSpec;
  overrides?: OverridesSpec;
  /** Where its name is written. */
  at: Position;
  modelAt: Position;
}

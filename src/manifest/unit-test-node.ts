/** The manifest shape of a unit test: a model run on given rows and compared with expected rows. */
import type { Relation } from '../sql/quote.js';

/** Rows as compile normalises them: every value as text (cast by the database) or NULL. */
export interface UnitTestRows {
  columns: string[];
  rows: UnitTestRow[];
}

/** One row, in `columns` order, with the line it is written on. */
export interface UnitTestRow {
  values: (string | null)[];
  line: number;
}

/** Rows that stand in for one relation the model reads. */
export interface UnitTestInput {
  /** As written: `ref('users')`, `source('sparkify', 'staging_events')`, `this`. */
  input: string;
  /** The node the rows stand in for (for `this`, the model itself). */
  nodeId: string;
  relation: Relation;
  line: number;
  given: UnitTestRows;
}

/**
 * A compiled unit test (dbt 1.8): the model's SQL, rendered with the test's overrides, runs in an
 * in-memory database on the given rows; the test passes when it returns exactly the expected rows
 * on the columns `expect` names.
 */
export interface UnitTestNode {
  /** `unit_test.users.latest_level_wins`. */
  id: string;
  kind: 'unit_test';
  name: string;
  /** The model it tests. */
  model: string;
  /** The schema file that declares it, and the line of its name. */
  path: string;
  line: number;
  fqn: string[];
  description?: string;
  tags: string[];
  /** The model: selecting it selects the unit test; in `build` the model waits for it. */
  dependsOn: string[];
  /** Nodes to create empty before the rows go in, parents first (sources, seeds, models; `this` last). */
  fixtures: string[];
  inputs: UnitTestInput[];
  expect: UnitTestRows;
  /** The overrides as written, for the record. */
  overrides?: { macros: Record<string, unknown>; vars: Record<string, unknown>; envVars: Record<string, string> };
  /** The model's SELECT rendered with the overrides, relations resolved and ephemeral models inlined. */
  compiledSql: string;
}

/** Unit test ids are `unit_test.<model>.<name>`. */
export function unitTestId(model: string, name: string): string {
  return `unit_test.${model}.${name}`;
}

/** How the CLI names a unit test, as dbt prints it: `users::latest_level_wins`. */
export function unitTestLabel(node: { model: string; name: string }): string {
  return `${node.model}::${node.name}`;
}

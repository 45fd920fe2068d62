/**
 * A unit test's plan (pure): the statements that create, empty, every relation the model reads,
 * insert the given rows and run the model into a temporary table. They run in an in-memory PGlite
 * inside one transaction that is always rolled back; the comparison with the expected rows is
 * written at run time, once the result's column types are known (compare-sql.ts).
 */
import type { Manifest, ManifestNode } from '../manifest/manifest.js';
import { SparkifyError } from '../diagnostics.js';
import type { PlanBase } from '../plan/types.js';
import { quoteIdentifier, quoteLiteral, quoteRelation } from '../sql/quote.js';
import { UnitTestErrors } from './error-codes.js';
import { unitTestLabel, type UnitTestNode, type UnitTestRows } from '../manifest/unit-test-node.js';

/** The temporary table the model's rows go into. */
export const ACTUAL_TABLE = 'sparkify_unit_test_actual';

/** A model's SQL inside a statement, so a database error in it names the model's file and line. */
export interface SqlOrigin {
  /** The model's file. */
  file: string;
  /** The SQL as the statement embeds it. */
  sql: string;
  /** The line of the model's compiled SQL that `sql` starts on (leading blank lines are trimmed). */
  firstLine: number;
}

/** What the unit-test runner executes, step by step (NodePlan.statements is the same, for review). */
export interface UnitTestPlan {
  /** `users::latest_level_wins`. */
  label: string;
  line: number;
  /** BEGIN, the schemas and the empty relations, parents first. */
  setup: string[];
  /** For each setup statement that runs a model's SQL (an empty copy of a parent model), where it comes from. */
  setupOrigins: (SqlOrigin | undefined)[];
  inputs: InputPlan[];
  /** Runs the model into ACTUAL_TABLE. */
  actual: string;
  /** The tested model's SQL in `actual`. */
  actualOrigin: SqlOrigin;
  expect: UnitTestRows;
}

/** A unit test's plan: its statements (for review) and what the unit-test runner executes. */
export interface UnitTestNodePlan extends PlanBase {
  kind: 'unit_test';
  unitTest: UnitTestPlan;
}

/** The INSERTs of one input, a row each (so a value the column type refuses names its line). */
export interface InputPlan {
  input: string;
  line: number;
  relation: string;
  columns: string[];
  rows: { sql: string; line: number }[];
}

/** The plan of one unit test; `manifest` gives the relations it creates. */
export function planUnitTest(node: UnitTestNode, manifest: Manifest): UnitTestNodePlan {
  const fixtures = node.fixtures.map((id) => manifest.nodes[id]);
  const schemas = [...new Set(fixtures.flatMap((f) => ('relation' in f ? [f.relation.schema] : [])))].sort();
  const model = manifest.nodes[node.dependsOn.find((id) => manifest.nodes[id]?.kind === 'model') ?? ''];
  const plan: UnitTestPlan = {
    label: unitTestLabel(node),
    line: node.line,
    setup: ['BEGIN', ...schemas.map((s) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(s)}`), ...fixtures.map((f) => createEmpty(f, node))],
    setupOrigins: [undefined, ...schemas.map(() => undefined), ...fixtures.map((f) => (f.kind === 'model' ? originOf(f.path, f.compiledSql) : undefined))],
    inputs: node.inputs.map((input) => ({
      input: input.input,
      line: input.line,
      relation: quoteRelation(input.relation),
      columns: input.given.columns,
      rows: input.given.rows.map((row) => ({ sql: insertRow(quoteRelation(input.relation), input.given.columns, row.values), line: row.line })),
    })),
    actual: `CREATE TEMPORARY TABLE ${quoteIdentifier(ACTUAL_TABLE)} AS\n${withoutSemicolon(node.compiledSql)}`,
    actualOrigin: originOf(model?.path ?? node.path, node.compiledSql),
    expect: node.expect,
  };
  const statements = [
    `-- unit test ${plan.label} (${node.path}:${node.line}): run in an in-memory PGlite, never in the warehouse`,
    ...plan.setup, ...plan.inputs.flatMap((i) => i.rows.map((r) => r.sql)), plan.actual,
    '-- then the result is compared with the expected rows (EXCEPT ALL both ways), and everything is rolled back\nROLLBACK',
  ];
  return {
    id: node.id,
    kind: 'unit_test',
    description: `unit test ${plan.label}`,
    path: node.path,
    runPath: `${node.path}/unit_test.${node.model}.${node.name}.sql`,
    statements: [{ sql: `${statements[0]}\n${statements[1]}` }, ...statements.slice(2).map((sql) => ({ sql }))],
    unitTest: plan,
  };
}

/** An empty relation with the columns and types the warehouse would have. */
function createEmpty(node: ManifestNode, test: UnitTestNode): string {
  switch (node.kind) {
    case 'source':
      return `CREATE TABLE ${quoteRelation(node.relation)} (${sourceColumns(node, test).map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ')})`;
    case 'seed':
      return `CREATE TABLE ${quoteRelation(node.relation)} (${node.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ')})`;
    case 'model':
      // A view is created as a table: only its columns matter here.
      return `CREATE TABLE ${quoteRelation(node.relation)} AS\n${withoutSemicolon(node.compiledSql)}\nWITH NO DATA`;
    default:
      throw new SparkifyError({
        code: UnitTestErrors.databaseError,
        message: `unit test ${unitTestLabel(test)} reads ${node.id}, which a unit test cannot create yet`,
        location: { file: test.path, line: test.line },
        node: test.id,
      });
  }
}

/**
 * A loaded source's columns have types; a source over an existing table documents what it likes: a
 * column without data_type, or one only the test's rows name, is text (write data_type to cast).
 */
function sourceColumns(node: Extract<ManifestNode, { kind: 'source' }>, test: UnitTestNode): { name: string; type: string }[] {
  if (!node.existing) return node.columns;
  const columns = node.columns.map((c) => ({ name: c.name, type: c.type || 'text' }));
  const given = test.inputs.find((input) => input.nodeId === node.id)?.given.columns ?? [];
  for (const name of given) if (!columns.some((c) => c.name === name)) columns.push({ name, type: 'text' });
  return columns;
}

/** One row; values are untyped literals, so each is cast to its column's type by the INSERT. */
function insertRow(relation: string, columns: string[], values: (string | null)[]): string {
  if (columns.length === 0) return `INSERT INTO ${relation} DEFAULT VALUES`;
  const literals = values.map((v) => (v === null ? 'NULL' : quoteLiteral(v)));
  return `INSERT INTO ${relation} (${columns.map(quoteIdentifier).join(', ')}) VALUES (${literals.join(', ')})`;
}

/** Where `compiledSql`, as withoutSemicolon embeds it, starts in the model's file. */
function originOf(file: string, compiledSql: string): SqlOrigin {
  const leading = compiledSql.slice(0, compiledSql.length - compiledSql.trimStart().length);
  return { file, sql: withoutSemicolon(compiledSql), firstLine: leading.split('\n').length };
}

function withoutSemicolon(sql: string): string {
  return sql.trim().replace(/;+$/, '');
}

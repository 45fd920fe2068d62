/**
 * Fixtures of the SQL-injection tests: one project with a PGlite, a PostgreSQL and a Redshift
 * target, compiled offline with the values under test passed as --vars and environment values, and
 * readers that take a string literal apart the way each engine does.
 */
import assert from 'node:assert/strict';
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { readDataTestFiles } from '../../src/data-tests/index.js';
import { loadProject, type LoadedProject } from '../../src/project/index.js';
import { writeProject } from '../compile/fixture.js';

/**
 * Values that end, or try to end, a '...' literal early: on Redshift a backslash escapes the next
 * character, so `\'` is a quote inside the literal there and `\'; DROP ...` closes it after the
 * doubled quote. Unicode and line breaks must arrive unchanged too.
 */
export const NASTY = [
  "it's",
  'back\\slash',
  "\\'; DROP TABLE x; --",
  "\\''; DROP TABLE x; --",
  'ends with a backslash\\',
  '\\\\',
  "''",
  'Zoë 🎧 ünïcødé 日本語',
  'line\nbreak',
  '-- not a comment',
];

/** The targets of the fixture: the name to select and its type. */
export const TARGETS = { dev: 'pglite', pg: 'postgres', rs: 'redshift' } as const;

const PROJECT_YML = `name: injection
default_target: dev
targets:
  dev:
    type: pglite
  pg:
    type: postgres
    url: postgres://localhost:5432/injection
  rs:
    type: redshift
    host: cluster.example
    iam_role: "{{ var('iam_role', 'arn:aws:iam::123456789012:role/sparkify') }}"
    region: us-west-2
`;

/** One source whose location and JSONPaths file are vars, so --vars reach the COPY. */
const SOURCES_YML = `sources:
  - name: raw
    tables:
      - name: events
        location: "{{ var('events_location', 's3://bucket/events') }}"
        jsonpaths: "{{ var('events_jsonpaths', 'auto') }}"
        columns:
          - {name: id, type: integer}
          - {name: kind, type: varchar(64)}
`;

/**
 * A model selecting each `values` var through `| literal`, then the `env_value` environment value,
 * each aliased c<n>: the literals sit between `select ` / `, ` and ` as c<n>`.
 */
export const LITERALS_MODEL = `select {% for v in var('values') %}{{ v | literal }} as c{{ loop.index }}, {% endfor %}{{ env_var('SPARKIFY_INJECTION') | literal }} as env\n`;

/** schema.yml with accepted_values over `values` on the `kind` column of model `kinds`. */
export function acceptedValuesSchema(values: string[]): string {
  // JSON is YAML: each value is written as a double-quoted scalar with JSON's escapes.
  return `models:\n  - name: kinds\n    columns:\n      - name: kind\n        tests:\n          - accepted_values:\n              values: [${values.map((v) => JSON.stringify(v)).join(', ')}]\n`;
}

/** A compiled fixture and the project (with its selected target) it was loaded from. */
export interface Injection {
  project: LoadedProject;
  compiled: CompiledProject;
}

/** Compiles the fixture for `target`, with --vars `vars` (as JSON), `env` and extra files. */
export function compileInjection(target: keyof typeof TARGETS, vars: Record<string, unknown>, env: Record<string, string>, files: Record<string, string>): Injection {
  const root = writeProject({ 'project.yml': PROJECT_YML, 'sources.yml': SOURCES_YML, ...files });
  const project = loadProject(root, { env, targetName: target, varsText: JSON.stringify(vars) });
  const { modelPaths, macroPaths, testPaths } = project.config;
  const compiled = compileProject({
    project, env, files: readProjectFiles(root, modelPaths, macroPaths), dataTests: readDataTestFiles(root, modelPaths, testPaths),
  });
  return { project, compiled };
}

/** The compiled SQL of a model or test node. */
export function compiledSql({ compiled }: Injection, id: string): string {
  const node = compiled.manifest.nodes[id];
  assert.ok(node && 'compiledSql' in node, `${id} has compiled SQL`);
  return (node as { compiledSql: string }).compiledSql;
}

/** A literal read off the start of some SQL, and the SQL after it. */
export interface ReadLiteral {
  value: string;
  rest: string;
}

/**
 * Reads the '...' literal at the start of `sql` as Redshift does: `''` is a quote and a backslash
 * escapes the next character. Only `\\` and `\'` are accepted after a backslash: quoteRedshiftLiteral
 * never writes another escape, and anything else (`\n`, octal) would mean a value was changed.
 */
export function readRedshiftLiteral(sql: string): ReadLiteral {
  assert.equal(sql[0], "'", `a literal starts at: ${sql.slice(0, 40)}`);
  let value = '';
  for (let i = 1; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === '\\') {
      assert.ok(sql[i + 1] === '\\' || sql[i + 1] === "'", `unexpected escape \\${sql[i + 1]} in ${sql}`);
      value += sql[++i];
    } else if (ch === "'" && sql[i + 1] === "'") [value, i] = [value + "'", i + 1];
    else if (ch === "'") return { value, rest: sql.slice(i + 1) };
    else value += ch;
  }
  assert.fail(`unterminated literal: ${sql}`);
}

/**
 * Reads `count` comma-separated literals starting at `sql` (after the text `before`), each followed
 * by what `after(i)` says, as Redshift parses them. Returns the values.
 */
export function readRedshiftList(sql: string, before: string, count: number, after: (i: number) => string): string[] {
  const at = sql.indexOf(before);
  assert.notEqual(at, -1, `${before} in ${sql}`);
  let rest = sql.slice(at + before.length);
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    const literal = readRedshiftLiteral(rest);
    values.push(literal.value);
    assert.ok(literal.rest.startsWith(after(i)), `literal #${i + 1} is followed by ${JSON.stringify(after(i))}, not ${JSON.stringify(literal.rest.slice(0, 40))}`);
    rest = literal.rest.slice(after(i).length);
  }
  return values;
}

/** A generic test declared in a schema file, compiled into the query that selects its failing rows. */
import type { Position } from '../diagnostics.js';
import { posix } from 'node:path';
import { closestName } from '../diagnostics.js';
import type { TestNode } from '../manifest/test-node.js';
import type { PackageRef } from '../project/project-files.js';
import type { ColumnDoc, TestArgSpec, TestSpec } from '../project/schema-types.js';
import { BUILTIN_TESTS, type BuiltinTest, type TestParam } from './builtin-tests.js';
import { TestErrors } from './error-codes.js';
import { renderBuiltin } from './render-builtin.js';
import { renderTestMacro, type RenderedTest } from './render-test-macro.js';
import { testConfig, testedName, testedRelation, testFqn, testId, type TestCompileContext, type TestedNode } from './test-context.js';
import type { TestMacro } from './test-macros.js';
import { synthesizeTestName } from './test-names.js';

/** A test entry together with what it is declared on. */
export interface DeclaredTest {
  spec: TestSpec;
  /** The schema file it is written in. */
  file: string;
  model: TestedNode;
  column?: ColumnDoc;
  /** The package whose schema file declares it (absent: the project's). */
  package?: PackageRef;
}

/** Which implementation runs a test: a built-in, or a `test_<name>` macro (which wins when both exist). */
export type TestDefinition = { kind: 'builtin'; test: BuiltinTest } | { kind: 'macro'; macro: TestMacro };

/** The arguments a test is called with, `column_name` included, each with where it is written. */
export type TestArgs = Map<string, TestArgSpec>;

/** Compiles one declared test; undefined (with diagnostics reported) when it is wrong. */
export function compileGenericTest(declared: DeclaredTest, ctx: TestCompileContext): TestNode | undefined {
  const { spec, model, column } = declared;
  const definition = findDefinition(declared, ctx);
  if (!definition) return undefined;
  const args = collectArgs(declared, paramsOf(definition), ctx);
  if (!args) return undefined;
  if (definition.kind === 'macro' && !definition.macro.takesModel) return macroWithoutModel(definition.macro, spec.at, ctx);
  const names = spec.name ? { name: spec.name, fileName: spec.name } : testNames(spec.test.replace('.', '_'), model, plainArgs(args));
  const config = testConfig(spec.config);
  const call = { model: testedRelation(model, config.where), relation: model.relation, column: columnSql(args, column, ctx), args };
  const rendered = definition.kind === 'builtin'
    ? renderBuiltin(definition.test, call, where(declared), ctx)
    : renderTestMacro(definition.macro, call, { name: names.name, at: spec.at, where: where(declared) }, ctx);
  if (!rendered) return undefined;
  return testNode(declared, names, config, rendered, ctx);
}

/** "column 'level' of model 'users'", for messages. */
function where({ model, column }: DeclaredTest): string {
  return column ? `column '${column.name}' of ${testedName(model)}` : testedName(model);
}

/** dbt names a test on a source `source_<test>_<source>_<table>_…` (generic_test_builders.py). */
function testNames(test: string, node: TestedNode, args: Record<string, unknown>) {
  return node.kind === 'source' ? synthesizeTestName(`source_${test}`, `${node.sourceName}_${node.name}`, args) : synthesizeTestName(test, node.name, args);
}

function findDefinition(declared: DeclaredTest, ctx: TestCompileContext): TestDefinition | undefined {
  const { test, at } = declared.spec;
  const macro = ctx.macros.get(test);
  if (macro) return { kind: 'macro', macro };
  const builtin = BUILTIN_TESTS.get(test);
  if (builtin) return { kind: 'builtin', test: builtin };
  const close = closestName(test, [...BUILTIN_TESTS.keys(), ...ctx.macros.keys()]);
  ctx.report({
    code: TestErrors.unknownTest,
    message: `unknown test '${test}' on ${where(declared)}`,
    location: at,
    hint: close
      ? `did you mean '${close}'?`
      : 'built-in tests are unique, not_null, accepted_values and relationships; a custom one is a macro ' +
        `test_${test}(model, column_name, ...) under macros/ or tests/generic/`,
  });
  return undefined;
}

function paramsOf(definition: TestDefinition): TestParam[] {
  return definition.kind === 'builtin' ? definition.test.params : definition.macro.params;
}

/** The arguments with `column_name` from the column; undefined when one is missing or unknown. */
function collectArgs(declared: DeclaredTest, params: TestParam[], ctx: TestCompileContext): TestArgs | undefined {
  const { spec, column } = declared;
  const known = params.map((param) => param.name);
  const args: TestArgs = new Map();
  if (column) args.set('column_name', { name: 'column_name', value: column.name, at: spec.at });
  let ok = true;
  for (const arg of spec.args) {
    if (arg.name === 'column_name' && column) ok = reportArg(ctx, arg.at, `\`column_name\` of a test on ${where(declared)} is the column's name`, 'remove it, or declare the test on the model');
    else if (!known.includes(arg.name) && arg.name !== 'column_name') ok = unknownArgument(declared, arg, known, ctx);
    else args.set(arg.name, arg);
  }
  for (const param of params) {
    if (param.required && !args.has(param.name)) ok = missingArgument(declared, param.name, ctx);
  }
  return ok ? args : undefined;
}

function unknownArgument(declared: DeclaredTest, arg: TestArgSpec, known: string[], ctx: TestCompileContext): false {
  const close = closestName(arg.name, known);
  const takes = known.length === 0 ? 'no arguments' : known.map((name) => `\`${name}\``).join(', ');
  ctx.report({
    code: TestErrors.unknownArgument,
    message: `test '${declared.spec.test}' on ${where(declared)} has no argument \`${arg.name}\``,
    location: arg.at,
    hint: close ? `did you mean \`${close}\`?` : `it takes ${takes}`,
  });
  return false;
}

function missingArgument(declared: DeclaredTest, name: string, ctx: TestCompileContext): false {
  const hint = name === 'column_name'
    ? 'declare the test under a column, or give `column_name`'
    : `add \`${name}:\` under \`${declared.spec.test}:\``;
  ctx.report({
    code: TestErrors.missingArgument,
    message: `test '${declared.spec.test}' on ${where(declared)} is missing the argument \`${name}\``,
    location: declared.spec.at,
    hint,
  });
  return false;
}

function reportArg(ctx: TestCompileContext, at: Position, message: string, hint: string): false {
  ctx.report({ code: TestErrors.invalidArgument, message, location: at, hint });
  return false;
}

function macroWithoutModel(macro: TestMacro, at: Position, ctx: TestCompileContext): undefined {
  ctx.report({
    code: TestErrors.badTestMacro,
    message: `generic test macro ${macro.macro} (${macro.file}:${macro.line}) does not take \`model\``,
    location: at,
    hint: `make \`model\` its first parameter: {% macro ${macro.macro}(model, column_name, ...) %}`,
  });
  return undefined;
}

/** A column's name is an identifier, quoted; a `column_name` argument is an expression, used as written. */
function columnSql(args: TestArgs, column: ColumnDoc | undefined, ctx: TestCompileContext): string | undefined {
  if (column) return ctx.quoting.identifier(column.name);
  const given = args.get('column_name')?.value;
  return given === undefined ? undefined : String(given);
}

function plainArgs(args: TestArgs): Record<string, unknown> {
  return Object.fromEntries([...args.values()].map((arg) => [arg.name, arg.value]));
}

function testNode(
  declared: DeclaredTest,
  names: { name: string; fileName: string },
  config: TestNode['config'],
  rendered: RenderedTest,
  ctx: TestCompileContext,
): TestNode {
  const { spec, file, model, column } = declared;
  const refs = [...new Set([...(model.kind === 'source' ? [] : [model.name]), ...rendered.refs])];
  const sources: [string, string][] = model.kind === 'source' ? [[model.sourceName, model.name], ...rendered.sources] : rendered.sources;
  const tags = [...new Set([...(column?.tags ?? []), ...(spec.config.tags ?? [])])].sort();
  const node: TestNode = {
    id: testId(names.name),
    kind: 'test',
    name: names.name,
    testType: 'generic',
    testName: spec.test,
    path: file,
    line: spec.at.line,
    sqlPath: posix.join(file, `${names.fileName}.sql`),
    fqn: testFqn(ctx.projectName, file, names.name, declared.package),
    ...(declared.package ? { packageName: declared.package.name } : {}),
    attachedNode: model.id,
    args: Object.fromEntries(spec.args.map((arg) => [arg.name, arg.value])),
    config,
    tags,
    refs,
    sources,
    dependsOn: [...new Set([model.id, ...rendered.dependsOn])],
    compiledSql: rendered.sql,
  };
  if (column) node.columnName = column.name;
  return node;
}

/**
 * The `unit_tests:` list of a schema file (dbt 1.8's shape): which model, the rows given for the
 * relations it reads, the rows expected and the overrides of its render. Problems are returned as
 * diagnostics at their file:line, so compile reports them with every other one.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { ProjectErrors } from '../config/error-codes.js';
import { MapReader } from '../config/map-reader.js';
import { describe, plainValue, Rejection } from '../config/node-values.js';
import { ReadScope, type ScopeContext } from '../config/read-scope.js';
import type { DictRow, GivenSpec, OverridesSpec, RowsFormat, RowsSpec, UnitTestSpec } from './unit-test-spec.js';
import { anything, boolean, nonEmptyText, oneOf, text, textList, type Kind } from '../config/value-kinds.js';
import { parseYamlSource, type YamlSource } from '../config/yaml-source.js';

const unitTestKeys = ['name', 'description', 'model', 'given', 'expect', 'overrides', 'config'];
const givenKeys = ['input', 'format', 'rows', 'fixture'];
const expectKeys = ['format', 'rows', 'fixture'];
const overrideKeys = ['macros', 'vars', 'env_vars'];
const configKeys = ['tags', 'enabled', 'meta'];
const FORMATS: readonly RowsFormat[] = ['dict', 'csv', 'sql'];

/** What the `unit_tests:` of one schema file declare, and what is wrong with them. */
export interface UnitTestsRead {
  unitTests: UnitTestSpec[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the `unit_tests:` of one schema file. YAML syntax errors and a top level that is not a
 * mapping are left to readSchemaFile, which reads the same file and reports them once.
 */
export function readUnitTests(file: string, source: string, context: ScopeContext): UnitTestsRead {
  let yaml: YamlSource;
  try {
    yaml = parseYamlSource(file, source);
  } catch (error) {
    if (error instanceof SparkifyError) return { unitTests: [], diagnostics: [] };
    throw error;
  }
  const contents = yaml.document.contents;
  if (!isMap(contents)) return { unitTests: [], diagnostics: [] };
  const top = new MapReader(new ReadScope(yaml, context), contents, yaml.position(contents), file);
  const unitTests = (top.items('unit_tests', 'unit test') ?? []).map(readUnitTest).filter((t): t is UnitTestSpec => t !== undefined);
  return { unitTests, diagnostics: yaml.diagnostics };
}

function readUnitTest(reader: MapReader): UnitTestSpec | undefined {
  const name = reader.require('name', nonEmptyText) ?? '';
  const test = reader.named(name ? `unit test '${name}'` : 'a unit test');
  test.checkKeys(unitTestKeys);
  const model = test.require('model', nonEmptyText, 'add `model: <model name>`: the model this unit test runs');
  const config = test.child('config', `config of ${test.what}`);
  config?.checkKeys(configKeys);
  config?.get('meta', anything);
  const given = (test.items('given', 'input') ?? []).map((item) => readGiven(item, test.what));
  const expectReader = test.child('expect', `expect of ${test.what}`);
  if (!expectReader) test.missing('expect', { expected: 'a mapping with `rows`' }, 'add `expect: {rows: [...]}`: the rows the model must return');
  const expect = expectReader ? readRows(expectReader, expectKeys) : undefined;
  const overrides = readOverrides(test.child('overrides', `overrides of ${test.what}`));
  if (!name || !model || !expect) return undefined;
  const spec: UnitTestSpec = {
    name, model, given, expect,
    tags: config?.get('tags', tagList) ?? [],
    enabled: config?.get('enabled', boolean) ?? true,
    at: reader.valueAt('name'),
    modelAt: test.valueAt('model'),
  };
  const description = test.get('description', text);
  if (description !== undefined) spec.description = description;
  if (overrides) spec.overrides = overrides;
  return spec;
}

function readGiven(reader: MapReader, testWhat: string): GivenSpec {
  const input = reader.require('input', nonEmptyText, "e.g. `input: ref('users')` or `input: source('sparkify', 'staging_events')`") ?? '';
  const given = reader.named(input ? `input ${input} of ${testWhat}` : `an input of ${testWhat}`);
  return { ...readRows(given, givenKeys), input, inputAt: reader.valueAt('input') };
}

/** `format` with `rows` (inline) or `fixture` (a file): exactly one of them. */
function readRows(reader: MapReader, keys: string[]): RowsSpec {
  reader.checkKeys(keys);
  const format = reader.get('format', oneOf(FORMATS)) ?? 'dict';
  const spec: RowsSpec = { format, at: reader.at };
  const fixture = reader.get('fixture', nonEmptyText);
  if (fixture !== undefined) spec.fixture = { name: fixture, at: reader.valueAt('fixture') };
  if (fixture !== undefined && reader.has('rows')) {
    reader.report(ProjectErrors.invalidValue, `${reader.what} has both \`rows\` and \`fixture\``, reader.keyAt('fixture'), 'keep one: inline rows, or the name of a file under tests/fixtures/');
  } else if (fixture === undefined && !reader.map.has('rows')) {
    reader.missing('rows', { expected: format === 'dict' ? 'a list of mappings' : 'text' });
  }
  if (fixture !== undefined) return spec;
  if (format === 'dict') {
    spec.dict = readDictRows(reader);
  } else {
    const value = reader.get('rows', text);
    if (value !== undefined) spec.text = { value, line: textLine(reader) };
  }
  return spec;
}

/** dict rows: a list (maybe empty) of mappings of column to a scalar. */
function readDictRows(reader: MapReader): DictRow[] {
  const node = reader.map.get('rows', true) as Node | null | undefined;
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
  const source = reader.scope.source;
  if (!isSeq(node)) {
    reader.report(ProjectErrors.wrongType, `\`rows\` in ${reader.what}: expected a list of mappings (format dict), got ${describe(node)}`, reader.valueAt('rows'), 'write one mapping per row, e.g. `- {user_id: 1, level: paid}`, or set `format: csv`');
    return [];
  }
  const rows: DictRow[] = [];
  node.items.forEach((item, index) => {
    const at = source.position(item as Node, reader.valueAt('rows'));
    if (!isMap(item)) {
      reader.report(ProjectErrors.wrongType, `row #${index + 1} of ${reader.what}: expected a mapping of column to value, got ${describe(item as Node)}`, at, 'e.g. `- {user_id: 1, level: paid}`');
      return;
    }
    const values = plainValue(item, reader.scope);
    if (values instanceof Rejection) return;
    const nested = Object.entries(values as Record<string, unknown>).find(([, v]) => v !== null && typeof v === 'object');
    if (nested) {
      reader.report(ProjectErrors.wrongType, `row #${index + 1} of ${reader.what}: column '${nested[0]}' holds a ${Array.isArray(nested[1]) ? 'list' : 'mapping'}, expected a single value`, at);
      return;
    }
    rows.push({ values: values as Record<string, unknown>, at });
  });
  return rows;
}

/** The line the text of `rows` starts on: a block scalar (`rows: |`) starts on the next line. */
function textLine(reader: MapReader): number {
  const node = reader.map.get('rows', true) as Node | undefined;
  const line = reader.valueAt('rows').line;
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') ? line + 1 : line;
}

function readOverrides(reader: MapReader | undefined): OverridesSpec | undefined {
  if (!reader) return undefined;
  reader.checkKeys(overrideKeys);
  const mapping = (key: string) => {
    const value = reader.get(key, anything);
    if (value === undefined) return {};
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    reader.report(ProjectErrors.wrongType, `\`${key}\` in ${reader.what}: expected a mapping of names to values`, reader.valueAt(key));
    return {};
  };
  const envVars = Object.fromEntries(Object.entries(mapping('env_vars')).map(([k, v]) => [k, String(v)]));
  return { macros: mapping('macros'), vars: mapping('vars'), envVars, at: reader.at };
}

/** dbt's `tags: <string> | [<string>]`. */
const tagList: Kind<string[]> = {
  expected: 'a tag or a list of tags',
  read(node, scope) {
    const single = nonEmptyText.read(node, scope);
    return single instanceof Rejection ? textList.read(node, scope) : [single];
  },
};

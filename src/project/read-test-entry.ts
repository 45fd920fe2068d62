/**
 * One entry of a `data_tests:` list, in dbt's shapes: `- unique`, or `- accepted_values: {values:
 * [...], config: {severity: warn}}`. Config keys are also accepted beside the arguments (dbt's older
 * form), and arguments under `arguments:` (dbt 1.10's form).
 */
import type { TestSeverity } from '../manifest/test-node.js';
import type { Position } from '../diagnostics.js';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseThreshold } from './threshold-syntax.js';
import { assignDefined } from '../config/assign-defined.js';
import { ProjectErrors } from '../config/error-codes.js';
import { MapReader } from '../config/map-reader.js';
import { deref, describe, keyText, plainValue, Rejection, wrongType } from '../config/node-values.js';
import type { TestArgSpec, TestConfigSpec, TestSpec } from './schema-types.js';
import { boolean, nonEmptyText, text, textList, type Kind } from '../config/value-kinds.js';

/** Keys of a test's `config:` block. */
const TEST_CONFIG_KEYS = ['severity', 'warn_if', 'error_if', 'where', 'tags', 'enabled', 'store_failures'];
/** A test name, or a package's test: `dbt_utils.equality`. */
const TEST_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads the test list under `key` of a model or column; both `data_tests` and `tests` is an error. */
export function readTestList(owner: MapReader): TestSpec[] {
  const key = testsKey(owner);
  const node = rawValue(owner, key);
  if (node === null) return [];
  if (!isSeq(node)) {
    const message = `\`${key}\` in ${owner.what}: expected a list of tests, got ${describe(node)}`;
    owner.report(ProjectErrors.wrongType, message, owner.valueAt(key), 'e.g. `- unique` or `- accepted_values: {values: [a, b]}`');
    return [];
  }
  return node.items.flatMap((item) => readTestEntry(owner, deref(item, owner.scope)) ?? []);
}

function testsKey(owner: MapReader): string {
  const keys = owner.keys();
  if (keys.includes('data_tests') && keys.includes('tests')) {
    const message = `${owner.what} has both \`data_tests\` and \`tests\``;
    owner.report(ProjectErrors.duplicateName, message, owner.keyAt('tests'), 'move every test under `data_tests:` (`tests:` is its older name)');
  }
  return keys.includes('data_tests') ? 'data_tests' : 'tests';
}

/** The value node of `key`, null when absent or empty. */
function rawValue(reader: MapReader, key: string): Node | null {
  const pair = reader.map.items.find((item) => keyText(item.key) === key);
  const node = pair ? deref(pair.value, reader.scope) : null;
  return isScalar(node) && node.value === null ? null : node;
}

function readTestEntry(owner: MapReader, node: Node | null): TestSpec | undefined {
  const at = owner.scope.source.position(node, owner.at);
  if (isScalar(node) && typeof node.value === 'string') {
    return checkName(owner, node.value, at) ? { test: node.value, args: [], config: {}, at } : undefined;
  }
  if (!isMap(node) || node.items.length !== 1) {
    const message = `expected each test in ${owner.what} to be a test name or \`name: {arguments}\`, got ${shapeOf(node)}`;
    owner.report(ProjectErrors.wrongType, message, at, 'e.g. `- not_null` or `- accepted_values: {values: [free, paid]}`');
    return undefined;
  }
  const test = keyText(node.items[0].key);
  if (!checkName(owner, test, at)) return undefined;
  const spec: TestSpec = { test, args: [], config: {}, at };
  const body = deref(node.items[0].value, owner.scope);
  if (body === null || (isScalar(body) && body.value === null)) return spec;
  if (!isMap(body)) {
    const message = `arguments of test '${test}' in ${owner.what}: expected a mapping, got ${describe(body)}`;
    owner.report(ProjectErrors.wrongType, message, owner.scope.source.position(body, at));
    return undefined;
  }
  readTestBody(new MapReader(owner.scope, body, at, `test '${test}' in ${owner.what}`), spec);
  return spec;
}

function shapeOf(node: Node | null): string {
  return isMap(node) ? `a mapping with ${node.items.length} keys` : describe(node);
}

function checkName(owner: MapReader, name: string, at: Position): boolean {
  if (TEST_NAME.test(name)) return true;
  owner.report(ProjectErrors.invalidValue, `'${name}' in ${owner.what} is not a test name`, at, "a test name is an identifier, e.g. not_null, or a package's test, e.g. dbt_utils.equality");
  return false;
}

/** Sorts the keys of `- test: {...}` into config, arguments and a custom name. */
function readTestBody(body: MapReader, spec: TestSpec): void {
  for (const key of body.keys()) {
    if (key === 'config') readConfigBlock(body, spec.config);
    else if (key === 'arguments') spec.args.push(...readArguments(body.child('arguments', `arguments of ${body.what}`)));
    else if (key === 'name') assignDefined(spec, { name: body.get('name', nonEmptyText) });
    else if (TEST_CONFIG_KEYS.includes(key)) readConfigKey(body, key, spec.config);
    else spec.args.push(readArgument(body, key));
  }
}

function readConfigBlock(body: MapReader, config: TestConfigSpec): void {
  const block = body.child('config', `config of ${body.what}`);
  if (!block) return;
  block.checkKeys(TEST_CONFIG_KEYS);
  for (const key of block.keys()) if (TEST_CONFIG_KEYS.includes(key)) readConfigKey(block, key, config);
}

function readArguments(block: MapReader | undefined): TestArgSpec[] {
  return block ? block.keys().map((key) => readArgument(block, key)) : [];
}

function readArgument(reader: MapReader, key: string): TestArgSpec {
  const pair = reader.map.items.find((item) => keyText(item.key) === key)!;
  const value = plainValue(pair.value as Node | null, reader.scope);
  return { name: key, value: value instanceof Rejection ? undefined : value, at: reader.keyAt(key) };
}

function readConfigKey(reader: MapReader, key: string, config: TestConfigSpec): void {
  if (key === 'severity') assignDefined(config, { severity: reader.get(key, severity) });
  else if (key === 'warn_if') assignDefined(config, { warnIf: reader.get(key, threshold) });
  else if (key === 'error_if') assignDefined(config, { errorIf: reader.get(key, threshold) });
  else if (key === 'where') assignDefined(config, { where: reader.get(key, nonEmptyText) });
  else if (key === 'tags') assignDefined(config, { tags: reader.get(key, tagList) });
  else if (key === 'store_failures') assignDefined(config, { storeFailures: reader.get(key, boolean) });
  else assignDefined(config, { enabled: reader.get(key, boolean) });
}

/** `error` or `warn`, in any case (dbt accepts `ERROR`). */
const severity: Kind<TestSeverity> = {
  expected: "'error' or 'warn'",
  read(node, scope) {
    const value = text.read(node, scope);
    if (value instanceof Rejection) return value;
    const lower = value.toLowerCase();
    if (lower === 'error' || lower === 'warn') return lower;
    return new Rejection('value', `expected 'error' or 'warn', got '${value}'`);
  },
};

/** `!= 0`, `>10`, ...: a comparison with the failing-row count. */
const threshold: Kind<string> = {
  expected: 'a comparison such as `!= 0` or `> 10`',
  read(node, scope) {
    const value = text.read(node, scope);
    if (value instanceof Rejection) return value;
    return parseThreshold(value) ?? new Rejection(
      'value',
      `expected a comparison with the number of failing rows, got '${value}'`,
      'write an operator (=, !=, >, >=, <, <=) and a whole number, e.g. ">10"',
    );
  },
};

/** A tag or a list of tags. */
const tagList: Kind<string[]> = {
  expected: 'a tag or a list of tags',
  read(node, scope) {
    if (isSeq(node)) return textList.read(node, scope);
    const value = text.read(node, scope);
    return value instanceof Rejection ? wrongType : [value];
  },
};

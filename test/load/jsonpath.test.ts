import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { formatJsonPath, JsonPathError, parseJsonPath } from '../../src/load/jsonpath.js';
import { parseJsonPathsFile, readJsonPaths } from '../../src/load/jsonpaths-file.js';
import { columns, repoRoot, sourceTable, tempProject } from './helpers.js';
import { skipWithoutSharedData } from '../support/shared-data.js';
/** Skipped, with what is missing, on a clone without ../shared/sparkify-data; an error in CI. */
const NO_SAMPLE = skipWithoutSharedData();

test('JSONPath: bracket notation with either quote, dot notation, array indexes', () => {
  assert.deepEqual(parseJsonPath("$['artist']"), ['artist']);
  assert.deepEqual(parseJsonPath('$["artist"]'), ['artist']);
  assert.deepEqual(parseJsonPath('$.auth'), ['auth']);
  assert.deepEqual(parseJsonPath("$['a']['b']"), ['a', 'b']);
  assert.deepEqual(parseJsonPath('$.a[0]'), ['a', 0]);
  assert.deepEqual(parseJsonPath("$.a.b[12]['c d'][\"e.f\"]"), ['a', 'b', 12, 'c d', 'e.f']);
  assert.deepEqual(parseJsonPath("$['it\\'s']"), ["it's"]);
  assert.deepEqual(parseJsonPath('$[3]'), [3]);
});

test('JSONPath: unsupported or broken expressions say what is wrong and where', () => {
  const cases: [string, RegExp, number][] = [
    ['artist', /must start with \$/, 0],
    ['$', /whole record/, 0],
    ['$.', /expected a name/, 2],
    ['$..a', /recursive descent/, 1],
    ['$.*', /wildcards/, 2],
    ['$[*]', /wildcards/, 2],
    ["$['a'", /expected \]/, 5],
    ["$['a]", /unterminated name/, 2],
    ['$[-1]', /quoted name or an array index/, 2],
    ["$['']", /empty name/, 2],
    ['$a', /expected \. or \[/, 1],
    ['$[1', /expected \]/, 3],
  ];
  for (const [expression, message, offset] of cases) {
    assert.throws(
      () => parseJsonPath(expression),
      (error: unknown) => error instanceof JsonPathError && message.test(error.message) && error.offset === offset,
      expression,
    );
  }
});

test('formatJsonPath writes segments back as bracket notation', () => {
  assert.equal(formatJsonPath(['a', 0, "it's"]), "$['a'][0]['it\\'s']");
});

test('the real log_json_path.json parses into 18 top-level keys', { skip: NO_SAMPLE }, () => {
  const file = path.resolve(repoRoot(), '../shared/sparkify-data/log_json_path.json');
  const paths = parseJsonPathsFile(readFileSync(file, 'utf8'), 'log_json_path.json');
  assert.equal(paths.length, 18);
  assert.deepEqual(paths[0], ['artist']);
  assert.deepEqual(paths[17], ['userId']);
});

function spk302(file: string, line: number, message: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof SparkifyError, String(error));
    const [diagnostic] = error.diagnostics;
    assert.equal(diagnostic.code, 'SPK302');
    assert.equal(diagnostic.location?.file, file);
    assert.equal(diagnostic.location?.line, line);
    assert.match(diagnostic.message, message);
    return true;
  };
}

test('a bad entry is reported with its 1-based line; every bad entry is listed', () => {
  const text = '{\n  "jsonpaths": [\n    "$[\'a\']",\n    "$.b[*]",\n    "$.c",\n    "nope"\n  ]\n}\n';
  assert.throws(() => parseJsonPathsFile(text, 'paths.json'), spk302('paths.json', 4, /bad JSONPath "\$\.b\[\*\]": wildcards/));
  try {
    parseJsonPathsFile(text, 'paths.json');
  } catch (error) {
    assert.deepEqual(
      (error as SparkifyError).diagnostics.map((d) => d.location?.line),
      [4, 6],
    );
  }
});

test('an entry that is not a string is a bad entry', () => {
  assert.throws(() => parseJsonPathsFile('{"jsonpaths": [\n"$.a",\n 3\n]}', 'p.json'), spk302('p.json', 3, /expected a string/));
});

test('malformed JSON in the JSONPaths file points at the offending character', () => {
  const text = '{\n  "jsonpaths": [\n    "$.a"\n    "$.b"\n  ]\n}';
  assert.throws(() => parseJsonPathsFile(text, 'p.json'), spk302('p.json', 4, /malformed JSONPaths file/));
  try {
    parseJsonPathsFile(text, 'p.json');
  } catch (error) {
    assert.equal((error as SparkifyError).diagnostics[0].location?.column, 5);
  }
});

test('a file without a jsonpaths array is refused', () => {
  assert.throws(() => parseJsonPathsFile('{"paths": []}', 'p.json'), spk302('p.json', 1, /no "jsonpaths" array/));
  assert.throws(() => parseJsonPathsFile('{\n"jsonpaths": "$.a"}', 'p.json'), spk302('p.json', 2, /no "jsonpaths" array/));
  assert.throws(() => parseJsonPathsFile('[]', 'p.json'), spk302('p.json', 1, /no "jsonpaths" array/));
});

test('the path count must equal the column count', async () => {
  const root = tempProject({ 'paths.json': '{\n  "jsonpaths": ["$.a", "$.b", "$.c"]\n}' });
  const table = sourceTable({ jsonpaths: 'paths.json', columns: columns(['a', 'integer'], ['b', 'integer']) });
  await assert.rejects(readJsonPaths(table, root), spk302('paths.json', 2, /paths\.json has 3 paths but source table sparkify\.staging has 2 columns/));
});

test('a missing JSONPaths file is SPK302 at the table in sources.yml', async () => {
  const table = sourceTable({ jsonpaths: 'missing.json' });
  await assert.rejects(readJsonPaths(table, tempProject({})), spk302('sources.yml', 5, /missing\.json .* cannot be read/));
});

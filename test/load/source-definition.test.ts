/** The fingerprint of a source table's definition (issue 12): what changes it, and what does not. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSourceDefinition, sourceDefinition } from '../../src/load/source-definition.js';
import type { LoadSource } from '../../src/load/types.js';
import { tempDir } from '../support/temp-dir.js';

const position = { file: 'sources.yml', line: 3 };
const table: LoadSource = {
  sourceName: 's', name: 't', location: 'data', jsonpaths: 'paths.json', maxerrors: 0, timeformat: 'auto', truncatecolumns: false,
  columns: [{ name: 'a', type: 'integer', position }, { name: 'b', type: 'varchar(8)', position }], position,
};
const PATHS = '{"jsonpaths": ["$.a", "$.b"]}';

test('columns, types, the JSONPaths, value options and origin columns each change it', () => {
  const base = sourceDefinition(table, PATHS);
  const variants: LoadSource[] = [
    { ...table, columns: [...table.columns, { name: 'c', type: 'text', position }] },
    { ...table, columns: [table.columns[0], { ...table.columns[1], type: 'varchar(9)' }] },
    { ...table, columns: [table.columns[0], { ...table.columns[1], name: 'bb' }] },
    { ...table, timeformat: 'epochmillisecs' },
    { ...table, truncatecolumns: true },
    { ...table, acceptInvalidChars: '?' },
    { ...table, originColumns: true },
    { ...table, jsonpaths: 'auto' },
  ];
  const prints = new Set([base, ...variants.map((v) => sourceDefinition(v, PATHS))]);
  assert.equal(prints.size, variants.length + 1);
  assert.notEqual(sourceDefinition(table, '{"jsonpaths": ["$.b", "$.a"]}'), base);
});

test('what does not change the rows leaves it: spacing of the JSONPaths file, the location, maxerrors, a type\'s case', () => {
  const base = sourceDefinition(table, PATHS);
  assert.equal(sourceDefinition(table, '{\n  "jsonpaths": [\n    "$.a",\n    "$.b"\n  ]\n}\n'), base);
  assert.equal(sourceDefinition({ ...table, location: 'elsewhere', maxerrors: 5 }, PATHS), base);
  assert.equal(sourceDefinition({ ...table, columns: [{ ...table.columns[0], type: 'INTEGER' }, table.columns[1]] }, PATHS), base);
});

test('read from disk: the JSONPaths file\'s content counts; an unreadable one gives a fingerprint of its own', async () => {
  const root = tempDir('sparkify-definition-');
  writeFileSync(join(root, 'paths.json'), PATHS);
  assert.equal(await readSourceDefinition(table, { root }), sourceDefinition(table, PATHS));
  writeFileSync(join(root, 'paths.json'), '{"jsonpaths": ["$.a", "$.c"]}');
  assert.notEqual(await readSourceDefinition(table, { root }), sourceDefinition(table, PATHS));
  assert.equal(await readSourceDefinition({ ...table, jsonpaths: 'missing.json' }, { root }), sourceDefinition(table, null));
});

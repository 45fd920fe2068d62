import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, loadError, only, where } from './helpers.js';

/** A valid table block: lines 4-8 of the file when used first (columns: on 7, its item on 8; extras from 7). */
const table = (name: string, extra: string[] = []) => [
  `      - name: ${name}`,
  '        location: data/x',
  '        jsonpaths: auto',
  ...extra,
  '        columns:',
  '          - {name: id, type: integer}',
];

const sourcesFile = (...body: string[]) => ({
  'sources.yml': lines('sources:', '  - name: raw', '    tables:', ...body),
});

/** Lines 4-7: a table whose `columns` (line 7) is given as `columns`. */
const tableWithColumns = (columns: string) => [
  '      - name: events',
  '        location: x',
  '        jsonpaths: auto',
  `        columns: ${columns}`,
];

test('YAML syntax errors in sources.yml are SPK010 with sources.yml:line', () => {
  const error = loadError({ 'sources.yml': lines('sources:', '  - name: raw', '    tables: [', '  - name: other') });
  assert.equal(only(error).code, 'SPK010');
  assert.equal(only(error).location?.file, 'sources.yml');
});

test('sources.yml must be a mapping with a sources list', () => {
  const diagnostic = only(loadError({ 'sources.yml': lines('- name: raw') }));
  assert.equal(diagnostic.code, 'SPK011');
  assert.equal(diagnostic.message, 'sources.yml must be a mapping with a `sources` list, got a list');
  const mapping = only(loadError({ 'sources.yml': lines('sources:', '  raw: {}') }));
  assert.equal(mapping.message, '`sources` in sources.yml: expected a list of sources, got a mapping');
  assert.deepEqual(mapping.location, { file: 'sources.yml', line: 2, column: 3 });
});

test('columns given as a string: "expected a list of columns, got a string"', () => {
  const error = loadError(sourcesFile(...tableWithColumns('artist')));
  const diagnostic = only(error);
  assert.equal(diagnostic.code, 'SPK013');
  assert.equal(diagnostic.message, "`columns` in table 'raw.events': expected a list of columns, got a string");
  assert.deepEqual(diagnostic.location, { file: 'sources.yml', line: 7, column: 18 });
  assert.equal(diagnostic.node, 'source.raw.events');
});

test('missing required keys are SPK012 at the parent line', () => {
  const body = ['      - name: events', '        description: no location', '      - location: x'];
  const error = loadError(sourcesFile(...body));
  assert.deepEqual(where(error), [
    'SPK012 sources.yml:4', // location of events
    'SPK012 sources.yml:4', // jsonpaths of events
    'SPK012 sources.yml:4', // columns of events
    'SPK012 sources.yml:6', // name of the second table
    'SPK012 sources.yml:6',
    'SPK012 sources.yml:6',
  ]);
  const messages = error.diagnostics.map((d) => d.message);
  assert.equal(messages[0], "missing `location` in table 'raw.events' (expected a non-empty string)");
  assert.equal(messages[1], "missing `jsonpaths` in table 'raw.events' (expected a non-empty string)");
  assert.match(error.diagnostics[1].hint ?? '', /jsonpaths: auto/);
  assert.equal(messages[3], 'missing `name` in table #2 (expected a non-empty string)');
});

test('a column without type is SPK012 at the column', () => {
  const error = loadError(sourcesFile(...table('events'), '          - name: ts'));
  const diagnostic = only(error);
  assert.equal(diagnostic.code, 'SPK012');
  assert.equal(diagnostic.message, "missing `type` in column 'ts' of table 'raw.events' (expected a non-empty string)");
  assert.equal(diagnostic.location?.line, 9);
  assert.equal(diagnostic.hint, 'give its SQL type, e.g. `type: varchar(256)`');
});

test('an empty column list and a column that is not a mapping are errors', () => {
  const empty = loadError(sourcesFile(...tableWithColumns('[]')));
  assert.deepEqual(where(empty), ['SPK012 sources.yml:7']);
  const scalar = loadError(sourcesFile(...table('events'), '          - ts'));
  assert.deepEqual(where(scalar), ['SPK013 sources.yml:9']);
  const message = "expected each column in table 'raw.events' to be a mapping, got a string";
  assert.equal(scalar.diagnostics[0].message, message);
});

test('duplicate columns, tables and sources are SPK017 at the repeat, naming the first line', () => {
  const columns = loadError(sourcesFile(...table('events'), '          - {name: id, type: bigint}'));
  assert.deepEqual(where(columns), ['SPK017 sources.yml:9']);
  assert.equal(columns.diagnostics[0].message, "duplicate column 'id' in table 'raw.events' (first defined on line 8)");

  const tables = loadError(sourcesFile(...table('events'), ...table('events')));
  assert.deepEqual(where(tables), ['SPK017 sources.yml:9']);
  assert.equal(tables.diagnostics[0].message, "duplicate table 'events' in source 'raw' (first defined on line 4)");

  const sources = loadError({
    'sources.yml': lines('sources:', '  - name: raw', '    tables: []', '  - name: raw', '    tables: []'),
  });
  assert.deepEqual(where(sources), ['SPK017 sources.yml:4']);
  assert.equal(sources.diagnostics[0].message, "duplicate source 'raw' (first defined on line 2)");
});

test('two tables loading into the same relation are SPK017', () => {
  const error = loadError(sourcesFile(...table('a'), ...table('b', ['        identifier: a'])));
  assert.deepEqual(where(error), ['SPK017 sources.yml:9']);
  assert.match(error.diagnostics[0].message, /'raw\.b' loads into the same relation as 'raw\.a'/);
});

test('maxerrors must be a non-negative integer', () => {
  for (const [value, code] of [['-1', 'SPK018'], ['1.5', 'SPK018'], ['lots', 'SPK013']]) {
    const error = loadError(sourcesFile(...table('events', [`        maxerrors: ${value}`])));
    assert.deepEqual(where(error), [`${code} sources.yml:7`], value);
    const expected = /^`maxerrors` in table 'raw.events': expected a non-negative integer, got /;
    assert.match(error.diagnostics[0].message, expected);
  }
});

test('timeformat must be auto, epochmillisecs or epochsecs, with a suggestion', () => {
  const error = loadError(sourcesFile(...table('events', ['        timeformat: epochmilisecs'])));
  const diagnostic = only(error);
  assert.equal(diagnostic.code, 'SPK018');
  assert.equal(diagnostic.location?.line, 7);
  assert.equal(diagnostic.hint, "did you mean 'epochmillisecs'?");
});

test('unknown keys in sources, tables and columns are SPK014 with suggestions', () => {
  const body = [
    '      - name: events', //                   4
    '        location: x',
    '        jsonpath: auto',
    '        columns:',
    '          - {name: id, typ: int}', //      8
  ];
  const error = loadError({ 'sources.yml': lines('sources:', '  - name: raw', '    tabels:', ...body) });
  const found = error.diagnostics.map((d) => [d.code, d.location?.line, d.hint]);
  assert.deepEqual(found, [
    ['SPK012', 2, 'list the tables of this source under `tables:`'],
    ['SPK014', 3, 'did you mean `tables`?'],
  ]);
  const inTable = loadError(sourcesFile(...body));
  assert.deepEqual(
    inTable.diagnostics.map((d) => [d.code, d.location?.line, d.hint]),
    [
      ['SPK012', 4, 'write `jsonpaths: auto` to match JSON keys to column names (`auto ignorecase` to ignore their case), or give the path of a JSONPaths file'],
      ['SPK014', 6, 'did you mean `jsonpaths`?'],
      ['SPK012', 8, 'give its SQL type, e.g. `type: varchar(256)`'],
      ['SPK014', 8, 'did you mean `type`?'],
    ],
  );
});

test('wrong scalar types in a table: tags, truncatecolumns, description', () => {
  const extra = ['        tags: staging', '        truncatecolumns: "yes"', '        description: [a]'];
  const error = loadError(sourcesFile(...table('events', extra)));
  assert.deepEqual(where(error), ['SPK013 sources.yml:7', 'SPK013 sources.yml:8', 'SPK013 sources.yml:9']);
  assert.deepEqual(
    error.diagnostics.map((d) => d.message),
    [
      "`tags` in table 'raw.events': expected a list of strings, got a string",
      "`truncatecolumns` in table 'raw.events': expected true or false, got a string",
      "`description` in table 'raw.events': expected a string, got a list",
    ],
  );
});

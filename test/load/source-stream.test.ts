import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { formatDiagnostic, SparkifyError } from '../../src/diagnostics.js';
import { openSourceStream } from '../../src/load/index.js';
import type { LoadProgress } from '../../src/load/types.js';
import { columns, load, loadFiles, sourceTable, tempProject } from './helpers.js';

const idName = sourceTable();

test('NDJSON, concatenated and pretty-printed files load alike, in path order', async () => {
  const { rows, stats } = await loadFiles(idName, {
    'data/b/2.json': '{"id": 3, "name": "c"}{"id": 4, "name": "d"}',
    'data/a.json': '{"id": 1, "name": "a"}\n{"id": 2, "name": "b"}\n',
    'data/c.json': '{\n  "id": 5,\n  "name": "e"\n}\n\n{\n  "id": 6\n}',
  });
  assert.deepEqual(rows, [
    ['1', 'a'],
    ['2', 'b'],
    ['3', 'c'],
    ['4', 'd'],
    ['5', 'e'],
    ['6', null],
  ]);
  assert.equal(stats.files, 3);
  assert.equal(stats.rows, 6);
  assert.deepEqual(stats.rejected, []);
});

test('files() lists what will be read: recursive, sorted, hidden files skipped', async () => {
  const root = tempProject({
    'data/z.json': '{}',
    'data/sub/a.json': '{}',
    'data/.hidden.json': '{}',
    'data/.git/x.json': '{}',
    'data/notes.txt': '{}',
  });
  assert.deepEqual(await openSourceStream(idName, { root }).files(), ['data/notes.txt', 'data/sub/a.json', 'data/z.json']);
  const single = sourceTable({ location: 'data/z.json' });
  assert.deepEqual(await openSourceStream(single, { root }).files(), ['data/z.json']);
  const glob = sourceTable({ location: 'data/**/*.json' });
  assert.deepEqual(await openSourceStream(glob, { root }).files(), ['data/sub/a.json', 'data/z.json']);
  const absolute = sourceTable({ location: path.join(root, 'data/sub') });
  assert.deepEqual(await openSourceStream(absolute, { root: '/elsewhere' }).files(), [path.join(root, 'data/sub/a.json')]);
});

test('a missing location or a glob matching nothing is SPK301 at the table in sources.yml', async () => {
  const root = tempProject({ 'data/a.json': '{}', 'empty/.keep': '' });
  for (const location of ['nowhere', 'data/*.csv', 'empty']) {
    const stream = openSourceStream(sourceTable({ location }), { root });
    await assert.rejects(stream.files(), (error: unknown) => {
      assert.ok(error instanceof SparkifyError);
      const [d] = error.diagnostics;
      assert.equal(d.code, 'SPK301');
      assert.deepEqual(d.location, { file: 'sources.yml', line: 5 });
      assert.ok(d.message.includes(`"${location}"`) && d.message.includes(path.resolve(root, location)), d.message);
      assert.equal(d.hint, `check the location in sources.yml, or point data_root elsewhere: --vars '{"data_root": "path/to/data"}'`);
      return true;
    });
    await assert.rejects(async () => {
      for await (const chunk of stream.chunks()) assert.fail(`no chunk expected, got ${chunk.length} bytes`);
    }, /SPK301/);
  }
});

test('a BOM is skipped and CRLF endings are whitespace', async () => {
  const { rows } = await loadFiles(idName, { 'data/a.json': '\uFEFF{"id":1,"name":"a"}\r\n{"id":2,"name":"b"}\r\n' });
  assert.deepEqual(rows, [
    ['1', 'a'],
    ['2', 'b'],
  ]);
});

test('records and multi-byte characters split across tiny reads load the same', async () => {
  const table = sourceTable({ columns: columns(['id', 'integer'], ['name', 'text']) });
  const content = '{"id":1,"name":"é€😀 naïve"}\n{"id":2,\n"name":"\\u00e9\\u20ac\\ud83d\\ude00\\"q\\" \\\\ end"}{"id":3,"name":"x"}';
  const root = tempProject({ 'data/a.json': content });
  const expected = [
    ['1', 'é€😀 naïve'],
    ['2', 'é€😀"q" \\ end'],
    ['3', 'x'],
  ];
  for (const readBytes of [1, 2, 3, 5, 7, 64]) {
    const { rows, stats } = await load(table, { root, readBytes });
    assert.deepEqual(rows, expected, `readBytes ${readBytes}`);
    assert.equal(stats.bytes, Buffer.byteLength(content));
  }
});

test('a BOM split across reads is still skipped', async () => {
  const { rows } = await loadFiles(idName, { 'data/a.json': '\uFEFF{"id":1}' }, { readBytes: 1 });
  assert.deepEqual(rows, [['1', null]]);
});

test('chunkBytes bounds chunk size; every chunk holds whole rows', async () => {
  const lines = Array.from({ length: 50 }, (_, k) => JSON.stringify({ id: k, name: `n${k}` })).join('\n');
  const { chunks, rows } = await loadFiles(idName, { 'data/a.json': lines }, { chunkBytes: 40 });
  assert.equal(rows.length, 50);
  assert.ok(chunks.length >= 6, `${chunks.length} chunks`);
  for (const chunk of chunks) {
    assert.ok(chunk.toString().endsWith('\n'));
    assert.ok(chunk.length < 40 + 20, `chunk of ${chunk.length} bytes`);
  }
});

test('big integers and numerics keep every digit', async () => {
  const table = sourceTable({ columns: columns(['id', 'bigint'], ['amount', 'numeric(30,10)'], ['ratio', 'double precision'], ['raw', 'text']) });
  const { rows } = await loadFiles(table, {
    'data/a.json': '{"id": 9007199254740993, "amount": 12345678901234567890.0123456789, "ratio": 0.1, "raw": 9007199254740993}\n{"id": 1, "amount": 1.5, "ratio": 1.0, "raw": 1.25}',
  });
  assert.deepEqual(rows, [
    ['9007199254740993', '12345678901234567890.0123456789', '0.1', '9007199254740993'],
    ['1', '1.5', '1', '1.25'],
  ]);
});

test('\\uXXXX escapes are decoded, and control characters are COPY-escaped', async () => {
  const table = sourceTable({ columns: columns(['t', 'text']) });
  const { text, rows } = await loadFiles(table, { 'data/a.json': '{"t":"Santaf\\u00e8 \\t tab \\n nl \\r cr \\\\ bs"}' });
  assert.equal(text, 'Santafè \\t tab \\n nl \\r cr \\\\ bs\n');
  assert.deepEqual(rows, [['Santafè \t tab \n nl \r cr \\ bs']]);
});

test('jsonpaths map by position, nested paths and indexes; a path that does not match is NULL', async () => {
  const table = sourceTable({
    jsonpaths: 'paths.json',
    columns: columns(['user_id', 'integer'], ['city', 'text'], ['first_tag', 'text'], ['missing', 'text']),
  });
  const { rows } = await loadFiles(table, {
    'paths.json': '{"jsonpaths": ["$[\'userId\']", "$.address.city", "$.tags[0]", "$.nope.deeper"]}',
    'data/a.json': '{"userId":"7","address":{"city":"Oslo"},"tags":["x","y"]}\n{"userId":"","address":"flat","tags":[]}',
  });
  assert.deepEqual(rows, [
    ['7', 'Oslo', 'x', null],
    [null, null, null, null],
  ]);
});

// https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-format.html ("The matching is case-sensitive"),
// https://docs.aws.amazon.com/redshift/latest/dg/copy-usage_notes-copy-from-json.html ('auto ignorecase': "while ignoring the case of field names")
test('jsonpaths: auto matches keys case-sensitively, as Redshift does: a camelCase key leaves its column NULL, and says so (issue 15)', async () => {
  const table = sourceTable({ columns: columns(['userid', 'integer'], ['name', 'text']) });
  const { rows, stats } = await loadFiles(table, { 'data/a.json': '{"userId": 1, "name": "a"}\n{"userId": 2, "userid": 3, "NAME": "b", "name": "c"}' });
  assert.deepEqual(rows, [
    [null, 'a'],
    ['3', 'c'],
  ]);
  assert.deepEqual(stats.warnings, [], 'userid matched a key in one record: no warning');
  const never = await loadFiles(table, { 'data/a.json': '{"userId": 1, "name": "a"}\n{"userId": 2, "name": "c"}' });
  assert.deepEqual(never.rows, [[null, 'a'], [null, 'c']]);
  assert.deepEqual(never.stats.warnings?.map((w) => [w.code, w.location?.line, w.node]), [['SPK305', 10, 'source.sparkify.staging']]);
  assert.match(never.stats.warnings![0].message, /column userid of source sparkify\.staging matched no JSON key in any record, so it loaded as NULL; the closest key is 'userId'/);
  assert.match(never.stats.warnings![0].hint!, /auto ignorecase/);
});

test('jsonpaths: auto ignorecase prefers the exact key, else a key differing only in case', async () => {
  const table = sourceTable({ jsonpaths: 'auto ignorecase', columns: columns(['userid', 'integer'], ['name', 'text']) });
  const { rows, stats } = await loadFiles(table, { 'data/a.json': '{"userId": 1, "name": "a"}\n{"userId": 2, "userid": 3, "NAME": "b", "name": "c"}' });
  assert.deepEqual(rows, [
    ['1', 'a'],
    ['3', 'c'],
  ]);
  assert.deepEqual(stats.warnings, []);
});

test('a column no key matched is named with the closest key, or none when nothing is close; an empty load warns of nothing', async () => {
  const table = sourceTable({ columns: columns(['id', 'integer'], ['artist_name', 'text'], ['zzz', 'text']) });
  const { stats } = await loadFiles(table, { 'data/a.json': '{"id": 1}\n{"id": 2, "artist_nam": null}' });
  assert.deepEqual(stats.warnings?.map((w) => w.message.replace(/.*in any record, so it loaded as NULL/, '')), ["; the closest key is 'artist_nam'", '']);
  assert.match(stats.warnings![1].hint!, /rename the column after the key/);
  const empty = await loadFiles(table, { 'data/a.json': '' });
  assert.deepEqual(empty.stats.warnings, []);
});

async function failure(table = idName, files: Record<string, string>, options = {}): Promise<SparkifyError> {
  try {
    await loadFiles(table, files, options);
  } catch (error) {
    assert.ok(error instanceof SparkifyError, String(error));
    return error;
  }
  return assert.fail('the load should have failed');
}

test('a bad value fails the load with SPK310 pointing at the value in the file', async () => {
  const error = await failure(idName, { 'data/a.json': '{"id": 1, "name": "a"}\n{"name": "b",\n  "id": "abc"}' });
  assert.equal(error.exitCode, 1);
  assert.equal(error.diagnostics.length, 1);
  const [d] = error.diagnostics;
  assert.equal(d.code, 'SPK310');
  assert.deepEqual(d.location, { file: 'data/a.json', line: 3, column: 9 });
  assert.equal(d.message, 'column "id" (integer): value "abc" is not an integer');
  assert.equal(d.node, 'source.sparkify.staging');
  assert.equal(d.hint, 'fix the record, or allow up to 1 bad records with maxerrors: 1 in sources.yml');
  assert.equal(
    formatDiagnostic(d),
    'data/a.json:3:9: column "id" (integer): value "abc" is not an integer [SPK310]\n  hint: fix the record, or allow up to 1 bad records with maxerrors: 1 in sources.yml',
  );
});

test('range overflow and varchar overflow are bad records; truncatecolumns cuts instead', async () => {
  const table = sourceTable({ columns: columns(['id', 'smallint'], ['name', 'varchar(3)']), maxerrors: 5 });
  const files = { 'data/a.json': '{"id": 40000, "name": "ok"}\n{"id": 1, "name": "toolong"}\n{"id": 2, "name": "héé"}' };
  const { rows, stats } = await loadFiles(table, files);
  assert.deepEqual(rows, [['2', 'héé']]);
  assert.deepEqual(stats.rejected, [
    { file: 'data/a.json', line: 1, column: 8, message: 'column "id" (smallint): value 40000 is out of range for smallint' },
    { file: 'data/a.json', line: 2, column: 19, message: 'column "name" (varchar(3)): value of 7 characters does not fit varchar(3)' },
  ]);
  const bytes = await loadFiles({ ...table, truncatecolumns: true }, files, { varcharLength: 'bytes' });
  assert.deepEqual(bytes.rows, [
    ['1', 'too'],
    ['2', 'hé'],
  ]);
  assert.equal(bytes.stats.rejected.length, 1);
});

test('malformed JSON is reported at the offending character and the next lines still load', async () => {
  const table = sourceTable({ maxerrors: 10 });
  const { rows, stats } = await loadFiles(table, {
    'data/a.json': [
      '{"id": 1, "name": "a"}',
      '{"id": 2, "name": "b",}',
      '{"id": 3 "name": "c"}',
      '{"id": 4, "name": "unterminated',
      '{"id": 5, "name": "e"}',
      '{"id": 6, "name": "f"',
      '{"id": 7, "name": "g"}',
      '[{"id": 8}]',
      '{"id": 9, "name": nul}',
      '{"id": 10}',
    ].join('\n'),
  });
  assert.deepEqual(
    rows.map((r) => r[0]),
    ['1', '5', '7', '10'],
  );
  assert.deepEqual(
    stats.rejected.map((b) => `${b.line}:${b.column}: ${b.message}`),
    [
      "2:23: malformed JSON: quoted object key expected but got '}'",
      "3:10: malformed JSON: comma ',' expected after value but got '\"'",
      '4:32: malformed JSON: raw newline inside a string',
      "6:22: malformed JSON: quoted object key or end of object '}' expected but reached end of input",
      '8:1: expected a JSON object, got an array',
      "9:19: malformed JSON: object value expected after ':'",
    ],
  );
});

test('maxerrors N tolerates N bad records; the N+1th fails listing all of them', async () => {
  const lines = ['{"id": "x1"}', '{"id": 1}', '{"id": "x2"}', '{"id": 2}', '{"id": "x3"}', '{"id": 3}'].join('\n');
  const two = await loadFiles(sourceTable({ maxerrors: 3 }), { 'data/a.json': lines });
  assert.equal(two.stats.rejected.length, 3);
  assert.equal(two.stats.rows, 3);
  const error = await failure(sourceTable({ maxerrors: 2 }), { 'data/a.json': lines });
  assert.deepEqual(
    error.diagnostics.map((d) => d.location?.line),
    [1, 3, 5],
  );
  assert.equal(error.diagnostics[2].hint, 'fix the record, or allow up to 3 bad records with maxerrors: 3 in sources.yml');
  assert.equal(error.diagnostics[0].hint, undefined);
});

test('the load fails as soon as maxerrors is exceeded, without reading on', async () => {
  const good = Array.from({ length: 2000 }, (_, k) => JSON.stringify({ id: k })).join('\n');
  const root = tempProject({ 'data/1.json': `{"id": "bad"}\n${good}`, 'data/2.json': good });
  const stream = openSourceStream(idName, { root, readBytes: 64 });
  await assert.rejects(async () => {
    for await (const chunk of stream.chunks()) void chunk;
  }, /SPK310/);
  assert.equal(stream.stats.files, 0);
  assert.ok(stream.stats.bytes <= 128, `read ${stream.stats.bytes} bytes before failing`);
});

test('an unknown column type is SPK303 at the column, all of them at once', () => {
  const table = sourceTable({ columns: columns(['a', 'integer'], ['b', 'jsonb'], ['c', 'money']) });
  assert.throws(
    () => openSourceStream(table, { root: '/' }),
    (error: unknown) => {
      assert.ok(error instanceof SparkifyError);
      assert.deepEqual(
        error.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column]),
        [
          ['SPK303', 11, 9],
          ['SPK303', 12, 9],
        ],
      );
      assert.match(error.diagnostics[0].message, /column b .* type "jsonb"/);
      return true;
    },
  );
});

test('a JSONPaths count mismatch surfaces from chunks() as SPK302', async () => {
  const table = sourceTable({ jsonpaths: 'p.json' });
  await assert.rejects(loadFiles(table, { 'p.json': '{"jsonpaths": ["$.id"]}', 'data/a.json': '{}' }), /p\.json has 1 paths but source table sparkify\.staging has 2 columns \[SPK302\]/);
});

test('progress is reported after each file, ending with everything done', async () => {
  const ticks: LoadProgress[] = [];
  const files = { 'data/a.json': '{"id":1}\n{"id":2}', 'data/b.json': '{"id":3}' };
  await loadFiles(idName, files, { onProgress: (p: LoadProgress) => ticks.push(p) });
  const last = ticks[ticks.length - 1];
  assert.deepEqual(last, { filesDone: 2, filesTotal: 2, rows: 3, bytesRead: 25, bytesTotal: 25 });
  assert.ok(ticks.some((p) => p.filesDone === 1 && p.rows === 2));
});

test('value errors point at the value, through nested paths, escaped keys and lossless records', async () => {
  const table = sourceTable({ jsonpaths: 'p.json', maxerrors: 5, columns: columns(['n', 'integer'], ['big', 'bigint']) });
  const { stats } = await loadFiles(table, {
    'p.json': '{"jsonpaths": ["$.a.b[1]", "$[\'big\']"]}',
    'data/a.json': [
      '{"a": {"b": [1, "x"]}, "big": 1}',
      '{"a": {"b": [1, 2]},',
      '  "big": 99999999999999999999}',
      '{"big": 1, "a": {"b": [0, 2.5]}, "a": {"b": [0, 3.5]}}',
      '{"\\u0061": {"b": [0, true]}, "big": 1}',
    ].join('\n'),
  });
  assert.deepEqual(
    stats.rejected.map((b) => `${b.line}:${b.column}: ${b.message}`),
    [
      '1:17: column "n" (integer): value "x" is not an integer',
      '3:10: column "big" (bigint): value 99999999999999999999 is out of range for bigint',
      '4:49: column "n" (integer): value 3.5 is not an integer',
      '5:22: column "n" (integer): value true is not an integer',
    ],
  );
});

test('breaking out of chunks() early stops reading', async () => {
  const lines = Array.from({ length: 500 }, (_, k) => JSON.stringify({ id: k })).join('\n');
  const root = tempProject({ 'data/1.json': lines, 'data/2.json': lines });
  const stream = openSourceStream(idName, { root, chunkBytes: 100, readBytes: 256 });
  for await (const chunk of stream.chunks()) {
    assert.ok(chunk.length > 0);
    break;
  }
  assert.equal(stream.stats.files, 0);
  assert.ok(stream.stats.bytes < Buffer.byteLength(lines));
});

/**
 * Issue 13: the byte path (flat-records.ts) reads flat newline-delimited records straight from the
 * file's bytes. It must give what the text path gives, byte for byte: the same COPY rows, rejected
 * records, warnings and per-file stats, for any input (it declines what it is not sure of). These
 * tests load the same files with it and without it (`bytePath: false`), over hand-picked lines and
 * seeded random ones, with files cut into small reads, and check which lines it takes itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../../scripts/generate/prng.js';
import { ChunkWriter } from '../../src/load/chunk-writer.js';
import { flatPlan, FlatRecords } from '../../src/load/flat-records.js';
import { planEncoders } from '../../src/load/column-plan.js';
import type { LoadOptions } from '../../src/load/types.js';
import type { SourceTable } from '../../src/project/types.js';
import { autoSource } from '../../src/load/value-source.js';
import { columns, load, sourceTable, tempProject } from './helpers.js';

const COLUMNS = columns(
  ['s', 'varchar(6)'],
  ['t', 'text'],
  ['i', 'integer'],
  ['sm', 'smallint'],
  ['big', 'bigint'],
  ['f', 'double precision'],
  ['r', 'real'],
  ['n', 'numeric(6,2)'],
  ['bo', 'boolean'],
  ['ts', 'timestamp'],
  ['d', 'date'],
  ['c', 'char(3)'],
);

/** Lines chosen to sit on each side of what the byte path takes. */
const PICKED = [
  '{"s":"abc","t":"plain","i":1,"sm":-2,"big":1541105830796,"f":260.43827,"r":0.5,"n":12.345,"bo":true,"ts":"2018-11-01 21:01:46","d":"2018-11-01","c":"xy"}',
  '{}',
  '  { "s" : "a" , "i" : 2 }  ',
  '\t{"s":"a"}\r',
  '',
  '   ',
  '{"t":"quote \\" slash \\/ back \\\\ nl \\n tab \\t cr \\r bs \\b ff \\f"}',
  '{"t":"\\u0041\\u00e9\\u20ac\\u0009\\u000a\\u000d\\u005c\\u0001"}',
  '{"t":"nul \\u0000 here"}',
  '{"t":"pair \\ud83d\\ude00"}',
  '{"t":"lone \\ud83d here"}',
  '{"t":"lone low \\ude00"}',
  '{"t":"bad \\x escape"}',
  '{"t":"short \\u12"}',
  '{"t":"raw\ttab"}',
  '{"s":"héllo!"}',
  '{"s":"héllo!!"}',
  '{"s":"€€€€€€"}',
  '{"s":"€€€€€€€"}',
  '{"s":"😀😀😀😀😀😀"}',
  '{"s":"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9"}',
  '{"s":"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9"}',
  '{"s":"toolongvalue"}',
  '{"s":1}',
  '{"s":true}',
  '{"s":null}',
  '{"s":{"nested":1}}',
  '{"s":["x"]}',
  '{"other":{"nested":[1,2,{"deep":true}]},"s":"ok"}',
  '{"i":"39"}',
  '{"i":"007"}',
  '{"i":"-0"}',
  '{"i":-0}',
  '{"i":""}',
  '{"i":" 5"}',
  '{"i":"-"}',
  '{"i":1.0}',
  '{"i":1.5}',
  '{"i":1e3}',
  '{"i":2147483647}',
  '{"i":2147483648}',
  '{"i":-2147483648}',
  '{"i":-2147483649}',
  '{"sm":32768}',
  '{"big":"123456789012345"}',
  '{"big":"1234567890123456"}',
  '{"big":12345678901234567}',
  '{"big":"-12345678901234"}',
  '{"f":0}',
  '{"f":-0}',
  '{"f":-0.0}',
  '{"f":1.50}',
  '{"f":1538267896114.0}',
  '{"f":10.000}',
  '{"f":-10.0}',
  '{"f":0.0}',
  '{"f":-0.000}',
  '{"f":0.0000010}',
  '{"f":0.00000010}',
  '{"r":100.0}',
  '{"i":100.0}',
  '{"f":0.000001}',
  '{"f":0.0000001}',
  '{"f":-0.000001}',
  '{"f":123456789012.5}',
  '{"f":1e308}',
  '{"f":1e309}',
  '{"f":1E-5}',
  '{"f":0.1}',
  '{"f":"2.5"}',
  '{"f":""}',
  '{"r":3.5e38}',
  '{"r":1e-50}',
  '{"r":16777217}',
  '{"n":"1.005"}',
  '{"n":12345.6}',
  '{"bo":false}',
  '{"bo":"t"}',
  '{"bo":1}',
  '{"bo":"maybe"}',
  '{"ts":"2018-11-01T21:01:46Z"}',
  '{"ts":"not a time"}',
  '{"d":"2018-02-30"}',
  '{"c":"abcd"}',
  '{"s":"a","s":"b"}',
  '{"s":"a","s":{"x":1}}',
  '{"s":"a",}',
  '{"s":"a"',
  '{"s":"a"} {"s":"b"}',
  '{"s":"a"}x',
  '{"s":01}',
  '{"i":01}',
  '{"i":-}',
  '{"i":1.}',
  '{"i":.5}',
  '{"i":1e}',
  '{"i":tru}',
  '{"i":nul}',
  '{"bo":True}',
  '[1,2]',
  '"just a string"',
  '42',
  'null',
  '{"__proto__":"p","s":"q"}',
  '{"constructor":"c"}',
  '{"clé":"v","s":"k"}',
  '{"s":"a"  ,  "t"  :  "b"  }',
  '{"s"\t:\t"tab"}',
  '{',
  '  "s": "pretty",',
  '  "i": 3',
  '}',
  '{"s":"after pretty"}',
];

const VALUES = [
  '"x"', '"abcdef"', '"abcdefg"', '"é"', '"😀"', '"a\\"b"', '"\\\\"', '"\\u00fc"', '"\\ud83d\\ude00"', '"\\udc00"', '"tab\\tin"',
  '"12"', '"-7"', '"0012"', '""', '"true"', '"2018-11-01"', '"2018-11-01 10:00:00"', '"1.25"',
  '0', '-0', '1', '-1', '42', '3.14', '2.50', '1e5', '-2.5E-3', '0.0000004', '0.0000040', '7.000', '-0.00', '1538267896114.0', '123456789012345', '32767', '32768', '99999.999',
  'true', 'false', 'null', '{}', '[]', '{"k":"v"}', '[1,"2"]',
];
const KEYS = ['s', 't', 'i', 'sm', 'big', 'f', 'r', 'n', 'bo', 'ts', 'd', 'c', 'extra', 'S', 'ñ'];

/** Random records (seeded: the same lines on every run), mostly well formed, some damaged by a deleted or inserted character. */
function randomLines(count: number, seed: number): string[] {
  const rng = createRng(seed);
  const next = rng.next;
  const pick = rng.pick;
  const lines: string[] = [];
  for (let r = 0; r < count; r++) {
    const fields = Array.from({ length: Math.floor(next() * 6) }, () => `"${pick(KEYS)}"${next() < 0.2 ? ' : ' : ':'}${pick(VALUES)}`);
    let line = `{${fields.join(next() < 0.2 ? ', ' : ',')}}`;
    if (next() < 0.1) {
      const at = Math.floor(next() * line.length);
      line = next() < 0.5 ? line.slice(0, at) + line.slice(at + 1) : line.slice(0, at) + pick(['"', ',', '\\', '{', ' ', 'x', '\u0001']) + line.slice(at);
    }
    lines.push(line);
  }
  return lines;
}

/** Files of the lines, some with CRLF endings, one starting with a BOM, one without a final newline, one with invalid UTF-8. */
function files(lines: string[]): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const per = Math.ceil(lines.length / 5);
  for (let f = 0; f < 5; f++) {
    const part = lines.slice(f * per, (f + 1) * per);
    let text = part.join(f === 1 ? '\r\n' : '\n') + (f === 3 ? '' : '\n');
    if (f === 2) text = `\ufeff${text}`;
    let bytes = Buffer.from(text, 'utf8');
    if (f === 4) bytes = Buffer.concat([bytes, Buffer.from('{"s":"bad \xff byte"}\n{"s":"ok"}\n', 'latin1'), Buffer.from('{"t":"cut \xe2\x82"}\n', 'latin1')]);
    out[`data/part-${f}.json`] = bytes;
  }
  return out;
}

/** Loads `root` both ways and checks the two agree; returns the byte path's load. */
async function sameBothWays(table: SourceTable, options: LoadOptions, label: string) {
  const bytes = await load(table, options);
  const text = await load(table, { ...options, bytePath: false });
  assert.equal(bytes.text, text.text, `${label}: COPY text`);
  assert.deepEqual(bytes.stats, text.stats, `${label}: stats`);
  return bytes;
}

test('the byte path gives the text path\'s rows, rejections and stats, whatever the lines and however the files are read', async () => {
  const lines = [...PICKED, ...randomLines(3000, 13)];
  const root = tempProject(files(lines));
  const table = sourceTable({ columns: COLUMNS, maxerrors: 100000 });
  const plain = await sameBothWays(table, { root }, 'whole files');
  assert.ok(plain.stats.rows > 800, `${plain.stats.rows} rows`);
  assert.ok(plain.stats.rejected.length > 200, `${plain.stats.rejected.length} rejected`);
  for (const readBytes of [3, 64, 333]) await sameBothWays(table, { root, readBytes }, `reads of ${readBytes} bytes`);
  await sameBothWays(table, { root, varcharLength: 'bytes' }, 'varchar in bytes');
  await sameBothWays({ ...table, truncatecolumns: true }, { root, readBytes: 64 }, 'truncatecolumns');
  await sameBothWays({ ...table, acceptInvalidChars: '?' }, { root }, 'accept_invalid_chars');
  await sameBothWays({ ...table, originColumns: true }, { root, readBytes: 50 }, 'origin columns');
  await sameBothWays({ ...table, jsonpaths: 'auto ignorecase' }, { root }, 'auto ignorecase');
});

test('with a JSONPaths file, one key per column takes the byte path; deeper paths leave it to the text path, and both agree', async () => {
  const lines = [...PICKED, ...randomLines(800, 29), '{"outer":{"i":5},"s":"x"}'];
  const keys = ['s', 't', 'i', 'sm', 'big', 'f', 'r', 'n', 'bo', 'ts', 'd', 'c'];
  const flatPaths = JSON.stringify({ jsonpaths: keys.map((key) => `$['${key === 't' ? 's' : key}']`) });
  const deepPaths = JSON.stringify({ jsonpaths: keys.map((key) => (key === 'i' ? "$['outer']['i']" : `$.${key}`)) });
  const root = tempProject({ ...files(lines), 'flat.json': flatPaths, 'deep.json': deepPaths });
  const table = sourceTable({ columns: COLUMNS, maxerrors: 100000 });
  const flat = await sameBothWays({ ...table, jsonpaths: 'flat.json' }, { root, readBytes: 100 }, 'one key per column (two columns read one key)');
  assert.ok(flat.stats.rows > 200, `${flat.stats.rows} rows`);
  await sameBothWays({ ...table, jsonpaths: 'deep.json' }, { root }, 'a nested path');
});

test('a column no key ever matched gets the same warning, with the same closest key, both ways', async () => {
  const table = sourceTable({ columns: columns(['id', 'integer'], ['sessionid', 'integer']) });
  const lines = Array.from({ length: 300 }, (_, k) => `{"id":${k},"sessionId":${k * 2}}`);
  const loaded = await sameBothWays(table, { root: tempProject({ 'data/a.json': `${lines.join('\n')}\n` }) }, 'unmatched column');
  assert.equal(loaded.stats.warnings?.length, 1);
  assert.match(loaded.stats.warnings?.[0].message ?? '', /closest key is 'sessionId'/);
});

/** A FlatRecords for `table` writing into a ChunkWriter; `take` reports whether the byte path took the line itself. */
function byteReader(table: SourceTable) {
  const options = { root: '/' };
  const encoders = planEncoders(table, options);
  const rowColumns = table.columns.map((column, k) => ({ name: column.name, type: column.type, source: autoSource(column.name), encode: encoders[k] }));
  const writer = new ChunkWriter(1 << 20);
  const stats = { rows: 0 };
  const plan = flatPlan(table.columns.map((column) => column.name), undefined, false, 'chars')!;
  const flat = new FlatRecords(rowColumns, plan, writer, stats, undefined);
  return {
    take: (line: string) => flat.take(Buffer.from(line, 'utf8'), 0, Buffer.byteLength(line), 1),
    text: () => {
      flat.flushRows();
      return Buffer.concat(writer.flush()).toString('utf8');
    },
  };
}

test('the byte path takes flat records of plain values itself, and declines what the text path must judge', () => {
  const reader = byteReader(sourceTable({ columns: COLUMNS }));
  const taken = [
    PICKED[0], '{}', '  { "s" : "a" , "i" : 2 }  ', '', '{"t":"quote \\" slash \\/ back \\\\ nl \\n"}', '{"s":"héllo!"}',
    '{"i":"39"}', '{"i":-0}', '{"f":1.50}', '{"s":"a","s":"b"}', '{"other":"x","s":"ok"}', '{"clé":"v"}',
    '{"f":1538267896114.0}', '{"f":-0.0}',
  ];
  for (const line of taken) assert.equal(reader.take(line), true, line);
  const declined = [
    '{"t":"nul \\u0000 here"}', '{"t":"pair \\ud83d\\ude00"}', '{"t":"lone \\ud83d here"}', '{"t":"raw\ttab"}', '{"s":"héllo!!"}',
    '{"s":1}', '{"s":{"nested":1}}', '{"other":[1]}', '{"i":1.5}', '{"i":2147483648}', '{"big":12345678901234567}', '{"f":1e309}',
    '{"bo":"maybe"}', '{"s":"a",}', '{"s":"a"} {"s":"b"}', '{"s":01}', '[1,2]', '{"s":"a"', '\ufeff{"s":"bom"}',
  ];
  for (const line of declined) assert.equal(reader.take(line), false, line);
  const rows = reader.text().split('\n');
  assert.equal(rows.length, taken.length - 1 /* the blank line */ + 1 /* after the last newline */);
  assert.equal(rows[0], 'abc\tplain\t1\t-2\t1541105830796\t260.43827\t0.5\t12.35\tt\t2018-11-01 21:01:46\t2018-11-01\txy');
  assert.equal(rows[3], '\\N\tquote " slash / back \\\\ nl \\n' + '\t\\N'.repeat(10));
  assert.equal(rows[5].split('\t')[2], '39');
  assert.equal(rows[6].split('\t')[2], '0');
  assert.equal(rows[7].split('\t')[5], '1.5');
  assert.equal(rows[8].split('\t')[0], 'b');
  assert.equal(rows[11].split('\t')[5], '1538267896114');
  assert.equal(rows[12].split('\t')[5], '0');
});

/**
 * Issue 14: invalid UTF-8 and lone surrogate escapes are bad records at file:line:column (SPK311),
 * counted against maxerrors, unless the table sets accept_invalid_chars, which replaces them as
 * Redshift's ACCEPTINVCHARS does. Both parse placements (main thread, worker) must agree.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import type { ParsePlacement } from '../../src/load/worker/parse-placement.js';
import { columns, loadFiles, sourceTable } from './helpers.js';

const table = sourceTable({ maxerrors: 10, columns: columns(['id', 'integer'], ['name', 'varchar(40)']) });
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

// A log file (NDJSON): bad bytes in line 2, an overlong slash in line 4, a lone surrogate escape in line 5.
const logFile = bytes(
  '{"id":1,"name":"good"}\n',
  '{"id":2,"name":"Bad', [0xff, 0xfe], '"}\n',
  '{"id":3,"name":"pair \\ud83d\\ude00, \\\\ud800 is text"}\n',
  '{"id":4,"name":"a', [0xc0, 0xaf], 'b"}\n',
  '{"id":5, "name":"x\\ud800y"}\n',
  '{"id":6,"name":"real \uFFFD stays"}\n',
);
// A song file: one pretty-printed record, bad bytes on its third line.
const songFile = bytes('{\n  "id": 7,\n  "name": "caf', [0xe9], '"\n}\n');

const expectedRejects = [
  'data/a.json:2:20: invalid UTF-8: bytes ff fe are not a character [SPK311]',
  'data/a.json:4:18: invalid UTF-8: bytes c0 af are not a character [SPK311]',
  'data/a.json:5:19: lone surrogate \\ud800: a JSON \\u escape of half a UTF-16 surrogate pair is not a character [SPK311]',
  'data/song/b.json:3:15: invalid UTF-8: byte e9 is not a character [SPK311]',
];

for (const parseIn of ['main', 'worker', 'workers'] as ParsePlacement[]) {
  describe(`invalid characters, parsed in the ${parseIn} thread`, () => {
    test('are bad records at file:line:column with their own code; the rest loads', async () => {
      for (const readBytes of [1, 3, 7, 1 << 20]) {
        const { rows, stats } = await loadFiles(table, { 'data/a.json': logFile, 'data/song/b.json': songFile }, { parseIn, chunkBytes: 64, readBytes });
        assert.deepEqual(rows, [['1', 'good'], ['3', 'pair 😀, \\ud800 is text'], ['6', 'real \uFFFD stays']], `reads of ${readBytes}`);
        assert.deepEqual(stats.rejected.map((b) => `${b.file}:${b.line}:${b.column}: ${b.message} [${b.code}]`), expectedRejects);
        assert.equal(stats.replaced, undefined);
      }
    });

    test('count against maxerrors: one too many fails the load, with a hint naming accept_invalid_chars', async () => {
      const strict = sourceTable({ ...table, maxerrors: 3 });
      await assert.rejects(loadFiles(strict, { 'data/a.json': logFile, 'data/song/b.json': songFile }, { parseIn, chunkBytes: 64 }), (error: unknown) => {
        assert.ok(error instanceof SparkifyError);
        assert.equal(error.exitCode, 1);
        assert.deepEqual(error.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.code}`), [
          'data/a.json:2:20 SPK311', 'data/a.json:4:18 SPK311', 'data/a.json:5:19 SPK311', 'data/song/b.json:3:15 SPK311',
        ]);
        assert.match(error.diagnostics[3].hint ?? '', /accept_invalid_chars: '\?'.*; or allow up to 4 bad records with maxerrors: 4/);
        return true;
      });
    });

    test("accept_invalid_chars replaces each invalid byte and lone escape, and counts them", async () => {
      const accepting = sourceTable({ ...table, maxerrors: 0, acceptInvalidChars: '?' });
      const { rows, stats } = await loadFiles(accepting, { 'data/a.json': logFile, 'data/song/b.json': songFile }, { parseIn, chunkBytes: 64, readBytes: 5 });
      assert.deepEqual(rows, [
        ['1', 'good'], ['2', 'Bad??'], ['3', 'pair 😀, \\ud800 is text'], ['4', 'a??b'], ['5', 'x?y'], ['6', 'real \uFFFD stays'], ['7', 'caf?'],
      ]);
      assert.deepEqual(stats.replaced, { chars: 6, records: 4 });
      assert.deepEqual(stats.rejected, []);
    });

    test('a replacement that JSON or COPY must escape still reads as itself', async () => {
      for (const replacement of ['"', '\\', '\t']) {
        const accepting = sourceTable({ ...table, acceptInvalidChars: replacement });
        const { rows } = await loadFiles(accepting, { 'data/a.json': bytes('{"id":1,"name":"a', [0xff], 'b"}\n') }, { parseIn, chunkBytes: 64 });
        assert.deepEqual(rows, [['1', `a${replacement}b`]]);
      }
    });

    test('an invalid byte between records is reported where it is', async () => {
      const { rows, stats } = await loadFiles(table, { 'data/a.json': bytes('{"id":1}\n', [0x80], '\n{"id":2}\n') }, { parseIn, chunkBytes: 64 });
      assert.deepEqual(rows.map((r) => r[0]), ['1', '2']);
      assert.deepEqual(stats.rejected.map((b) => [b.line, b.column, b.code, b.message]), [[2, 1, 'SPK311', 'invalid UTF-8: byte 80 is not a character']]);
    });
  });
}

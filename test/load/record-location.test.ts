/**
 * Issue 14: a broken record is reported at the line where it starts (saying where the parser
 * stopped), and nesting past the documented limit is a bad record at its line (SPK312) instead of
 * a stack overflow that surfaced as a database error.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_NESTING_DEPTH } from '../../src/load/limits.js';
import type { ParsePlacement } from '../../src/load/worker/parse-placement.js';
import { columns, loadFiles, sourceTable } from './helpers.js';

const table = sourceTable({ maxerrors: 10, columns: columns(['id', 'integer'], ['name', 'text']) });
const describeBad = (b: { line: number; column: number; message: string; code?: string }) => `${b.line}:${b.column} ${b.code ?? 'SPK310'} ${b.message}`;

for (const parseIn of ['main', 'worker'] as ParsePlacement[]) {
  describe(`error locations, parsed in the ${parseIn} thread`, () => {
    test('a record cut short on line 5 is reported at line 5, naming where the parser stopped on line 6', async () => {
      const file = ['{"id":1}', '{"id":2}', '{"id":3}', '{"id":4}', '{"id":5,"name":', '{"id":6,"name":"six"}', '{"id":7}'].join('\n');
      for (const readBytes of [4, 1 << 20]) {
        const { rows, stats } = await loadFiles(table, { 'data/a.json': file }, { parseIn, readBytes });
        assert.deepEqual(rows.map((r) => r[0]), ['1', '2', '3', '4', '7']);
        assert.deepEqual(stats.rejected.map(describeBad), [
          "5:1 SPK310 malformed JSON: quoted object key or end of object '}' expected but reached end of input (in the record starting here; the parser stopped at line 6, column 22)",
        ]);
      }
    });

    test('damage on the line where the record starts is still reported at the character', async () => {
      const { stats } = await loadFiles(table, { 'data/a.json': '{"id":1}\n{"id": 2 "name": "x"}\n' }, { parseIn });
      assert.deepEqual(stats.rejected.map(describeBad), ["2:10 SPK310 malformed JSON: comma ',' expected after value but got '\"'"]);
    });

    test('a raw newline in a pretty-printed record is reported at the record, with where it was', async () => {
      const { stats } = await loadFiles(table, { 'data/a.json': '{\n  "id": 1,\n  "name": "broken\n"}\n{"id": 2}\n' }, { parseIn });
      assert.deepEqual(stats.rejected.map(describeBad), [
        '1:1 SPK310 malformed JSON: raw newline inside a string (in the record starting here; the parser stopped at line 3, column 18)',
      ]);
    });

    test(`nesting deeper than ${MAX_NESTING_DEPTH} levels is a bad record at its line (SPK312); the next records load`, async () => {
      const arrays = `{"id":2,"name":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
      const objects = `{"id":3,"name":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
      const file = ['{"id":1}', arrays, objects, '{"id":4}'].join('\n');
      const { rows, stats } = await loadFiles(table, { 'data/a.json': file }, { parseIn });
      assert.deepEqual(rows.map((r) => r[0]), ['1', '4']);
      const message = `arrays and objects nested deeper than ${MAX_NESTING_DEPTH} levels`;
      assert.deepEqual(stats.rejected.map(describeBad), [`2:${16 + MAX_NESTING_DEPTH - 1} SPK312 ${message}`, `3:${16 + 5 * (MAX_NESTING_DEPTH - 1)} SPK312 ${message}`]);
    });

    test('nesting up to the limit loads (a nested value reads as its JSON text)', async () => {
      const depth = MAX_NESTING_DEPTH - 1; // the record itself is one level
      const { rows, stats } = await loadFiles(table, { 'data/a.json': `{"id":1,"name":${'['.repeat(depth)}${']'.repeat(depth)}}\n` }, { parseIn });
      assert.deepEqual(stats.rejected, []);
      assert.equal(rows[0][1], `${'['.repeat(depth)}${']'.repeat(depth)}`);
    });
  });
}

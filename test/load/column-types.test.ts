import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseColumnType } from '../../src/load/column-types.js';

test('integer spellings map to their ranges', () => {
  for (const [type, label, max] of [
    ['smallint', 'smallint', 32767n],
    ['INT2', 'smallint', 32767n],
    ['integer', 'integer', 2147483647n],
    ['int', 'integer', 2147483647n],
    ['Int4', 'integer', 2147483647n],
    ['bigint', 'bigint', 9223372036854775807n],
    ['int8', 'bigint', 9223372036854775807n],
  ] as const) {
    assert.deepEqual(parseColumnType(type), { kind: 'integer', label, min: -max - 1n, max }, type);
  }
});

test('float, numeric, text, boolean and time spellings', () => {
  assert.deepEqual(parseColumnType('real'), { kind: 'float', label: 'real', single: true });
  assert.deepEqual(parseColumnType('float4'), { kind: 'float', label: 'real', single: true });
  assert.deepEqual(parseColumnType('Double  Precision'), { kind: 'float', label: 'double precision', single: false });
  assert.deepEqual(parseColumnType('float8'), { kind: 'float', label: 'double precision', single: false });
  assert.deepEqual(parseColumnType('float'), { kind: 'float', label: 'double precision', single: false });
  assert.deepEqual(parseColumnType('float(10)'), { kind: 'float', label: 'real', single: true });
  assert.deepEqual(parseColumnType('numeric( 10 , 5 )'), { kind: 'numeric', label: 'numeric(10,5)', precision: 10, scale: 5 });
  assert.deepEqual(parseColumnType('DECIMAL(18)'), { kind: 'numeric', label: 'numeric(18,0)', precision: 18, scale: 0 });
  assert.deepEqual(parseColumnType('numeric'), { kind: 'numeric', label: 'numeric', scale: 0 });
  assert.deepEqual(parseColumnType('varchar(256)'), { kind: 'text', label: 'varchar(256)', length: 256 });
  assert.deepEqual(parseColumnType('character varying(32)'), { kind: 'text', label: 'varchar(32)', length: 32 });
  assert.deepEqual(parseColumnType('char(2)'), { kind: 'text', label: 'char(2)', length: 2 });
  assert.deepEqual(parseColumnType('char'), { kind: 'text', label: 'char(1)', length: 1 });
  assert.deepEqual(parseColumnType('varchar'), { kind: 'text', label: 'varchar' });
  assert.deepEqual(parseColumnType('TEXT'), { kind: 'text', label: 'text' });
  assert.deepEqual(parseColumnType('bool'), { kind: 'boolean', label: 'boolean' });
  assert.deepEqual(parseColumnType('boolean'), { kind: 'boolean', label: 'boolean' });
  assert.deepEqual(parseColumnType('timestamp'), { kind: 'timestamp', label: 'timestamp', withZone: false });
  assert.deepEqual(parseColumnType('timestamp without time zone'), { kind: 'timestamp', label: 'timestamp', withZone: false });
  assert.deepEqual(parseColumnType('timestamp with time zone'), { kind: 'timestamp', label: 'timestamptz', withZone: true });
  assert.deepEqual(parseColumnType('timestamptz'), { kind: 'timestamp', label: 'timestamptz', withZone: true });
  assert.deepEqual(parseColumnType('date'), { kind: 'date', label: 'date' });
});

test('unknown or impossible types are undefined', () => {
  for (const type of ['json', 'varchar(0)', 'text(5)', 'numeric(5,6)', 'float(54)', 'integer[]', 'uuid', 'timestamp(9) with time zone x']) {
    assert.equal(parseColumnType(type), undefined, type);
  }
});

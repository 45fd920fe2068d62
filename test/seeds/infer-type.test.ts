/** Seed column types inferred from every value of a CSV column. */
import assert from 'node:assert/strict';
import test from 'node:test';
import { inferColumnType } from '../../src/seeds/infer-type.js';

test('whole numbers are integer, then bigint past 32 bits, then numeric past 64 bits', () => {
  assert.equal(inferColumnType(['1', '-2', '2147483647', '-2147483648']), 'integer');
  assert.equal(inferColumnType(['1', '2147483648']), 'bigint');
  assert.equal(inferColumnType(['-9223372036854775808', '9223372036854775807']), 'bigint');
  assert.equal(inferColumnType(['9223372036854775808']), 'numeric');
});

test('a column mixing whole and decimal numbers is double precision', () => {
  assert.equal(inferColumnType(['1', '2.5', '-.5', '1e3']), 'double precision');
});

test('booleans, dates and timestamps are recognised; a date column with one timestamp is timestamp', () => {
  assert.equal(inferColumnType(['true', 'FALSE']), 'boolean');
  assert.equal(inferColumnType(['2018-11-01', '2018-11-30']), 'date');
  assert.equal(inferColumnType(['2018-11-01', '2018-11-30 21:01:46.796']), 'timestamp');
  assert.equal(inferColumnType(['2018-11-01T21:01:46']), 'timestamp');
});

test('empty values are NULLs and do not decide the type; an all-empty column is text', () => {
  assert.equal(inferColumnType(['', '3', '']), 'integer');
  assert.equal(inferColumnType(['', '']), 'text');
  assert.equal(inferColumnType([]), 'text');
});

test('anything else, or one value that fits no narrower type, makes the column text', () => {
  assert.equal(inferColumnType(['1', 'two']), 'text');
  assert.equal(inferColumnType(['yes', 'no']), 'text');
  assert.equal(inferColumnType(['2018-02-30']), 'text'); // no such day: PostgreSQL would refuse it
  assert.equal(inferColumnType(['1', '1 ']), 'text');
});

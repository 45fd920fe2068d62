import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COPY_NULL, copyColumns, escapeCopyText } from '../../src/load/copy-text.js';
import { formatDecimal, parseDecimal, roundDecimal } from '../../src/load/decimal.js';
import { columns, sourceTable } from './helpers.js';

test('COPY text escaping: backslash, tab, newline, carriage return', () => {
  assert.equal(escapeCopyText('plain'), 'plain');
  assert.equal(escapeCopyText('a\\b'), 'a\\\\b');
  assert.equal(escapeCopyText('\t\n\r'), '\\t\\n\\r');
  assert.equal(escapeCopyText('\\N'), '\\\\N'); // a literal \N is not NULL
  assert.equal(escapeCopyText('\\.'), '\\\\.'); // nor the end-of-data marker
  assert.equal(COPY_NULL, '\\N');
});

test('copyColumns lists column names in declaration order', () => {
  const table = sourceTable({ columns: columns(['b', 'integer'], ['a', 'text'], ['C d', 'text']) });
  assert.deepEqual(copyColumns(table), ['b', 'a', 'C d']);
});

test('decimals are read and rounded exactly', () => {
  assert.deepEqual(parseDecimal('-0012.3400'), { negative: true, int: '12', frac: '34' });
  assert.deepEqual(parseDecimal('1.5e3'), { negative: false, int: '1500', frac: '' });
  assert.deepEqual(parseDecimal('.5E-2'), { negative: false, int: '', frac: '005' });
  assert.deepEqual(parseDecimal('-0.0'), { negative: false, int: '', frac: '' });
  for (const bad of ['', '.', '-', '1..2', '1e', 'e5', '0x10', 'Infinity']) assert.equal(parseDecimal(bad), undefined, bad);
  const round = (text: string, scale: number) => formatDecimal(roundDecimal(parseDecimal(text)!, scale));
  assert.equal(round('9.995', 2), '10');
  assert.equal(round('0.5', 0), '1');
  assert.equal(round('-0.5', 0), '-1');
  assert.equal(round('0.049', 1), '0');
  assert.equal(round('123.456', 5), '123.456');
  assert.equal(parseDecimal('1e999999999')!.int.length, 1101); // clamped, still too big for any type
});

/**
 * Issue 14, screen: tables pad by the width a terminal gives each character (string-width), so a
 * column holding CJK text or emoji lines up: `show` through the CLI, a unit test's diff directly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { diffLines } from '../../src/unit-tests/format-diff.js';
import { copyProject, sparkify } from './helpers.js';

/** The display columns of every `|` in a table line. */
function barColumns(line: string): number[] {
  const columns: number[] = [];
  let at = 0;
  for (const char of line) {
    if (char === '|') columns.push(at);
    at += stringWidth(char);
  }
  return columns;
}

function assertAligned(lines: string[]): void {
  const expected = barColumns(lines[0]);
  for (const line of lines) assert.deepEqual(barColumns(line), expected, `misaligned:\n${lines.join('\n')}`);
}

test('show: a column of CJK text and emoji lines up on the terminal', () => {
  const dir = copyProject();
  const sql = "select '東京都' as city, 1 as n union all select 'Paris', 22 union all select '😀 ok', 333 order by n";
  const result = sparkify(dir, ['show', '--inline', sql]);
  assert.equal(result.code, 0, result.stderr);
  const table = result.stdout.split('\n').filter((line) => line.startsWith('|'));
  assert.equal(table.length, 5, result.stdout);
  assert.ok(table.some((line) => line.includes('東京都')));
  assertAligned(table);
});

test('a unit test\'s differing rows line up with wide characters too', () => {
  const lines = diffLines([{ '@@': '+', name: '北京' }, { '@@': '-', name: 'Zürich' }, { '@@': '+', name: 'x' }]);
  assertAligned(lines);
  assert.equal(lines[1], `|----|--------|`);
});

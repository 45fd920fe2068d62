import { parseThreshold } from '../../src/project/threshold-syntax.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { meetsThreshold, outcomeMessage, testOutcome } from '../../src/data-tests/thresholds.js';

describe('test thresholds', () => {
  test('parseThreshold normalises dbt conditions and refuses anything else', () => {
    assert.equal(parseThreshold('!=0'), '!= 0');
    assert.equal(parseThreshold(' >  10 '), '> 10');
    assert.equal(parseThreshold('==3'), '= 3');
    assert.equal(parseThreshold('<>0'), '!= 0');
    assert.equal(parseThreshold('>=007'), '>= 7');
    for (const bad of ['', '10', '> -1', '> 1.5', 'count(*) > 1', '>> 1', '> 1; drop table x']) {
      assert.equal(parseThreshold(bad), undefined, bad);
    }
  });

  test('meetsThreshold compares the failing-row count', () => {
    const table: [number, string, boolean][] = [
      [0, '!= 0', false], [1, '!= 0', true], [10, '> 10', false], [11, '> 10', true],
      [10, '>= 10', true], [3, '< 5', true], [5, '<= 5', true], [6, '<= 5', false], [2, '= 2', true],
    ];
    for (const [failures, threshold, expected] of table) {
      assert.equal(meetsThreshold(failures, threshold), expected, `${failures} ${threshold}`);
    }
  });

  test("testOutcome follows dbt: error_if fails an error-severity test, else warn_if warns", () => {
    const defaults = { severity: 'error' as const, warnIf: '!= 0', errorIf: '!= 0' };
    assert.equal(testOutcome(0, defaults), 'pass');
    assert.equal(testOutcome(2, defaults), 'fail');
    assert.equal(testOutcome(2, { ...defaults, severity: 'warn' }), 'warn');
    assert.equal(testOutcome(0, { ...defaults, severity: 'warn' }), 'pass');
    // error_if is ignored when the severity is warn.
    assert.equal(testOutcome(50, { severity: 'warn', warnIf: '> 10', errorIf: '> 0' }), 'warn');
    // Between the two thresholds: a warning, not a failure.
    const banded = { severity: 'error' as const, warnIf: '> 10', errorIf: '> 100' };
    assert.deepEqual([5, 11, 101].map((n) => testOutcome(n, banded)), ['pass', 'warn', 'fail']);
  });

  test('outcomeMessage says the count and the condition that decided', () => {
    const config = { severity: 'error' as const, warnIf: '> 1', errorIf: '!= 0' };
    assert.equal(outcomeMessage('pass', 0, config), 'PASS');
    assert.equal(outcomeMessage('fail', 1, config), 'got 1 failing row, configured to fail if != 0');
    assert.equal(outcomeMessage('warn', 2, config), 'got 2 failing rows, configured to warn if > 1');
  });
});

/** Issue 14: a template that opens something it never closes is an error at the line that opens it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SparkifyError, type Diagnostic } from '../../src/diagnostics.js';
import { compileFixture } from '../compile/fixture.js';
import { findUnclosed } from '../../src/jinja/unclosed-tags.js';

/** The one diagnostic compiling a project with models/m.sql = `sql` gives. */
function problemIn(sql: string): Diagnostic {
  try {
    compileFixture({ 'models/m.sql': sql });
  } catch (error) {
    assert.ok(error instanceof SparkifyError);
    assert.equal(error.diagnostics.length, 1, error.message);
    return error.diagnostics[0];
  }
  return assert.fail('expected a compile error');
}

const cases: [string, string, number, number, RegExp][] = [
  ['an unclosed {% if %}', 'select 1 as x\n-- a comment\n{% if true %}\nwhere true\n', 3, 1, /\{% if %\} is never closed/],
  ['an unclosed {% for %} inside a closed {% if %}', 'select 1 as x\n{% if true %}{% endif %}\n  {% for c in [1] %}\n, {{ c }}\n', 3, 3, /\{% for %\} is never closed/],
  ['the inner of two nested {% if %}', '{% if true %}\nselect 1 as x\n{% if false %}\n{% endif %}\n', 1, 1, /\{% if %\} is never closed/],
  ['an unclosed {% macro %}', '{% macro m() %}\nselect 1\n', 1, 1, /\{% macro %\} is never closed/],
  ['an unclosed {{', 'select 1 as x,\n  {{ 2 \n', 2, 3, /\{\{ is never closed/],
  ['an unclosed comment', 'select 1 as x\n{# note\nmore\n', 2, 1, /\{# is never closed/],
];

for (const [name, sql, line, column, message] of cases) {
  test(`${name}: SPK110 at the line and column that opens it`, () => {
    const diagnostic = problemIn(sql);
    assert.equal(diagnostic.code, 'SPK110');
    assert.deepEqual(diagnostic.location, { file: 'models/m.sql', line, column });
    assert.match(diagnostic.message, message);
    assert.match(diagnostic.hint ?? '', /add (\{% end\w+ %\}|\}\}|#\}) where its block ends/);
  });
}

test('a closed template has nothing unclosed; {% set x = 1 %} and {% raw %} blocks are not openers left open', () => {
  assert.equal(findUnclosed('{% if a %}{% for b in c %}{{ b }}{% endfor %}{% endif %}{% set x = 1 %}{% raw %}{% if %}{% endraw %}'), undefined);
  assert.deepEqual(findUnclosed('{% set x %}\nbody'), { line: 1, column: 1, opener: '{% set %}', closer: '{% endset %}' });
});

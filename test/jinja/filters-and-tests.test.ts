/** Jinja's filters with their keyword arguments, and Jinja's tests. */
import { describe, test } from 'node:test';
import { assertRenders } from './fixture.js';

const ROWS = "[{'name': 'b', 'n': 2, 'tag': 'x'}, {'name': 'A', 'n': 1, 'tag': 'y'}, {'name': 'c', 'n': 3, 'tag': 'x'}]";

describe('filters', () => {
  test('attribute filters: map, selectattr, rejectattr, sort, groupby, sum, min, max, unique', () => {
    assertRenders([
      [`{{ ${ROWS} | map(attribute='name') | join(',') }}`, 'b,A,c'],
      [`{{ ${ROWS} | selectattr('tag', 'equalto', 'x') | map(attribute='n') | list }}`, '[2, 3]'],
      [`{{ ${ROWS} | rejectattr('tag', '==', 'x') | map(attribute='name') | first }}`, 'A'],
      [`{{ ${ROWS} | selectattr('n', 'gt', 1) | list | length }} {{ ${ROWS} | selectattr('name') | list | length }}`, '2 3'],
      [`{{ ${ROWS} | sort(attribute='name') | map(attribute='name') | join }} {{ ${ROWS} | sort(attribute='n', reverse=true) | map(attribute='n') | join }}`, 'Abc 321'],
      [`{{ ${ROWS} | sum(attribute='n') }} {{ ${ROWS} | max(attribute='n') | attr('name') }} {{ ${ROWS} | min(attribute='name') | attr('name') }}`, '6 c A'],
      [`{% for g in ${ROWS} | groupby('tag') %}{{ g.grouper }}:{{ g.list | length }} {% endfor %}`, 'x:2 y:1'],
      ["{{ ['a', 'A', 'b', 'a'] | unique | list }} {{ ['a', 'A'] | unique(case_sensitive=true) | list }}", "['a', 'b'] ['a', 'A']"],
    ]);
  });

  test('map with a filter name, select and reject with a test', () => {
    assertRenders([
      ["{{ ['a', 'b'] | map('upper') | join }} {{ [1, 2, 3, 4] | select('odd') | list }} {{ [1, 2, 3] | reject('even') | list }}", 'AB [1, 3] [1, 3]'],
      ["{{ ['x_1', 'y'] | map('replace', '_', '-') | list }} {{ ['', 'a', none] | select | list }}", "['x-1', 'y'] ['a']"],
    ]);
  });

  test('conversions and strings: default, string, int, float, list, items, tojson, replace, trim, lower/upper, length', () => {
    assertRenders([
      ["{{ x | default('d') }} {{ (none | default('d')) is none }} {{ '' | default('d', true) }} {{ x | d('alias') }}", 'd True d alias'],
      ["{{ 3 | string }}{{ '42' | int + 1 }} {{ '4.7' | int }} {{ 'x' | int(9) }} {{ '2.5' | float * 2 }} {{ 'x' | float }}", '343 4 9 5 0'],
      ["{{ 'ab' | list }} {{ {'a': 1} | list }} {{ {'a': 1} | items | list }}", "['a', 'b'] ['a'] [['a', 1]]"],
      ["{{ {'b': 1, 'a': \"it's <x>\"} | tojson }}", '{"a": "it\\u0027s \\u003cx\\u003e", "b": 1}'],
      ["{{ 'a-b-c' | replace('-', '+') }} {{ 'a-b-c' | replace('-', '+', 1) }} [{{ '  x ' | trim }}] {{ 'xxyxx' | trim('x') }}", 'a+b+c a+b-c [x] y'],
      ["{{ 'Ab' | lower }}{{ 'Ab' | upper }} {{ 'abc' | length }} {{ [1, 2] | count }} {{ {'a': 1} | length }}", 'abAB 3 2 1'],
    ]);
  });

  test('numbers and sequences: round, abs, batch, first, last, reverse, join, wordcount, format, dictsort', () => {
    assertRenders([
      ['{{ 2.5 | round }} {{ 3.5 | round }} {{ 1.234 | round(2) }} {{ 1.21 | round(1, "ceil") }} {{ -3 | abs }}', '2 4 1.23 1.3 3'],
      ['{{ [1, 2, 3, 4, 5] | batch(2) | list }} {{ [1, 2, 3] | batch(2, 0) | last }}', '[[1, 2], [3, 4], [5]] [3, 0]'],
      ["{{ [1, 2, 3] | first }}{{ [1, 2, 3] | last }} {{ 'abc' | reverse }} {{ [1, 2] | reverse | list }} {{ ['a', 'b'] | join(', ') }}", '13 cba [2, 1] a, b'],
      ["{{ 'one two  three' | wordcount }} {{ '%s=%d' | format('n', 3) }} {{ {'b': 1, 'a': 2} | dictsort }}", "3 n=3 [['a', 2], ['b', 1]]"],
      ["{{ 'x' | as_text }}{{ 1 | as_number }}{{ true | as_bool }}{{ 'y' | as_native }}", 'x1Truey'],
    ]);
  });
});

describe('tests', () => {
  test('type tests', () => {
    assertRenders([
      ["{{ 'a' is string }} {{ 1 is string }} {{ 1 is number }} {{ 1.5 is float }} {{ 1 is integer }} {{ true is boolean }}", 'True False True True True True'],
      ["{{ {'a': 1} is mapping }} {{ [1] is mapping }} {{ [1] is iterable }} {{ {'a': 1} is iterable }} {{ 'ab' is iterable }} {{ 3 is iterable }}", 'True False True True True False'],
      ["{{ [1] is sequence }} {{ none is none }} {{ 0 is none }} {{ true is true }} {{ 1 is true }} {{ false is false }}", 'True True False True False True'],
      ["{{ x is defined }} {{ x is undefined }} {{ range is callable }} {{ 'upper' is filter }} {{ 'odd' is test }}", 'False True True True True'],
      ["{{ m() is string }}", 'True'],
    ], '{% macro m() %}x{% endmacro %}');
  });

  test('value tests', () => {
    assertRenders([
      ["{{ 4 is even }} {{ 3 is odd }} {{ 9 is divisibleby 3 }} {{ 'ab' is lower }} {{ 'AB' is upper }}", 'True True True True True'],
      ["{{ 1 is eq 1 }} {{ 1 is ne 2 }} {{ 1 is lt 2 }} {{ 2 is ge 2 }} {{ 3 is gt 2 }} {{ 1 is le 0 }} {{ 'a' is in 'abc' }}", 'True True True True True False True'],
    ]);
  });
});

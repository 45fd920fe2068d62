/** Jinja syntax nunjucks rejects or reads otherwise, rendered as models of a fixture project. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRenders, renderErrors } from './fixture.js';

describe('Jinja syntax', () => {
  test('trailing commas in calls, lists, dicts and tuples', () => {
    assertRenders([
      ["{{ config(materialized='view',) }}{{ config.get('materialized') }}", 'view'],
      ["{{ [1, 2,] | join('-') }}", '1-2'],
      ["{{ {'a': 1,}['a'] }}", '1'],
      ["{{ ('a', 'b',) | join }}", 'ab'],
      ["{{ 'x'.replace('x', 'y',) }}", 'y'],
    ]);
  });

  test('nested dict literals may end with }} inside a tag, as Jinja balances braces', () => {
    assertRenders([
      ["{% set x = {'a': {'b': [1, 2]}} %}{{ x.a.b[1] }}", '2'],
      ["{{ {'a': {'b': 1}} }}|{{ {'a': 1}}}|{{ {'a': {}}}}", "{'a': {'b': 1}}|{'a': 1}|{'a': {}}"],
    ]);
  });

  test('tuples are lists; a parenthesised expression is not', () => {
    assertRenders([
      ["{{ 'b' in ('a', 'b') }}", 'True'],
      ["{{ 'ab' in ('a', 'b') }}", 'False'],
      ["{{ ('a',) | length }}", '1'],
      ['{{ () | length }}', '0'],
      ['{{ (1 + 2) * 3 }}', '9'],
      ["{% set a, b = 'x', 'y' %}{{ b }}{{ a }}", 'yx'],
    ]);
  });

  test('True, False and None are literals (none/true/false too), printed as Python prints them', () => {
    assertRenders([
      ['{{ True }} {{ False }} {{ None is none }}', 'True False True'],
      ['{% if None %}x{% else %}y{% endif %}', 'y'],
      ['{{ true and not false }}', 'True'],
    ]);
  });

  test('subscripts: negative indexes and slices with any part left out', () => {
    assertRenders([
      ["{{ [1, 2, 3][-1] }} {{ 'abc'[-2] }}", '3 b'],
      ["{{ 'abcdef'[1:4] }} {{ 'abcdef'[:2] }} {{ 'abcdef'[4:] }} {{ 'abcdef'[::-1] }} {{ 'abcdef'[::2] }}", 'bcd ab ef fedcba ace'],
      ["{{ [1, 2, 3, 4][:-1] | join }} {{ [1, 2, 3, 4][-2:] | join }}", '123 34'],
    ]);
  });

  test('*args and **kwargs in calls, and kwargs inside a macro', () => {
    assertRenders([
      ["{{ show(*['a', 'b'], **{'c': 'd'}) }}", 'a b c=d'],
      ["{{ show('x', *['y'], z=1) }}", 'x y z=1'],
      ["{{ extra(1, mode='fast', size=2) }}", "1 {'mode': 'fast', 'size': 2}"],
    ], `{% macro show(a, b, c=none, z=none) %}{{ a }} {{ b }}{% if c %} c={{ c }}{% endif %}{% if z %} z={{ z }}{% endif %}{% endmacro %}
{% macro extra(n) %}{{ n }} {{ kwargs }}{% endmacro %}`);
  });

  test('{% set %}: block sets, namespace attributes, unpacking', () => {
    assertRenders([
      ['{% set x %}  a b  {% endset %}[{{ x.strip() }}]', '[a b]'],
      ['{%- set x -%}\n  spaced\n{%- endset -%}[{{ x }}]', '[spaced]'],
      ['{% set ns = namespace(total=0, seen=[]) %}{% for i in [1, 2, 3] %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}', '6'],
      ['{% set a, b = [1, 2] %}{{ a }}-{{ b }}', '1-2'],
      ["{% for k, v in {'a': 1}.items() %}{% set key, value = [k, v] %}{{ key }}={{ value }}{% endfor %}", 'a=1'],
    ]);
  });

  test('setting an attribute of something not a namespace, or unpacking the wrong count, is an error', () => {
    const attribute = renderErrors("{% set d = {} %}\n{% set d.x = 1 %}\nselect 1");
    assert.equal(attribute[0].code, 'SPK110');
    assert.match(attribute[0].message, /only a namespace\(\)/);
    const unpack = renderErrors('{% set a, b = [1, 2, 3] %}');
    assert.match(unpack[0].message, /cannot unpack 3 values into 2 names/);
  });

  test('tests with and without parentheses, negated', () => {
    assertRenders([
      ['{{ 6 is divisibleby 3 }} {{ 7 is divisibleby(3) }}', 'True False'],
      ["{{ x is not defined }} {{ 'a' is string }} {{ none is none }} {{ 1 is not none }}", 'True True True True'],
      ["{{ 'a' is in ['a', 'b'] }} {{ 2 is sameas 2 }}", 'True True'],
      ['{% if x is defined and x %}y{% else %}n{% endif %}', 'n'],
      ["{{ 'a' if 1 is odd else 'b' }}", 'a'],
      ['{{ none is None }} {{ true is True }} {{ x | length }}', 'True True 0'],
    ]);
  });

  test('loop variables, loop controls and for over a dict', () => {
    assertRenders([
      ["{% for c in ['a', 'b', 'c'] %}{{ c }}{{ ',' if not loop.last }}{% endfor %}", 'a,b,c'],
      ['{% for i in range(3) %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.first }}{{ loop.length }}|{% endfor %}', '103True3|212False3|321False3|'],
      ['{% for i in range(10) %}{% if i == 3 %}{% break %}{% endif %}{% if i % 2 %}{% continue %}{% endif %}{{ i }}{% endfor %}', '02'],
      ["{% for k in {'b': 1, 'a': 2} %}{{ k }}{% endfor %}", 'ba'],
      ['{% for x in [] %}{{ x }}{% else %}empty{% endfor %}', 'empty'],
    ]);
  });

  test('{% do %} evaluates and prints nothing', () => {
    assertRenders([
      ['{% set xs = [] %}{% do xs.append(1) %}{% do xs.extend([2, 3]) %}{{ xs | join(",") }}', '1,2,3'],
      ["{% set d = {} %}{% do d.update({'a': 1}) %}{% do d.update(b=2) %}{{ d | tojson }}", '{"a": 1, "b": 2}'],
    ]);
  });

  test('{% break %} outside a loop is a syntax error at its line', () => {
    const [error] = renderErrors('select 1\n{% break %}\n');
    assert.equal(error.code, 'SPK110');
    assert.match(error.message, /only allowed inside a for loop/);
    assert.equal(error.location?.line, 2);
  });
});

/** Operators, truthiness and printing keep Python's meaning in templates. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRenders, renderErrors } from './fixture.js';

describe('Python semantics of expressions', () => {
  test('empty lists, dicts, strings and macro output are false', () => {
    assertRenders([
      ['{% if [] %}t{% else %}f{% endif %}{% if {} %}t{% else %}f{% endif %}{% if "" %}t{% else %}f{% endif %}{% if [0] %}t{% else %}f{% endif %}', 'ffft'],
      ['{% if nothing() %}t{% else %}f{% endif %}{% if spaces() %}t{% else %}f{% endif %}{% if spaces() | trim %}t{% else %}f{% endif %}', 'ftf'],
      ["{{ [] or 'default' }} {{ 'a' and 'b' }} {{ 0 or none or 'x' }}", 'default b x'],
      ['{{ not [] }} {{ not [1] }}', 'True False'],
      ["{{ 'yes' if {'a': 1} else 'no' }}", 'yes'],
    ], '{% macro nothing() %}{% endmacro %}{% macro spaces() %}  {% endmacro %}');
  });

  test('+ joins lists and strings, * repeats, % formats, ~ joins str() of both sides', () => {
    assertRenders([
      ["{{ (['a'] + ['b']) | join(',') }}", 'a,b'],
      ["{{ 'ab' + 'cd' }} {{ 1 + 2.5 }} {{ true + 1 }}", 'abcd 3.5 2'],
      ["{{ '-' * 3 }} {{ 2 * 'ab' }} {{ ([0] * 3) | join }}", '--- abab 000'],
      ["{{ '%s-%05.1f-%d%%' % ('a', 3.14159, 7) }} {{ '%(n)s!' % {'n': 'hi'} }}", 'a-003.1-7% hi!'],
      ['{{ -7 % 3 }} {{ 7 // 2 }} {{ 2 ** 10 }}', '2 3 1024'],
      ["{{ 'n=' ~ 1 ~ ' ' ~ none ~ ' ' ~ true ~ ' ' ~ [1, 'a'] }}", "n=1 None True [1, 'a']"],
    ]);
  });

  test('== compares by value without coercion; comparisons chain', () => {
    assertRenders([
      ["{{ [1, [2]] == [1, [2]] }} {{ {'a': 1} == {'a': 1} }} {{ '1' == 1 }} {{ 1 == 1.0 }} {{ true == 1 }}", 'True True False True True'],
      ['{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 3 > 2 >= 2 }}', 'True False True'],
      ["{{ 'abc' < 'abd' }} {{ [1, 2] < [1, 3] }} {{ 'a' != 'b' }}", 'True True True'],
      ["{{ nothing() == '' }}", 'True'],
    ], '{% macro nothing() %}{% endmacro %}');
  });

  test('in: substrings, list items by value, dict keys', () => {
    assertRenders([
      ["{{ 'ell' in 'hello' }} {{ [1] in [[1], [2]] }} {{ 'a' in {'a': 1} }} {{ 1 in {'a': 1} }} {{ 'z' not in ['a'] }}", 'True True True False True'],
    ]);
  });

  test('{{ }} prints Python str(): lists, dicts, booleans, none inside containers', () => {
    assertRenders([
      ["{{ ['a', 1, none, true] }}", "['a', 1, None, True]"],
      ["{{ {'k': 'v', 'n': [1]} }}", "{'k': 'v', 'n': [1]}"],
      ['{{ 1.5 }} {{ 10 }}', '1.5 10'],
      ["{{ \"it's\" ~ '' }} {{ [\"it's\"] }}", `it's ["it's"]`],
    ]);
  });

  test('what Python refuses is an error naming the types, at the template line', () => {
    const [plus] = renderErrors("select 1\n{{ 'a' + 1 }}\n");
    assert.equal(plus.code, 'SPK110');
    assert.match(plus.message, /unsupported operand type\(s\) for \+: 'str' and 'int'/);
    assert.equal(plus.location?.line, 2);
    const [order] = renderErrors("{{ 1 < 'a' }}");
    assert.match(order.message, /'<' not supported between instances of 'int' and 'str'/);
    const [contains] = renderErrors('{{ 1 in none }}');
    assert.match(contains.message, /argument of type 'NoneType' is not iterable/);
  });

  test('printing none or an undefined name stays an error (dbt would print None)', () => {
    const [error] = renderErrors('select {{ none }}');
    assert.match(error.message, /attempted to output null or undefined value/);
  });
});

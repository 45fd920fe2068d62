/** Python's str, list and dict methods on template values. */
import { describe, test } from 'node:test';
import { assertRenders } from './fixture.js';

describe('Python methods on values', () => {
  test('str methods, with Python meaning where JavaScript has the same name', () => {
    assertRenders([
      ["{{ 'Ab'.upper() }} {{ 'Ab'.lower() }} {{ '  x  '.strip() }}| {{ 'xxaxx'.strip('x') }} {{ '..a'.lstrip('.') }} {{ 'a..'.rstrip('.') }}", 'AB ab x| a a a'],
      ["{{ ' a  b '.split() }} {{ 'a,b,c'.split(',') }} {{ 'a,b,c'.split(',', 1) }} {{ 'a,b,c'.rsplit(',', 1) }}", "['a', 'b'] ['a', 'b', 'c'] ['a', 'b,c'] ['a,b', 'c']"],
      ["{{ 'abc'.startswith('ab') }} {{ 'abc'.endswith(('x', 'c')) }} {{ 'abc'.startswith('b', 1) }}", 'True True True'],
      ["{{ 'aaa'.replace('a', 'b') }} {{ 'aaa'.replace('a', 'b', 2) }}", 'bbb bba'],
      ["{{ ', '.join(['a', 'b']) }} {{ '-'.join('xyz') }}", 'a, b x-y-z'],
      ["{{ '{}_{}'.format('a', 1) }} {{ '{1}{0}'.format('a', 'b') }} {{ '{name}!'.format(name='x') }} {{ '{:>5}|{:<3}|{:^5}|'.format('a', 'b', 'c') }}", 'a_1 ba x!     a|b  |  c  |'],
      ["{{ '{:.2f} {:,} {:05d} {:x}'.format(3.14159, 1234567, 42, 255) }}", '3.14 1,234,567 00042 ff'],
      ["{{ 'hello'.find('l') }} {{ 'hello'.rfind('l') }} {{ 'hello'.count('l') }} {{ 'hello'.index('e') }}", '2 3 2 1'],
      ["{{ 'hello world'.title() }} {{ 'hELLO'.capitalize() }} {{ '42'.isdigit() }} {{ 'ab'.isalpha() }} {{ '7'.zfill(3) }}", 'Hello World Hello True True 007'],
      ["{{ 'a=b=c'.partition('=') }} {{ 'pre_x'.removeprefix('pre_') }} {{ 'x.sql'.removesuffix('.sql') }}", "['a', '=', 'b=c'] x x"],
      ["{{ 'abc'.length }} {{ 'abc'.includes('b') }}", '3 True'],
    ]);
  });

  test('a macro output is a str', () => {
    assertRenders([["{{ name().strip().upper() }} {{ name() | length }}", 'ADA 5']], '{% macro name() %} ada {% endmacro %}');
  });

  test('list methods change the list in place', () => {
    assertRenders([
      ["{% set xs = ['b'] %}{% do xs.append('c') %}{% do xs.insert(0, 'a') %}{% do xs.extend(['d', 'e']) %}{% do xs.remove('e') %}{{ xs.pop() }} {{ xs }}", "d ['a', 'b', 'c']"],
      ["{% set xs = [3, 1, 2, 1] %}{{ xs.index(2) }} {{ xs.count(1) }}{% do xs.sort() %} {{ xs }}{% do xs.sort(reverse=true) %} {{ xs }}", '2 2 [1, 1, 2, 3] [3, 2, 1, 1]'],
      ["{% set xs = [1] %}{% set ys = xs.copy() %}{% do ys.append(2) %}{{ xs }} {{ ys }} {{ xs.pop(0) }} {{ xs }}", '[1] [1, 2] 1 []'],
    ]);
  });

  test('dict methods: items, keys, values, get, update, pop, setdefault', () => {
    assertRenders([
      ["{% set d = {'a': 1, 'b': 2} %}{{ d.keys() }} {{ d.values() }} {{ d.items() }}", "['a', 'b'] [1, 2] [['a', 1], ['b', 2]]"],
      ["{% set d = {'a': 1} %}{{ d.get('a') }} {{ d.get('z') is none }} {{ d.get('z', 'dflt') }} {{ d['a'] }} {{ d.a }}", '1 True dflt 1 1'],
      ["{% set d = {'a': 1} %}{% do d.update({'b': 2}, c=3) %}{{ d.pop('a') }} {{ d.setdefault('e', 5) }} {{ d }}", "1 5 {'b': 2, 'c': 3, 'e': 5}"],
      ["{% for k, v in {'x': 1, 'y': 2}.items() %}{{ k }}{{ v }}{% endfor %}", 'x1y2'],
      ["{% set d = {'items': 'data'} %}{{ d['items'] }} {{ d.items() }}", "data [['items', 'data']]"],
    ]);
  });
});

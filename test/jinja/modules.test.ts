/** modules.datetime, modules.re, modules.itertools as templates use them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRenders, renderErrors } from './fixture.js';

describe('modules', () => {
  test('datetime: construct, format, parse, add and subtract, compare; now() is the invocation start', () => {
    const dt = 'modules.datetime';
    assertRenders([
      [`{{ ${dt}.datetime(2024, 2, 28, 13, 5) + ${dt}.timedelta(days=1, hours=12) }}`, '2024-03-01 01:05:00'],
      [`{{ ${dt}.date(2024, 3, 1) - ${dt}.timedelta(days=1) }} {{ (${dt}.date(2024, 3, 1) - ${dt}.date(2024, 1, 1)).days }}`, '2024-02-29 60'],
      [`{{ ${dt}.datetime.strptime('2018-11-30 08:15', '%Y-%m-%d %H:%M').strftime('%d/%m/%y %I%p %A %b %j') }}`, '30/11/18 08AM Friday Nov 334'],
      [`{{ ${dt}.datetime(2024, 1, 2, 3, 4, 5).isoformat() }} {{ ${dt}.datetime.fromisoformat('2024-01-02T03:04:05.5').microsecond }}`, '2024-01-02T03:04:05 500000'],
      [`{{ ${dt}.date(2024, 1, 1) < ${dt}.date(2024, 1, 2) }} {{ ${dt}.date(2024, 1, 1) == ${dt}.date(2024, 1, 1) }} {{ ${dt}.date(2024, 1, 1).weekday() }}`, 'True True 0'],
      [`{{ ${dt}.datetime.now() }} {{ ${dt}.date.today() }} {{ ${dt}.timedelta(hours=25, seconds=1) }}`, '1970-01-01 00:00:00 1970-01-01 1 day, 1:00:01'],
      [`{{ ${dt}.datetime(2024, 1, 31).replace(month=2, day=29).strftime('%Y-%m-%d') }} {{ modules.pytz.utc }}`, '2024-02-29 UTC'],
    ]);
    const [error] = renderErrors("{{ modules.datetime.date(2023, 2, 29) }}");
    assert.match(error.message, /day is out of range for month/);
  });

  test('re: match, search, fullmatch, findall, sub, split, groups and flags', () => {
    assertRenders([
      ["{% set m = modules.re.match('(?P<schema>\\\\w+)\\\\.(\\\\w+)', 'raw.events x') %}{{ m.group(0) }} {{ m.group('schema') }} {{ m.group(2) }} {{ m.groups() }} {{ m.span(2) }}", "raw.events raw events ['raw', 'events'] [4, 10]"],
      ["{{ modules.re.match('b', 'ab') is none }} {{ modules.re.search('b', 'ab').start() }} {{ modules.re.fullmatch('a+', 'aaa') is not none }} {{ modules.re.fullmatch('a', 'ab') is none }}", 'True 1 True True'],
      ["{{ modules.re.findall('\\\\d+', 'a1b22c333') }} {{ modules.re.findall('(\\\\w)=(\\\\d)', 'a=1 b=2') }}", "['1', '22', '333'] [['a', '1'], ['b', '2']]"],
      ["{{ modules.re.sub('(\\\\w+)@(\\\\w+)', '\\\\2 at \\\\g<1>', 'me@host you@there') }} {{ modules.re.sub('a', 'b', 'aaa', count=2) }}", 'host at me there at you bba'],
      ["{{ modules.re.split('[,;]\\\\s*', 'a, b;c') }} {{ modules.re.search('^B', 'a\\nb') is none }}", "['a', 'b', 'c'] True"],
      ["{{ modules.re.search('^b', 'a\\nb', flags=modules.re.IGNORECASE + modules.re.MULTILINE).group() }} {{ modules.re.compile('x+').sub('-', 'axxbx') }}", 'b a-b-'],
    ]);
  });

  test('itertools: product, chain, combinations, permutations', () => {
    assertRenders([
      ["{{ modules.itertools.product(['a', 'b'], [1, 2]) }}", "[['a', 1], ['a', 2], ['b', 1], ['b', 2]]"],
      ['{{ modules.itertools.chain([1], [2, 3]) }} {{ modules.itertools.combinations([1, 2, 3], 2) }} {{ modules.itertools.permutations([1, 2]) }}', '[1, 2, 3] [[1, 2], [1, 3], [2, 3]] [[1, 2], [2, 1]]'],
    ]);
  });
});

/** `accept_invalid_chars` in sources.yml (issue 14): Redshift's ACCEPTINVCHARS [AS] 'replacement_char'. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, load, loadError, only } from './helpers.js';

const sources = (value?: string) => ({
  'sources.yml': lines(
    'sources:',
    '  - name: raw',
    '    tables:',
    '      - name: events',
    '        location: data/x',
    '        jsonpaths: auto',
    ...(value === undefined ? [] : [`        accept_invalid_chars: ${value}`]),
    '        columns:',
    '          - {name: id, type: integer}',
  ),
});

test('accept_invalid_chars takes one ASCII character; true means ?, false and absent mean off', () => {
  const read = (value?: string) => load(sources(value)).sources[0].acceptInvalidChars;
  assert.equal(read("'?'"), '?');
  assert.equal(read("'^'"), '^');
  assert.equal(read('true'), '?');
  assert.equal(read('false'), undefined);
  assert.equal(read(), undefined);
});

test('accept_invalid_chars refuses more than one character, a non-ASCII one, NUL and other types', () => {
  for (const value of ["'??'", "'é'", "''", '"\\0"', '3', '[a]']) {
    const diagnostic = only(loadError(sources(value)));
    assert.equal(diagnostic.location?.line, 7, value);
    assert.match(diagnostic.message, /^`accept_invalid_chars` in table 'raw\.events': expected a single ASCII character/, value);
  }
});

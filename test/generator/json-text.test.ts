import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventJson, float, formatFloat, quoteString, songJson } from '../../scripts/generate/json-text.js';
import { doubleEncode, logText } from '../../scripts/generate/log-text.js';
import { createRng } from '../../scripts/generate/prng.js';

test('floats keep a decimal point, as Python writes them', () => {
  assert.equal(formatFloat(1540919166796), '1540919166796.0');
  assert.equal(formatFloat(270.602), '270.602');
  assert.equal(formatFloat(-122.42005), '-122.42005');
  assert.throws(() => formatFloat(Number.NaN));
});

test('strings: ASCII only, lowercase \\u escapes, slashes escaped only in logs', () => {
  assert.equal(quoteString('Café/Bar "x"', false), '"Caf\\u00e9/Bar \\"x\\""');
  assert.equal(quoteString('Café/Bar', true), '"Caf\\u00e9\\/Bar"');
  assert.equal(quoteString('a\tb\u0019', false), '"a\\tb\\u0019"');
  assert.equal(quoteString('🎵', false), '"\\ud83c\\udfb5"');
});

test('the two object writers differ only in spacing and slashes', () => {
  const entries = [['a', 'x/y'], ['n', 1], ['f', float(2)], ['z', null]] as const;
  assert.equal(songJson(entries), '{"a": "x/y", "n": 1, "f": 2.0, "z": null}');
  assert.equal(eventJson(entries), '{"a":"x\\/y","n":1,"f":2.0,"z":null}');
});

test('log text is UTF-8 encoded twice, curly apostrophes cut to their low byte', () => {
  assert.equal(doubleEncode('é'), '\u00c3\u0083\u00c2\u00a9');
  assert.equal(doubleEncode('plain'), 'plain');
  assert.equal(logText('Don’t'), 'Don\u0019t');
});

test('the PRNG is deterministic per seed', () => {
  const draws = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
  assert.deepEqual(draws(42), draws(42));
  assert.notDeepEqual(draws(42), draws(43));
  for (const value of draws(1)) assert.ok(value >= 0 && value < 1);
});

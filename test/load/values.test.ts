import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LosslessNumber } from 'lossless-json';
import { parseColumnType } from '../../src/load/column-types.js';
import { buildEncoder, type EncoderSettings } from '../../src/load/values/build-encoder.js';
import { ValueError, type Encoder } from '../../src/load/values/value-error.js';

const defaults: EncoderSettings = { timeformat: 'auto', truncatecolumns: false, varcharLength: 'chars' };

function encoder(type: string, settings: Partial<EncoderSettings> = {}): Encoder {
  const parsed = parseColumnType(type);
  assert.ok(parsed, type);
  return buildEncoder(parsed, { ...defaults, ...settings });
}

function rejects(encode: Encoder, value: unknown, message: string | RegExp): void {
  assert.throws(
    () => encode(value),
    (error: unknown) => error instanceof ValueError && (typeof message === 'string' ? error.message === message : message.test(error.message)),
    `${String(value)} should be rejected with ${String(message)}`,
  );
}

test('integers: JSON integers and integer strings, range-checked per type', () => {
  const int = encoder('integer');
  assert.equal(int(42), '42');
  assert.equal(int(-7), '-7');
  assert.equal(int('39'), '39');
  assert.equal(int(' +0012 '), '12');
  assert.equal(int(1e3), '1000');
  assert.equal(int(2147483647), '2147483647');
  assert.equal(int(-2147483648), '-2147483648');
  rejects(int, 2147483648, 'value 2147483648 is out of range for integer');
  rejects(int, '-2147483649', 'value "-2147483649" is out of range for integer');
  rejects(int, 1.5, 'value 1.5 is not an integer');
  rejects(int, '1.5', 'value "1.5" is not an integer');
  rejects(int, 'abc', 'value "abc" is not an integer');
  rejects(int, true, 'value true is not an integer');
  rejects(int, { a: 1 }, 'value {…} is not an integer');
  rejects(encoder('smallint'), 32768, 'value 32768 is out of range for smallint');
  assert.equal(encoder('smallint')(-32768), '-32768');
});

test('empty string is NULL in every non-text column, but stays empty in text', () => {
  for (const type of ['integer', 'bigint', 'real', 'double precision', 'numeric(5,2)', 'boolean', 'timestamp', 'date']) {
    assert.equal(encoder(type)(''), '\\N', type);
  }
  assert.equal(encoder('timestamp', { timeformat: 'epochmillisecs' })(''), '\\N');
  assert.equal(encoder('varchar(5)')(''), '');
});

test('bigint keeps precision past 2^53 (lossless numbers and strings)', () => {
  const big = encoder('bigint');
  assert.equal(big(new LosslessNumber('9007199254740993')), '9007199254740993');
  assert.equal(big('9007199254740993'), '9007199254740993');
  assert.equal(big(new LosslessNumber('9223372036854775807')), '9223372036854775807');
  assert.equal(big(new LosslessNumber('-9223372036854775808')), '-9223372036854775808');
  rejects(big, new LosslessNumber('9223372036854775808'), 'value 9223372036854775808 is out of range for bigint');
  rejects(big, 9223372036854775808, /out of range for bigint/);
  assert.equal(big(1541105830796), '1541105830796');
  assert.equal(big(new LosslessNumber('1.0e3')), '1000');
});

test('floats: shortest round-trip text, Postgres range rules', () => {
  const double = encoder('double precision');
  assert.equal(double(246.30812), '246.30812');
  assert.equal(double(1540919166796.0), '1540919166796');
  assert.equal(double(0.1), '0.1');
  assert.equal(double('-3.5e-2'), '-3.5e-2');
  assert.equal(double(new LosslessNumber('0.12345678901234567890')), '0.12345678901234567890');
  rejects(double, 'x', 'value "x" is not a number');
  rejects(double, 'NaN', 'value "NaN" is not a number');
  rejects(double, new LosslessNumber('1e400'), 'value 1e400 is out of range for double precision');
  rejects(double, '1e-400', 'value "1e-400" is out of range for double precision');
  assert.equal(double('0e-400'), '0e-400');
  const real = encoder('real');
  assert.equal(real(3.4e38), '3.4e+38');
  rejects(real, 3.5e38, 'value 3.5e+38 is out of range for real');
  rejects(real, 1e-50, 'value 1e-50 is out of range for real');
  assert.equal(real(1e-45), '1e-45'); // a denormal: kept, as Postgres does
});

test('numeric(p,s): exact digits, rounded half away from zero, integer digits checked', () => {
  const money = encoder('numeric(10,2)');
  assert.equal(money(12.345), '12.35');
  assert.equal(money(-12.345), '-12.35');
  assert.equal(money('0.004'), '0');
  assert.equal(money('-0.004'), '0');
  assert.equal(money('99999999.994'), '99999999.99');
  rejects(money, '99999999.995', 'value "99999999.995" does not fit numeric(10,2)');
  rejects(money, 123456789, 'value 123456789 does not fit numeric(10,2)');
  rejects(money, 'ten', 'value "ten" is not a number');
  const wide = encoder('numeric(30,10)');
  assert.equal(wide(new LosslessNumber('12345678901234567890.0123456789')), '12345678901234567890.0123456789');
  assert.equal(wide(new LosslessNumber('1.5e3')), '1500');
  assert.equal(encoder('numeric')(new LosslessNumber('123456789012345678901234567890.5')), '123456789012345678901234567890.5');
});

test('text: strings as is, other values as their text, COPY-escaped', () => {
  const text = encoder('varchar');
  assert.equal(text('Des\'ree'), "Des'ree");
  assert.equal(text('a\tb\nc\rd\\e'), 'a\\tb\\nc\\rd\\\\e');
  assert.equal(text(12), '12');
  assert.equal(text(new LosslessNumber('1.50')), '1.50');
  assert.equal(text(true), 'true');
  assert.equal(text(false), 'false');
  assert.equal(text({ a: [1, 'x'], b: null }), '{"a":[1,"x"],"b":null}');
  assert.equal(text({ big: new LosslessNumber('9007199254740993') }), '{"big":9007199254740993}');
  rejects(text, 'a\u0000b', /NUL character/);
});

test('varchar(n) counts characters by default and UTF-8 bytes on request', () => {
  const chars = encoder('varchar(3)');
  assert.equal(chars('héé'), 'héé');
  assert.equal(chars('😀😀😀'), '😀😀😀'); // three characters, six UTF-16 units
  rejects(chars, 'abcd', 'value of 4 characters does not fit varchar(3)');
  const bytes = encoder('varchar(4)', { varcharLength: 'bytes' });
  assert.equal(bytes('abcd'), 'abcd');
  assert.equal(bytes('aé'), 'aé');
  rejects(bytes, 'héé', 'value of 5 bytes does not fit varchar(4)');
  rejects(encoder('char(2)'), 'abc', 'value of 3 characters does not fit char(2)');
  const long = 'x'.repeat(300);
  rejects(encoder('varchar(256)'), long, 'value of 300 characters does not fit varchar(256)');
});

test('truncatecolumns cuts to fit without splitting a character', () => {
  const chars = encoder('varchar(3)', { truncatecolumns: true });
  assert.equal(chars('abcdef'), 'abc');
  assert.equal(chars('a😀bc'), 'a😀b');
  const bytes = encoder('varchar(4)', { truncatecolumns: true, varcharLength: 'bytes' });
  assert.equal(bytes('abcdef'), 'abcd');
  assert.equal(bytes('aé€'), 'aé'); // 1 + 2 bytes; the 3-byte € would not fit
  assert.equal(bytes('abc😀'), 'abc'); // never half a surrogate pair
  assert.equal(bytes('a\tbcdef'), 'a\\tbc'); // cut first, escape after
});

test('boolean: true/false and t/f/true/false/1/0 strings', () => {
  const bool = encoder('boolean');
  assert.equal(bool(true), 't');
  assert.equal(bool(false), 'f');
  for (const word of ['t', 'TRUE', 'true', '1']) assert.equal(bool(word), 't', word);
  for (const word of ['f', 'False', '0']) assert.equal(bool(word), 'f', word);
  rejects(bool, 'yes', 'value "yes" is not a boolean');
  rejects(bool, 1, 'value 1 is not a boolean');
  rejects(bool, 'constructor', 'value "constructor" is not a boolean');
});

test('timestamps from epoch milliseconds and seconds are UTC', () => {
  const millis = encoder('timestamp', { timeformat: 'epochmillisecs' });
  assert.equal(millis(1541105830796), '2018-11-01 20:57:10.796');
  assert.equal(millis('1541105830796'), '2018-11-01 20:57:10.796');
  assert.equal(millis(new LosslessNumber('1541105830796')), '2018-11-01 20:57:10.796');
  assert.equal(millis(0), '1970-01-01 00:00:00.000');
  assert.equal(millis(1.5), '1970-01-01 00:00:00.001500');
  rejects(millis, 'yesterday', 'value "yesterday" is not epoch milliseconds');
  rejects(millis, 1e17, 'value 100000000000000000 is out of range for timestamp');
  const secs = encoder('timestamptz', { timeformat: 'epochsecs' });
  assert.equal(secs(1541105830), '2018-11-01 20:57:10.000+00');
  assert.equal(secs(1541105830.796), '2018-11-01 20:57:10.796+00');
});

test('timeformat auto takes valid ISO-8601 strings as written', () => {
  const iso = encoder('timestamp');
  for (const value of ['2018-11-01', '2018-11-01T21:57:10', '2018-11-01 20:57:10.796', '2018-11-01T21:57:10Z', '2018-11-01T21:57:10.5+01:00', '2016-02-29 00:00']) {
    assert.equal(iso(value), value);
  }
  for (const value of ['2018-11-31', '2017-02-29', '2018-13-01', '2018-11-01T24:00:00', '11/01/2018', 'now', '2018-11-01T10']) {
    rejects(iso, value, `value ${JSON.stringify(value)} is not an ISO-8601 timestamp`);
  }
  rejects(iso, 1541105830796, 'value 1541105830796 is not an ISO-8601 timestamp');
  const date = encoder('date');
  assert.equal(date('2018-11-01'), '2018-11-01');
  assert.equal(date('2018-11-01T21:57:10Z'), '2018-11-01');
  rejects(date, '2018-02-30', 'value "2018-02-30" is not an ISO-8601 date');
});

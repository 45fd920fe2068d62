/**
 * How a seed's CSV values become Redshift literals. Redshift reads a backslash inside '...' as an
 * escape (QUOTE_LITERAL doubles both backslashes and quotes:
 * https://docs.aws.amazon.com/redshift/latest/dg/r_QUOTE_LITERAL.html), so each text literal is read
 * back here with those rules and must give the value, whole, and end where the literal ends.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValueError } from '../../src/load/values/value-error.js';
import { literalEncoder, redshiftSeedType } from '../../src/engines/redshift/seed-literals.js';
import { quoteLiteral, quoteRedshiftLiteral } from '../../src/sql/quote.js';

/** Reads a string literal at the start of `sql` as Redshift does: `''` is a quote, `\x` is x. Returns the value and what follows. */
function readRedshiftLiteral(sql: string): { value: string; rest: string } {
  assert.equal(sql[0], "'");
  let value = '';
  for (let i = 1; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === '\\') value += sql[++i];
    else if (ch === "'" && sql[i + 1] === "'") [value, i] = [value + "'", i + 1];
    else if (ch === "'") return { value, rest: sql.slice(i + 1) };
    else value += ch;
  }
  assert.fail(`unterminated literal: ${sql}`);
}

function rejects(encode: (value: string) => string, value: string, message: RegExp): void {
  assert.throws(() => encode(value), (error: unknown) => error instanceof ValueError && message.test(error.message));
}

const NASTY = [
  "it's", 'back\\slash', "\\'; DROP TABLE users; --", 'ends with a backslash\\', "''", '\\\\', 'line\nbreak\r\n', 'tab\there',
  'Zoë 🎧 ünïcødé', '\\N', '%_*?', '"double" quotes', '$$dollar$$', '/* not a comment */', '-- not a comment either',
];

test('text values read back whole under Redshift\'s backslash escapes, and nothing follows the literal', () => {
  const encode = literalEncoder('varchar(200)');
  for (const value of NASTY) {
    const literal = encode(value);
    assert.deepEqual(readRedshiftLiteral(literal), { value, rest: '' }, literal);
  }
});

test('the PostgreSQL quoting would let a value end the literal early on Redshift: the reason for quoteRedshiftLiteral', () => {
  const value = "\\'; DROP TABLE users; --";
  assert.notEqual(readRedshiftLiteral(quoteLiteral(value)).rest, '');
  assert.equal(readRedshiftLiteral(quoteRedshiftLiteral(value)).rest, '');
});

test('an empty CSV value is NULL, as the COPY path loads it; the text \\N is a string, as COPY escapes it', () => {
  for (const type of ['varchar(10)', 'integer', 'boolean', 'date', 'double precision', 'numeric(5,2)', 'timestamp']) {
    assert.equal(literalEncoder(type)(''), 'NULL', type);
  }
  assert.equal(literalEncoder('varchar(10)')('\\N'), "'\\\\N'");
  assert.equal(literalEncoder('varchar(10)')('NULL'), "'NULL'", 'the word NULL is text');
});

test('numbers are checked and written bare, normalized; anything else is a ValueError', () => {
  const integer = literalEncoder('integer');
  assert.equal(integer('42'), '42');
  assert.equal(integer(' -7 '), '-7');
  rejects(integer, 'abc', /is not an integer/);
  rejects(integer, '1.5', /is not an integer/);
  rejects(integer, '2147483648', /out of range for integer/);
  rejects(integer, "1); DROP TABLE x; --", /is not an integer/);
  assert.equal(literalEncoder('bigint')('2147483648'), '2147483648');
  const numeric = literalEncoder('numeric(5,2)');
  assert.equal(numeric('123.456'), '123.46');
  rejects(numeric, '1234.5', /does not fit numeric\(5,2\)/);
  // A bare NUMERIC is NUMERIC(18,0) on Redshift.
  rejects(literalEncoder('numeric'), '1234567890123456789', /does not fit numeric\(18,0\)/);
  const double = literalEncoder('double precision');
  assert.equal(double('1e3'), '1e3');
  rejects(double, 'NaN', /is not a number/);
  rejects(double, '1e400', /out of range/);
});

test('booleans are TRUE/FALSE; dates and timestamps are CAST from their ISO text', () => {
  const boolean = literalEncoder('boolean');
  assert.deepEqual(['true', 'F', '1', 'false'].map(boolean), ['TRUE', 'FALSE', 'TRUE', 'FALSE']);
  rejects(boolean, 'yes', /is not a boolean/);
  assert.equal(literalEncoder('date')('2024-02-29'), "CAST('2024-02-29' AS DATE)");
  rejects(literalEncoder('date'), '2023-02-29', /is not an ISO-8601 date/);
  assert.equal(literalEncoder('timestamp')('2018-11-01T21:01:46.796'), "CAST('2018-11-01 21:01:46.796' AS TIMESTAMP)");
  assert.equal(literalEncoder('timestamptz')('2018-11-01 21:01:46+00'), "CAST('2018-11-01 21:01:46+00' AS TIMESTAMPTZ)");
  rejects(literalEncoder('timestamp'), "2018-11-01'; --", /is not an ISO-8601 timestamp/);
});

test('lengths count bytes, TEXT is VARCHAR(256), CHAR holds single-byte characters only, NUL is refused', () => {
  assert.equal(readRedshiftLiteral(literalEncoder('varchar(9)')('Zoë 🎧')).value, 'Zoë 🎧');
  rejects(literalEncoder('varchar(8)'), 'Zoë 🎧', /value of 9 bytes does not fit varchar\(8\)/);
  rejects(literalEncoder('text'), 'x'.repeat(257), /257 bytes does not fit text \(varchar\(256\) on Redshift\)/);
  assert.equal(literalEncoder('text')('x'.repeat(256)).length, 258);
  rejects(literalEncoder('char(4)'), 'Zoë', /multibyte character, which char\(4\) cannot hold/);
  assert.equal(literalEncoder('char(4)')('Zoe'), "'Zoe'");
  rejects(literalEncoder('varchar(10)'), 'a\u0000b', /NUL character/);
});

test('inferred text columns are VARCHAR sized to their longest value in bytes (64 when empty), as dbt-redshift sizes seeds', () => {
  const rows = [{ line: 2, values: ['Zoë 🎧', '', '1'] }, { line: 3, values: ['ab', '', '123456789012345678901'] }];
  const inferred = (type: string) => ({ name: 'c', type, declared: false });
  assert.equal(redshiftSeedType(inferred('text'), rows, 0), 'varchar(9)');
  assert.equal(redshiftSeedType(inferred('text'), rows, 1), 'varchar(64)');
  assert.equal(redshiftSeedType(inferred('numeric'), rows, 2), 'numeric(38,0)', 'integers past bigint: Redshift\'s widest NUMERIC');
  assert.equal(redshiftSeedType(inferred('integer'), rows, 2), 'integer');
  assert.equal(redshiftSeedType({ name: 'c', type: 'text', declared: true }, rows, 0), 'text', 'a declared type is kept as written');
});

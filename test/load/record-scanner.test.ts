import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scan } from './helpers.js';

const texts = (text: string, size?: number) => scan(text, size).records.map((r) => r.text);
const starts = (text: string) => scan(text).records.map((r) => [r.line, r.column]);

test('NDJSON with and without a trailing newline', () => {
  assert.deepEqual(texts('{"a":1}\n{"a":2}\n'), ['{"a":1}', '{"a":2}']);
  assert.deepEqual(texts('{"a":1}\n{"a":2}'), ['{"a":1}', '{"a":2}']);
  assert.deepEqual(starts('{"a":1}\n{"a":2}'), [[1, 1], [2, 1]]);
});

test('concatenated objects with no separator, and with spaces', () => {
  assert.deepEqual(texts('{"a":1}{"b":{"c":[1,2]}}  {"d":"}{"}'), ['{"a":1}', '{"b":{"c":[1,2]}}', '{"d":"}{"}']);
  assert.deepEqual(starts('{"a":1}{"b":2}  {"d":3}'), [[1, 1], [1, 8], [1, 17]]);
});

test('pretty-printed objects across lines, with CRLF line endings', () => {
  const text = '{\r\n  "a": {\r\n    "b": [1, {"c": 2}]\r\n  }\r\n}\r\n\r\n  {\r\n "d": "x"\r\n}\r\n';
  assert.deepEqual(texts(text), ['{\r\n  "a": {\r\n    "b": [1, {"c": 2}]\r\n  }\r\n}', '{\r\n "d": "x"\r\n}']);
  assert.deepEqual(starts(text), [[1, 1], [7, 3]]);
});

test('nested objects that open a line (pretty-printed arrays) stay in their record', () => {
  const text = '{"items": [\n{"a": 1},\n{"a": 2}\n]}\n{"b": 3}';
  assert.deepEqual(texts(text), ['{"items": [\n{"a": 1},\n{"a": 2}\n]}', '{"b": 3}']);
});

test('records split across pieces of every size come out the same', () => {
  const text = '\n{"a":"x\\"}{\\\\","b":[1,2.5,{"c":null}]}{"k":"é€😀\\u00e9"}\r\n{\n "z": true\n}\n';
  const whole = scan(text);
  assert.equal(whole.records.length, 3);
  for (let size = 1; size <= text.length; size++) {
    const pieces = scan(text, size);
    assert.deepEqual(pieces, whole, `piece size ${size}`);
  }
});

test('escaped quotes and backslashes do not end strings early', () => {
  assert.deepEqual(texts('{"a":"\\\\"}{"b":"\\\\\\""}'), ['{"a":"\\\\"}', '{"b":"\\\\\\""}']);
  // An escaped quote right at a piece boundary.
  assert.deepEqual(texts('{"a":"x\\"y"}{"b":1}', 7), ['{"a":"x\\"y"}', '{"b":1}']);
});

test('a digit run of 16+ digits or dots marks the record for the lossless parser', () => {
  const records = scan('{"a":123456789012345}\n{"a":9007199254740993}\n{"a":"12345678901234567890"}\n{"a":0.123456789012345}', 5).records;
  assert.deepEqual(
    records.map((r) => r.lossless),
    [false, true, false, true],
  );
});

test('a raw newline inside a string is malformed; the next line starting with { loads', () => {
  const result = scan('{"a":1}\n{"a":"broken\nstill broken"}\n  {"not":"a line start"}\n{"a":3}\n');
  assert.deepEqual(result.malformed, [{ line: 2, column: 13, message: 'malformed JSON: raw newline inside a string' }]);
  assert.deepEqual(
    result.records.map((r) => [r.text, r.line]),
    [
      ['{"a":1}', 1],
      ['{"a":3}', 5],
    ],
  );
});

test('a record missing its closing brace is cut before the next line that starts with {', () => {
  const result = scan('{"a":1\n{"a":2}\n');
  assert.deepEqual(
    result.records.map((r) => [r.text, r.line, r.column]),
    [
      ['{"a":1', 1, 1],
      ['{"a":2}', 2, 1],
    ],
  );
});

test('stray top-level text is reported once and skipped to the next line starting with {', () => {
  const result = scan('{"a":1}\nnot json {"x":1}\n{"a":2}\n"str"\n42\n]\n{"a":3}\n7\n{"a":4} ]\n{"a":5}');
  assert.deepEqual(result.malformed, [
    { line: 2, column: 1, message: 'malformed JSON: unexpected character "n"' },
    { line: 4, column: 1, message: 'expected a JSON object, got a string' },
    { line: 8, column: 1, message: 'expected a JSON object, got a number' },
    { line: 9, column: 9, message: 'malformed JSON: unexpected character "]"' },
  ]);
  assert.deepEqual(
    result.records.map((r) => r.text),
    ['{"a":1}', '{"a":2}', '{"a":3}', '{"a":4}', '{"a":5}'],
  );
});

test('an unfinished record at the end of input is handed on for its parse to report', () => {
  assert.deepEqual(texts('{"a":1}\n{"a":[1,'), ['{"a":1}', '{"a":[1,']);
  assert.deepEqual(texts('{"a":"open'), ['{"a":"open']);
});

test('a top-level array is delimited like an object (the row builder rejects it)', () => {
  assert.deepEqual(texts('[{"a":1},{"a":2}]\n{"b":1}'), ['[{"a":1},{"a":2}]', '{"b":1}']);
});

test('a record over the size limit is skipped and reported at its start', () => {
  const big = `{"a":"${'x'.repeat(100)}"}`;
  const result = scan(`{"a":1}\n${big}\n{"a":2}`, 16, { maxRecordChars: 50 });
  assert.equal(result.malformed.length, 1);
  assert.equal(result.malformed[0].line, 2);
  assert.match(result.malformed[0].message, /longer than 50 characters/);
  assert.deepEqual(
    result.records.map((r) => r.text),
    ['{"a":1}', '{"a":2}'],
  );
});

test('blank input and whitespace only yield nothing', () => {
  assert.deepEqual(scan(''), { records: [], malformed: [] });
  assert.deepEqual(scan(' \r\n\t\n'), { records: [], malformed: [] });
});

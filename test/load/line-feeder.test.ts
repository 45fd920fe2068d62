/**
 * The line fast path (issue 13) must hand over exactly what the scanner alone would: the same
 * records at the same lines and columns, the same damage, for every kind of line and split.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineFeeder } from '../../src/load/line-feeder.js';
import type { ScannedRecord } from '../../src/load/record-scanner.js';
import { scan, type Scanned } from './helpers.js';

/** Feeds text in pieces of `size` through the fast path; records keep what the scanner would report. */
function feed(text: string, size: number, maxRecordChars?: number): Scanned & { fast: number } {
  const result: Scanned & { fast: number } = { records: [], malformed: [], fast: 0 };
  const feeder = new LineFeeder(
    {
      record: ({ parsed, ...record }: ScannedRecord) => {
        if (parsed !== undefined) {
          result.fast++;
          assert.deepEqual(parsed, JSON.parse(record.text), 'the fast path parses what the text says');
        }
        result.records.push(record);
      },
      malformed: (line, column, message) => result.malformed.push({ line, column, message }),
    },
    { maxRecordChars },
  );
  for (let k = 0; k < text.length; k += size) feeder.push(text.slice(k, k + size));
  feeder.end();
  return result;
}

const lines = [
  '{"a":1}',
  '  {"a": 2, "s": "x\\"y\\\\"}  ',
  '',
  '   ',
  '{"a":3}\r',
  '{"pretty":',
  '  [1, 2,',
  '{"nested": true}]',
  '}',
  '{"a":4}{"a":5}',
  '{"big": 12345678901234567890}',
  '{"text": "12345678901234567890"}',
  '{"broken": 1,}',
  '{"cut": ',
  '{"a":6}',
  '[1, 2]',
  '"a string"',
  '42',
  'garbage {"a":7}',
  '{"a":8, "raw": "line',
  'break"}',
  `{"deep": ${'['.repeat(1200)}${']'.repeat(1200)}}`,
  '{"bad": "\udc80"}',
  '{"lone": "\\ud800"}',
  '{"pair": "\\ud83d\\ude00"}',
  '{"a":9}',
];

test('the fast path and the scanner agree on every kind of line, however the text is split', () => {
  const text = lines.join('\n');
  const alone = scan(text);
  for (const size of [1, 2, 3, 5, 8, 13, 64, text.length]) {
    const { fast, ...fed } = feed(text, size);
    assert.deepEqual(fed, alone, `pieces of ${size}`);
    assert.ok(fast >= 5, `the clean lines away from damage took the fast path (${fast})`);
  }
  // With and without a final newline.
  const { fast: _, ...fed } = feed(`${text}\n`, 7);
  assert.deepEqual(fed, scan(`${text}\n`));
});

test('a line longer than the record limit goes to the scanner, which reports it once', () => {
  const text = `{"a":1}\n{"long": "${'x'.repeat(200)}"}\n{"a":2}\n`;
  const { fast, ...fed } = feed(text, 16, 100);
  assert.deepEqual(fed, scan(text, 16, { maxRecordChars: 100 }));
  assert.equal(fed.malformed.length, 1);
  assert.equal(fast, 2);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Utf8Decoder } from '../../src/load/utf8-decoder.js';

/** Decodes bytes fed in pieces of `size`, then ends. */
function decode(bytes: Buffer, size = bytes.length || 1): string {
  const decoder = new Utf8Decoder();
  let text = '';
  for (let at = 0; at < bytes.length; at += size) text += decoder.write(bytes.subarray(at, at + size));
  return text + decoder.end();
}

/** What the decoder writes for an invalid byte: the lone surrogate U+DC00 + byte. */
const marker = (byte: number) => String.fromCharCode(0xdc00 + byte);

test('valid UTF-8 decodes as Node decodes it, however the bytes are split', () => {
  const text = 'ascii é € 😀 \u0000 \uFFFD \uFEFF end';
  const bytes = Buffer.from(text, 'utf8');
  for (let size = 1; size <= bytes.length; size++) assert.equal(decode(bytes, size), text, `pieces of ${size}`);
});

test('a BOM at the start is dropped, also when split; one later on is kept', () => {
  const bytes = Buffer.from('\uFEFF{"a":1}\uFEFF', 'utf8');
  for (const size of [1, 2, 3, 100]) assert.equal(decode(bytes, size), '{"a":1}\uFEFF');
});

test('each invalid byte becomes its marker, whatever the split (Unicode table 3-7)', () => {
  const cases: [string, number[], string][] = [
    ['stray continuation bytes', [0x41, 0xff, 0xfe, 0x42], `A${marker(0xff)}${marker(0xfe)}B`],
    ['overlong slash', [0xc0, 0xaf], marker(0xc0) + marker(0xaf)],
    ['overlong 3-byte', [0xe0, 0x80, 0xaf], marker(0xe0) + marker(0x80) + marker(0xaf)],
    ['UTF-8 encoded surrogate', [0xed, 0xa0, 0x80], marker(0xed) + marker(0xa0) + marker(0x80)],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], marker(0xf4) + marker(0x90) + marker(0x80) + marker(0x80)],
    ['truncated sequence before ASCII', [0xe2, 0x82, 0x41], `${marker(0xe2)}${marker(0x82)}A`],
    ['truncated sequence at the end', [0x41, 0xf0, 0x9f, 0x98], `A${marker(0xf0)}${marker(0x9f)}${marker(0x98)}`],
  ];
  for (const [name, bytes, expected] of cases) {
    for (let size = 1; size <= bytes.length; size++) assert.equal(decode(Buffer.from(bytes), size), expected, `${name}, pieces of ${size}`);
  }
});

test('valid text around invalid bytes is kept exactly', () => {
  const bytes = Buffer.concat([Buffer.from('é€'), Buffer.from([0xff]), Buffer.from('😀x')]);
  assert.equal(decode(bytes), `é€${marker(0xff)}😀x`);
  assert.equal(decode(bytes, 1), `é€${marker(0xff)}😀x`);
});

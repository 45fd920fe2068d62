/** Parses one scanned record: JSON.parse on the fast path, lossless-json when numbers need it. */

import { parse as parseLossless, type ParseOptions } from 'lossless-json';

/** A record that is not valid JSON; `offset` is where in its text the parser gave up. */
export class MalformedJson extends Error {
  override name = 'MalformedJson';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// JSON.parse keeps the last of duplicate keys; lossless-json throws unless told to do the same.
const LOSSLESS_OPTIONS: ParseOptions = { onDuplicateKey: ({ newValue }) => newValue };

/**
 * Parses a record's text. With `lossless`, numbers become LosslessNumber (their exact source
 * digits) instead of doubles. Throws MalformedJson with a message and the failing offset.
 */
export function parseRecord(text: string, lossless: boolean): unknown {
  if (lossless) return parseOrDescribe(text);
  try {
    return JSON.parse(text);
  } catch {
    // Rare path: lossless-json's messages name the problem and give a position on every engine.
    parseOrDescribe(text);
    throw new MalformedJson('invalid JSON', 0);
  }
}

function parseOrDescribe(text: string): unknown {
  try {
    return parseLossless(text, null, LOSSLESS_OPTIONS);
  } catch (error) {
    throw describe(error, text);
  }
}

/** Turns lossless-json's `... at position 12` into a message and an offset. */
function describe(error: unknown, text: string): MalformedJson {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(.*?)\s*(?:at position (\d+))?$/s.exec(message);
  const offset = match?.[2] !== undefined ? Number(match[2]) : 0;
  const what = (match?.[1] ?? message).replace(/^\w/, (first) => first.toLowerCase());
  return new MalformedJson(visible(what), Math.min(offset, text.length));
}

/** Spells control characters quoted in a message as JSON escapes, so the message stays one line. */
function visible(message: string): string {
  return message.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

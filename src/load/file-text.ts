/** Decodes a file's byte stream into UTF-8 text pieces, never splitting a character. */

import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** A decoded piece of a file and how many bytes it came from. */
export interface TextPiece {
  text: string;
  bytes: number;
}

/**
 * Yields text pieces in order. A BOM at the start is dropped. Invalid UTF-8 becomes U+FFFD, as
 * Node's decoder does; records holding it load with the replacement character.
 */
export async function* readText(stream: Readable): AsyncGenerator<TextPiece> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    let text = decoder.write(bytes);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield { text, bytes: bytes.length };
  }
  const rest = decoder.end();
  if (rest.length > 0) yield { text: rest, bytes: 0 };
}

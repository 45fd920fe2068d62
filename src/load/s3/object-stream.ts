/** Streams one S3 object's bytes with GetObject, never holding more than a read's worth. */

import { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Url } from './s3-url.js';

/** The object's body as a byte stream of pieces of at most `readBytes`; errors pass through `explain`. */
export function objectStream(client: S3Client, url: S3Url, readBytes: number, explain: (error: unknown) => Error): Readable {
  return Readable.from(objectPieces(client, url, readBytes, explain), { objectMode: false });
}

/** The whole object as text (for small files: a JSONPaths file). */
export async function objectText(client: S3Client, url: S3Url, explain: (error: unknown) => Error): Promise<string> {
  const pieces: Buffer[] = [];
  for await (const piece of objectPieces(client, url, Infinity, explain)) pieces.push(piece);
  return Buffer.concat(pieces).toString('utf8');
}

async function* objectPieces(client: S3Client, url: S3Url, readBytes: number, explain: (error: unknown) => Error): AsyncGenerator<Buffer> {
  let body: Readable;
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: url.bucket, Key: url.key }));
    body = response.Body as Readable;
  } catch (error) {
    throw explain(error);
  }
  try {
    // Pulling one piece at a time keeps backpressure: the socket is read only as fast as rows are copied.
    for await (const chunk of body) {
      const bytes = chunk as Buffer;
      for (let at = 0; at < bytes.length; at += readBytes) yield bytes.subarray(at, at + readBytes);
    }
  } catch (error) {
    throw explain(error);
  } finally {
    body.destroy(); // frees the socket when the reader stops early (a load that failed)
  }
}

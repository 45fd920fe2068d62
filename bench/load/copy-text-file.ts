/**
 * The baseline's input: a source's rows as COPY text, drained once from the loader into
 * bench/out/copy/, with the byte length of each chunk so the baseline can feed the same chunks.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSourceStream } from '../../src/load/index.js';
import { outDir, repoRoot } from '../lib/paths.js';
import { benchTable } from './source-table.js';

/** The prepared COPY text of one table at one scale. */
export interface CopyText {
  chunks: Buffer[];
  rows: number;
}

function files(scale: number, table: string) {
  const base = join(outDir, 'copy', `x${scale}-${table}`);
  return { text: `${base}.copy`, index: `${base}.chunks.json` };
}

/** Writes the COPY text of `table` at `scale` (afresh: the loader's output may have changed); returns its path. */
export async function prepareCopyText(scale: number, table: string): Promise<string> {
  const { text, index } = files(scale, table);
  mkdirSync(join(outDir, 'copy'), { recursive: true });
  const stream = openSourceStream(benchTable(scale, table), { root: repoRoot });
  const chunks: Buffer[] = [];
  for await (const chunk of stream.chunks()) chunks.push(Buffer.from(chunk));
  writeFileSync(text, Buffer.concat(chunks));
  writeFileSync(index, JSON.stringify({ rows: stream.stats.rows, chunkBytes: chunks.map((c) => c.length) }));
  return text;
}

/** Reads the prepared COPY text back, split into the loader's chunks. */
export function readCopyText(scale: number, table: string): CopyText {
  const { text, index } = files(scale, table);
  const bytes = readFileSync(text);
  const { rows, chunkBytes } = JSON.parse(readFileSync(index, 'utf8')) as { rows: number; chunkBytes: number[] };
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const length of chunkBytes) {
    chunks.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return { chunks, rows };
}

/**
 * The loader's worker thread: reads and parses a table's files (table-reader.ts) and posts COPY
 * chunks to the main thread, at most its credits ahead of what it has taken, so memory stays flat
 * however fast the files read and however slowly the database copies.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { fileReaderFor } from '../file-reader.js';
import { readTable } from '../table-reader.js';
import type { LoadStats } from '../types.js';
import type { WorkerStart } from './load-worker-thread.js';
import { sendError, type CreditMessage, type StatsUpdate, type WorkerMessage } from './messages.js';

const PROGRESS_MS = 100;
// Below this a buffer may be a slice of Node's shared pool, which must not be transferred.
const TRANSFER_MIN_BYTES = 64 * 1024;

const port = parentPort!;
const { plan, credits: startCredits } = workerData as WorkerStart;
const stats: LoadStats = { files: 0, rows: 0, bytes: 0, rejected: [] };
let sentRejected = 0;
// fileRows entries below this index have been sent.
let sentFiles = 0;
let credits = startCredits;
let wake: (() => void) | undefined;
let lastProgress = 0;

port.on('message', (message: CreditMessage) => {
  if (message.type !== 'credit') return;
  credits++;
  wake?.();
});

function update(): StatsUpdate {
  const rejected = stats.rejected.slice(sentRejected);
  sentRejected = stats.rejected.length;
  const from = sentFiles;
  sentFiles = stats.fileRows?.length ?? 0;
  const newFiles = sentFiles > from ? { from, rows: stats.fileRows!.slice(from), checksums: stats.fileChecksums!.slice(from) } : undefined;
  return { files: stats.files, rows: stats.rows, bytes: stats.bytes, replaced: stats.replaced, rejected, warnings: stats.warnings, newFiles };
}

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

function progress(): void {
  const now = Date.now();
  if (now - lastProgress < PROGRESS_MS) return;
  lastProgress = now;
  post({ type: 'progress', update: update() });
}

async function sendChunk(chunk: Buffer): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  const whole = chunk.byteOffset === 0 && chunk.buffer.byteLength >= TRANSFER_MIN_BYTES;
  const bytes = whole ? new Uint8Array(chunk.buffer, 0, chunk.length) : new Uint8Array(chunk);
  post({ type: 'chunk', bytes, update: update() }, whole ? [chunk.buffer as ArrayBuffer] : []);
}

const store = await fileReaderFor(plan.options, plan.files);
try {
  const blockDone = () => post({ type: 'block-end', update: update() });
  for await (const chunk of readTable(plan, store, stats, progress, blockDone)) await sendChunk(chunk);
  post({ type: 'done', update: update() });
} catch (error) {
  post({ type: 'error', error: sendError(error), update: update() });
} finally {
  store.close();
  port.close();
}

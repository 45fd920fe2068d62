/**
 * The loader's worker thread: reads and parses a table's files (table-reader.ts) and posts COPY
 * chunks to the main thread, at most CREDITS ahead of what it has taken, so memory stays flat
 * however fast the files read and however slowly the database copies.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { fileReaderFor } from '../file-reader.js';
import { readTable, type ReadPlan } from '../table-reader.js';
import type { LoadStats } from '../types.js';
import { sendError, type CreditMessage, type StatsUpdate, type WorkerMessage } from './messages.js';

/** Chunks the worker may send before the main thread has taken them: enough to keep the database busy, few enough to keep memory flat. */
const CREDITS = 2;
const PROGRESS_MS = 100;
// Below this a buffer may be a slice of Node's shared pool, which must not be transferred.
const TRANSFER_MIN_BYTES = 64 * 1024;

const port = parentPort!;
const plan = workerData as ReadPlan;
const stats: LoadStats = { files: 0, rows: 0, bytes: 0, rejected: [] };
let sentRejected = 0;
let credits = CREDITS;
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
  return { files: stats.files, rows: stats.rows, bytes: stats.bytes, replaced: stats.replaced, rejected, warnings: stats.warnings, fileRows: stats.fileRows, fileChecksums: stats.fileChecksums };
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
  for await (const chunk of readTable(plan, store, stats, progress)) await sendChunk(chunk);
  post({ type: 'done', update: update() });
} catch (error) {
  post({ type: 'error', error: sendError(error), update: update() });
} finally {
  store.close();
  port.close();
}

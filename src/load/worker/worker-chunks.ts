/** The main thread's side of the loader's worker: starts it, yields its chunks, relays stats and errors. */

import type { ReadPlan } from '../table-reader.js';
import type { LoadStats } from '../types.js';
import { LoadWorkerThread } from './load-worker-thread.js';
import { applyUpdate, receiveError } from './messages.js';

/** Chunks the worker may send before the main thread has taken them: enough to keep the database busy, few enough to keep memory flat. */
const CREDITS = 2;

/**
 * COPY chunks of `plan`, read and parsed in a worker thread while the caller copies the previous
 * ones. `stats` is kept up to date; `progress` is called on each update (throttled by the worker).
 * Stopping early (or failing) terminates the worker.
 */
export async function* workerChunks(plan: ReadPlan, stats: LoadStats, progress: (force: boolean) => void): AsyncGenerator<Buffer> {
  const worker = new LoadWorkerThread({ plan, credits: CREDITS });
  try {
    for (;;) {
      const message = await worker.next();
      applyUpdate(stats, message.update);
      if (message.type === 'error') throw receiveError(message.error);
      progress(message.type !== 'chunk');
      if (message.type === 'done') return;
      if (message.type === 'chunk') {
        yield Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length);
        worker.credit();
      }
    }
  } finally {
    await worker.stop();
  }
}

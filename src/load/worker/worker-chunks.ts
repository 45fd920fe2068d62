/** The main thread's side of the loader's worker: starts it, yields its chunks, relays stats and errors. */

import { Worker } from 'node:worker_threads';
import type { ReadPlan } from '../table-reader.js';
import type { LoadStats } from '../types.js';
import { applyUpdate, receiveError, type CreditMessage, type WorkerMessage } from './messages.js';

type Event = WorkerMessage | { type: 'crash'; error: Error } | { type: 'exit'; code: number };

/**
 * COPY chunks of `plan`, read and parsed in a worker thread while the caller copies the previous
 * ones. `stats` is kept up to date; `progress` is called on each update (throttled by the worker).
 * Stopping early (or failing) terminates the worker.
 */
export async function* workerChunks(plan: ReadPlan, stats: LoadStats, progress: (force: boolean) => void): AsyncGenerator<Buffer> {
  const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: plan });
  const events = new Mailbox<Event>();
  worker.on('message', (message: WorkerMessage) => events.push(message));
  worker.on('error', (error) => events.push({ type: 'crash', error }));
  worker.on('exit', (code) => events.push({ type: 'exit', code }));
  try {
    for (;;) {
      const event = await events.next();
      if (event.type === 'crash') throw event.error;
      if (event.type === 'exit') throw new Error(`the loader's worker thread stopped (exit code ${event.code}) before the end of the load`);
      applyUpdate(stats, event.update);
      if (event.type === 'error') throw receiveError(event.error);
      progress(event.type !== 'chunk');
      if (event.type === 'done') return;
      if (event.type === 'chunk') {
        yield Buffer.from(event.bytes.buffer, event.bytes.byteOffset, event.bytes.length);
        worker.postMessage({ type: 'credit' } satisfies CreditMessage);
      }
    }
  } finally {
    await worker.terminate();
  }
}

/** An unbounded queue with an awaitable head (the worker bounds it with credits). */
class Mailbox<T> {
  private readonly items: T[] = [];
  private waiting: ((item: T) => void) | undefined;

  push(item: T): void {
    if (this.waiting) {
      const deliver = this.waiting;
      this.waiting = undefined;
      deliver(item);
    } else this.items.push(item);
  }

  next(): Promise<T> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

/** One loader worker as the main thread sees it: started on a plan, its messages queued in order. */

import { Worker } from 'node:worker_threads';
import type { ReadPlan } from '../table-reader.js';
import { Mailbox } from './mailbox.js';
import type { CreditMessage, WorkerMessage } from './messages.js';

/** A worker's message, or what happened to the thread itself. */
export type WorkerEvent = WorkerMessage | { type: 'crash'; error: Error } | { type: 'exit'; code: number };

/** What the worker is started with. */
export interface WorkerStart {
  plan: ReadPlan;
  /** Chunks it may send before the main thread has taken them. */
  credits: number;
}

/** A started loader worker. */
export class LoadWorkerThread {
  private readonly worker: Worker;
  private readonly events = new Mailbox<WorkerEvent>();

  constructor(start: WorkerStart) {
    this.worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: start });
    this.worker.on('message', (message: WorkerMessage) => this.events.push(message));
    this.worker.on('error', (error) => this.events.push({ type: 'crash', error }));
    this.worker.on('exit', (code) => this.events.push({ type: 'exit', code }));
  }

  /** The next message; a crash or an early exit throws. */
  async next(): Promise<WorkerMessage> {
    const event = await this.events.next();
    if (event.type === 'crash') throw event.error;
    if (event.type === 'exit') throw new Error(`the loader's worker thread stopped (exit code ${event.code}) before the end of the load`);
    return event;
  }

  /** The main thread has taken a chunk: one more may come. */
  credit(): void {
    this.worker.postMessage({ type: 'credit' } satisfies CreditMessage);
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

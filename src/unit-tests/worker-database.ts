/** The main thread's side of the unit-test database's thread (unit-test-worker.ts). */
import { Worker } from 'node:worker_threads';
import type { PristineStart } from '../engines/pglite/pristine-data-dir.js';
import type { WorkerReply, WorkerSetup } from './unit-test-worker.js';

/** A statement's error as PGlite raised it: its message, hint and position in the statement. */
class DatabaseError extends Error {
  constructor(message: string, readonly hint?: string, readonly position?: string) {
    super(message);
  }
}

/** Statements sent to the worker, answered in order. */
export class WorkerDatabase {
  private readonly pending = new Map<number, { resolve(reply: WorkerReply): void; reject(error: Error): void }>();
  private nextId = 0;

  private constructor(private readonly worker: Worker, readonly from: PristineStart) {
    worker.on('message', (reply: WorkerReply) => {
      if (!('id' in reply)) return;
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    const fail = (error: Error) => {
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the unit-test database stopped')));
  }

  /** Starts the worker; resolves once its database is open. `notice` hears about a slow first start. */
  static start(setup: WorkerSetup, notice?: (message: string) => void): Promise<WorkerDatabase> {
    const worker = new Worker(new URL('./unit-test-worker.js', import.meta.url), { workerData: setup });
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if ('notice' in reply) notice?.(reply.notice);
        else if ('ready' in reply) settle(() => resolve(new WorkerDatabase(worker, reply.ready)));
        else if ('failed' in reply) settle(() => reject(new Error(reply.failed)));
      };
      const onError = (error: Error) => settle(() => reject(error));
      const settle = (then: () => void) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        then();
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
    });
  }

  /** Runs one statement; a refusal throws an error with PGlite's message, hint and position. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    const reply = await this.send({ sql });
    if ('error' in reply) throw new DatabaseError(reply.error.message, reply.error.hint, reply.error.position);
    return 'rows' in reply ? reply.rows : [];
  }

  /** Closes the database and ends the worker. */
  async close(): Promise<void> {
    await this.send({ close: true }).catch(() => undefined);
    await this.worker.terminate();
  }

  private send(request: { sql: string } | { close: true }): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }
}

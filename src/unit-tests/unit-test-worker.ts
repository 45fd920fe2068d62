/**
 * The unit-test database's thread: copies the pristine PGlite, opens it and runs the statements the
 * main thread sends, one at a time. PGlite runs on the thread that calls it, so on the main thread
 * its start (a copy and a WASM start-up, about a second) would wait for, or hold up, the warehouse's;
 * here it runs on the second core beside the warehouse opening and the loads (issue 13).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { copyPristineDataDir, type PristineStart } from '../engines/pglite/pristine-data-dir.js';
import { createPglite } from '../engines/pglite/create-pglite.js';

/** What the main thread gives the worker. */
export interface WorkerSetup {
  dataDir: string;
  cacheDir?: string;
  settings: string[];
}

/** A message from the main thread: a statement to run, or the end. */
export type WorkerRequest = { id: number; sql: string } | { id: number; close: true };

/** A message to the main thread. */
export type WorkerReply =
  | { notice: string }
  | { ready: PristineStart }
  | { failed: string }
  | { id: number; rows: Record<string, unknown>[] }
  | { id: number; error: { message: string; hint?: string; position?: string } }
  | { id: number; closed: true };

const setup = workerData as WorkerSetup;
const port = parentPort!;

async function start(): Promise<PGlite> {
  let from: PristineStart = 'fresh';
  try {
    const notice = (message: string) => port.postMessage({ notice: message } satisfies WorkerReply);
    from = await copyPristineDataDir(setup.dataDir, { cacheDir: setup.cacheDir, settings: setup.settings, notice });
  } catch (error) {
    // PGlite runs its own initdb in the folder instead: slower, never wrong.
    if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: no pristine PGlite copy for unit tests (${(error as Error).message}): initdb\n`);
  }
  const db = createPglite(setup.dataDir);
  await db.waitReady;
  port.postMessage({ ready: from } satisfies WorkerReply);
  return db;
}

const ready = start().catch((error: unknown) => {
  port.postMessage({ failed: (error as Error).message ?? String(error) } satisfies WorkerReply);
  return undefined;
});

// Messages are handled in order: each waits for the one before it.
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    const db = await ready;
    if ('close' in request) {
      await db?.close();
      port.postMessage({ id: request.id, closed: true } satisfies WorkerReply);
      port.close();
      return;
    }
    try {
      const result = await db!.query<Record<string, unknown>>(request.sql);
      port.postMessage({ id: request.id, rows: result.rows } satisfies WorkerReply);
    } catch (error) {
      // The position (a 1-based character offset) lets the error name the model's line.
      const { message, hint, position } = error as { message: string; hint?: string; position?: string | number };
      const where = position === undefined ? {} : { position: String(position) };
      port.postMessage({ id: request.id, error: { message, ...(hint ? { hint } : {}), ...where } } satisfies WorkerReply);
    }
  });
});

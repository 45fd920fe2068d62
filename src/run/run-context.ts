/** What running one node needs, whatever its kind: the warehouse, the manifest and the I/O the caller provides. */
import type { Diagnostic } from '../diagnostics.js';
import type { ListedRunObject } from '../load/s3/run-object-store.js';
import type { Manifest } from '../manifest/manifest.js';
import type { Adapter } from '../engines/adapter.js';
import type { LoadStats } from '../load/types.js';
import type { SourceFile } from '../load/file-store.js';
import type { PlanBase } from '../plan/types.js';
import type { NodeFiles } from './database-error.js';
import { stopSignalOf, type StopSignal } from './interruption.js';

/** The rows of one source (or seed), streamed into its COPY statement. */
export interface SourceFeed {
  chunks(): AsyncIterable<Buffer>;
  readonly stats: LoadStats;
  /** A source's feed: the files it reads (the load ledger records them). */
  listed?(): Promise<SourceFile[]>;
  /** Points a database error during its COPY back at the input (a seed's CSV line and column), if it can. */
  explain?(error: unknown): Diagnostic | undefined;
}

/** The execute phase's context of one node. */
export interface RunContext {
  adapter: Adapter;
  manifest: Manifest;
  /** Every plan of the run (a parent outside them is checked to exist in the warehouse). */
  plans: PlanBase[];
  /** The rows a COPY statement reads (Statement.copyFrom names the source or seed node). */
  openFeed(nodeId: string): SourceFeed;
  /** The files a database error points at. */
  filesOf(plan: PlanBase): NodeFiles;
  /** Writes an object to S3 before the statement that reads it (Statement.writesObject); absent, such a plan fails. */
  writeObject?(url: string, body: string): Promise<void>;
  /** Deletes an object written for a plan once its statements end, or a leftover of an earlier run; absent, objects stay. */
  deleteObject?(url: string): Promise<void>;
  /** The objects under an s3:// prefix and when each was last written (to find leftovers); absent, none are swept. */
  listObjects?(prefix: string): Promise<ListedRunObject[]>;
  signal?: AbortSignal;
}

/** Thrown between statements (and COPY chunks) once the run is stopped by a signal (Ctrl-C, SIGTERM). */
export class RunCancelled extends Error {
  constructor(readonly signal: StopSignal = 'SIGINT') {
    super(`the run was interrupted by ${signal}`);
  }
}

/** Throws RunCancelled when `signal` has been aborted by a stop signal. */
export function throwIfStopped(signal: AbortSignal | undefined): void {
  const stop = stopSignalOf(signal);
  if (stop) throw new RunCancelled(stop);
}

/**
 * A point where a run may stop: lets the event loop poll once, then throws RunCancelled if stopped.
 * PGlite runs statements in-process and resolves them without a turn of the event loop, so a
 * Ctrl-C that came during one would otherwise wait for the whole run (issue 14). Two immediates:
 * the first may fire in the current loop iteration, the second only after the next poll phase,
 * which is where a signal is read.
 */
export async function stopPoint(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  throwIfStopped(signal);
}

/**
 * `promise`, or RunCancelled as soon as `signal` aborts, without waiting for it: the work it stands
 * for (a unit-test database starting, a file being read) goes on unobserved while the run stops.
 */
export function untilStopped<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined); // an abandoned promise that fails later must not crash the process
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RunCancelled(stopSignalOf(signal)));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The items of `source` until `signal` aborts; then RunCancelled at once, even while an item is awaited. */
export async function* eachUntilStopped<T>(source: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      await stopPoint(signal);
      const next = await untilStopped(iterator.next(), signal);
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Ends the source (its own cleanup runs once an item it is still producing is done).
    if (!finished) iterator.return?.()?.catch(() => undefined);
  }
}

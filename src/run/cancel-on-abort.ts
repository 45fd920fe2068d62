/** Cancelling the statement a session is running when the run is stopped (SIGINT, SIGTERM). */
import type { Session } from '../engines/adapter.js';
import { stopSignalOf } from './interruption.js';
import { RunCancelled } from './run-context.js';

/**
 * Runs `work` on `session`. If `signal` aborts meanwhile, the engine is asked to cancel the statement
 * in progress (a server: pg_cancel_backend from another connection; PGlite cannot be interrupted
 * mid-statement, so it stops at the next statement or COPY chunk). Whatever `work` then throws —
 * the cancelled statement's error included — becomes RunCancelled: the node was interrupted.
 */
export async function cancellingOnAbort<T>(session: Session, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  const cancel = () => void session.cancel?.().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await work();
  } catch (error) {
    const stop = stopSignalOf(signal);
    throw stop && !(error instanceof RunCancelled) ? new RunCancelled(stop) : error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

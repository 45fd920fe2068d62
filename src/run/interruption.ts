/**
 * A run stopped by a signal (Ctrl-C is SIGINT; `timeout`, `kill` and container stops send SIGTERM):
 * which signal, the exit code it gives, and the results of the nodes it interrupted or kept from
 * starting, as run_results.json records them.
 */
import { constants } from 'node:os';
import type { Diagnostic } from '../diagnostics.js';
import type { PlanBase } from '../plan/types.js';
import { RunErrors } from './error-codes.js';
import type { NodeResult, NodeRun } from './node-result.js';

/** The signals that stop a run gracefully. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The signals a command listens to. */
export const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/** 128 + the signal's number, as a shell reports a process the signal ended: 130 for SIGINT, 143 for SIGTERM. */
export function exitCodeFor(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

/** The signal that aborted `signal` (its abort reason), or undefined while it is not aborted. */
export function stopSignalOf(signal: AbortSignal | undefined): StopSignal | undefined {
  if (!signal?.aborted) return undefined;
  return signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
}

/** The result of a node that was running when the signal came: cancelled and rolled back. */
export function interruptedRun(signal: StopSignal, plan: PlanBase): NodeRun {
  const message = `interrupted by ${signal}: cancelled and rolled back`;
  const diagnostic: Diagnostic = {
    code: RunErrors.interrupted,
    message: `${plan.description}: ${message}`,
    location: { file: plan.path },
    node: plan.id,
    hint: 'the warehouse holds what it held before this node started; run the command again to build it',
  };
  return { status: 'error', message, rowsAffected: null, diagnostics: [diagnostic] };
}

/** The result of a node that never started because the run was stopped. */
export function notRun(plan: PlanBase, signal: StopSignal): NodeResult {
  return { id: plan.id, status: 'skipped', message: `${NOT_RUN} ${signal}`, rowsAffected: null, executionTime: 0 };
}

const NOT_RUN = 'not run: the run was interrupted by';

/** Whether a node was running when the run was stopped (it was rolled back). */
export function wasInterrupted(result: NodeRun): boolean {
  return result.status === 'error' && (result.diagnostics ?? []).some((d) => d.code === RunErrors.interrupted);
}

/** Whether a node never started because the run was stopped. */
export function wasNotRun(result: NodeRun): boolean {
  return result.status === 'skipped' && result.message.startsWith(NOT_RUN);
}

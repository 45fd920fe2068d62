/**
 * SIGINT (Ctrl-C) and SIGTERM (`timeout`, `kill`, container stops). While a command holds the
 * warehouse (it has claimed the stop), the first signal aborts its run: the statements in progress
 * are cancelled and rolled back, nothing new starts, the warehouse closes and the command exits 130
 * (SIGINT) or 143 (SIGTERM). A second signal exits at once with the same code, releasing only what
 * would otherwise be left behind (PGlite's lock file); the warehouse recovers as after a crash. With
 * nothing claimed (reading and compiling, or after the run) a signal exits at once.
 */
import { exitCodeFor, STOP_SIGNALS, type StopSignal } from '../run/interruption.js';
import { clearLiveLines } from '../load/live-line.js';

/** What the command holding the warehouse does on a signal. */
interface Claim {
  /** Prints what happens now (first signal). */
  announce(signal: StopSignal): void;
  /** Releases synchronously what a forced exit would leave behind (second signal). */
  release(): void;
}

const controller = new AbortController();
let requested: StopSignal | undefined;
let claim: Claim | undefined;

/** The signal that stopped this process's command, if one did (the CLI then exits without waiting for stray handles). */
export function stopRequested(): StopSignal | undefined {
  return requested;
}

/**
 * Starts listening for SIGINT and SIGTERM for the rest of the process (the CLI does, first thing),
 * beside bin/sparkify.js's handler, which covers the moments before this module is loaded.
 */
export function listenForStopSignals(): void {
  // bin/sparkify.js's handler is kept (a signal pending for it would be lost with it), told to stand aside.
  (globalThis as { sparkifyListensForStops?: boolean }).sparkifyListensForStops = true;
  for (const signal of STOP_SIGNALS) process.on(signal, receive);
}

/** A run's stop: `signal` aborts (reason: the signal's name) on the first SIGINT or SIGTERM; dispose when the warehouse is closed. */
export interface StopHandle {
  readonly signal: AbortSignal;
  dispose(): void;
}

/** Claims the stop for a command that holds the warehouse, from now until disposed. */
export function claimStop(announce: Claim['announce'], release: Claim['release']): StopHandle {
  const mine: Claim = { announce, release };
  claim = mine;
  return {
    signal: controller.signal,
    dispose: () => {
      if (claim === mine) claim = undefined;
    },
  };
}

function receive(name: NodeJS.Signals): void {
  const signal: StopSignal = name === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
  const first = !controller.signal.aborted;
  if (first) {
    requested = signal;
    controller.abort(signal);
  }
  if (!claim) return process.exit(exitCodeFor(requested ?? signal));
  if (first) return claim.announce(signal);
  clearLiveLines();
  process.stderr.write(`${signal} again: exiting now, without waiting for the rollback (the warehouse recovers as after a crash)\n`);
  try {
    claim.release();
  } finally {
    process.exit(exitCodeFor(requested ?? signal));
  }
}

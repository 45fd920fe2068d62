/**
 * Per-phase timings of a command, printed to stderr when SPARKIFY_TIMINGS is set (issue 13: measure
 * where a build's time goes before cutting it). Each line is `timing: <phase> <ms> ms (at <ms> ms)`,
 * the second number counted from the process's start, so Node's own start-up shows too.
 */
import { performance } from 'node:perf_hooks';

/** Marks the end of one phase and the start of the next. */
export interface PhaseTimer {
  phase(name: string): void;
}

/** A timer that prints, or one that does nothing when SPARKIFY_TIMINGS is unset. */
export function phaseTimer(env: Record<string, string | undefined> = process.env): PhaseTimer {
  if (!env.SPARKIFY_TIMINGS) return { phase() {} };
  let last = performance.now();
  process.stderr.write(`timing: node start-up and imports ${last.toFixed(0)} ms (at ${last.toFixed(0)} ms)\n`);
  return {
    phase(name) {
      const now = performance.now();
      process.stderr.write(`timing: ${name} ${(now - last).toFixed(0)} ms (at ${now.toFixed(0)} ms)\n`);
      last = now;
    },
  };
}

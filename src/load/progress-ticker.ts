/** Throttles load progress callbacks: one per file, and otherwise at most every ~100 ms. */

import type { LoadProgress } from './types.js';

const INTERVAL_MS = 100;

/** Calls `onProgress` with the given snapshot when due. */
export class ProgressTicker {
  private last = 0;

  constructor(private readonly onProgress?: (progress: LoadProgress) => void) {}

  /** Reports if ~100 ms passed since the last report, or always when `force` is set. */
  tick(snapshot: () => LoadProgress, force = false): void {
    if (!this.onProgress) return;
    const now = Date.now();
    if (!force && now - this.last < INTERVAL_MS) return;
    this.last = now;
    this.onProgress(snapshot());
  }
}

/**
 * Where a load parses its records: in a worker thread, so that parsing overlaps the COPY that the
 * main thread feeds (PGlite's COPY runs on the main thread itself), or in the main thread, where
 * a worker's start-up (~50 ms) would cost more than the overlap gains.
 */

import type { SourceFile } from '../file-store.js';

/** `auto` (the default) decides by size; tests force either path to check that both agree. */
export type ParsePlacement = 'auto' | 'main' | 'worker';

// Below these, a load takes well under a tenth of a second in the main thread (measured in
// BENCHMARKS.md, section 5): a worker would not pay for itself.
const WORKER_MIN_BYTES = 2 * 1024 * 1024;
const WORKER_MIN_FILES = 1000;

/** True when the records of `files` should be parsed in a worker thread. */
export function parsesInWorker(placement: ParsePlacement = 'auto', files: readonly SourceFile[]): boolean {
  if (placement !== 'auto') return placement === 'worker';
  if (files.length >= WORKER_MIN_FILES) return true;
  return files.reduce((sum, file) => sum + file.size, 0) >= WORKER_MIN_BYTES;
}

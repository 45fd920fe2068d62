/**
 * Where a load parses its records: in a worker thread, so that parsing overlaps the COPY that the
 * main thread feeds (PGlite's COPY runs on the main thread itself), or in the main thread, where
 * a worker's start-up (~50 ms) would cost more than the overlap gains.
 */

import type { SourceFile } from '../file-store.js';

/** `auto` (the default) decides by size; tests force either path to check that both agree. */
export type ParsePlacement = 'auto' | 'main' | 'worker';

// A worker takes ~50–100 ms to start; below this much work the main thread is done sooner. A
// file costs about as much as 1 KiB of JSON to open and read (BENCHMARKS.md, section 5).
const WORKER_MIN_WORK = 4 * 1024 * 1024;
const FILE_WORK = 1024;

/** True when the records of `files` should be parsed in a worker thread. */
export function parsesInWorker(placement: ParsePlacement = 'auto', files: readonly SourceFile[]): boolean {
  if (placement !== 'auto') return placement === 'worker';
  return files.reduce((sum, file) => sum + file.size + FILE_WORK, 0) >= WORKER_MIN_WORK;
}

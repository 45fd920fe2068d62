/**
 * Where a load parses its records: in the main thread, where a worker's start-up (~50 ms) and
 * hand-over would cost more than the overlap gains, or the engine's COPY runs in another process
 * anyway; in one worker thread, so that parsing overlaps the COPY that the main thread runs
 * (PGlite); or in two, each taking every other block of files, when the COPY runs in another
 * process, the machine has a core for each beside it, and parsing, not opening files, is the
 * load's work.
 */

import { availableParallelism } from 'node:os';
import type { SourceFile } from '../file-store.js';

/** `auto` (the default) decides by size; tests force each path to check that they agree. */
export type ParsePlacement = 'auto' | 'main' | 'worker' | 'workers';

/**
 * Beside PGlite, a worker pays once the COPY it overlaps is long, and the COPY grows with the bytes,
 * not the files: with the byte path, the main thread loaded 4 MB of events (x10 of the sample),
 * 5.5 MB of songs in one file and the same songs in 20,000 files sooner than a worker did; 11 MB
 * (x25) was a tie and 22 MB (x50) went to the worker (BENCHMARKS.md, section 7).
 */
const WORKER_MIN_BYTES = 16 * 1024 * 1024;
// A file costs about as much as 1 KiB of JSON to open and read (BENCHMARKS.md, section 5).
const FILE_WORK = 1024;
/** Most parsing threads a load uses: past two, the COPY's own process had no core left on the machines measured. */
const MAX_WORKERS = 2;
// A second worker costs ~0.25 s of CPU to start and feed; on 2 cores it paid off at x300 of the
// sample (129 MB of JSON, 16 % faster on PostgreSQL), not at x100 (44 MB; BENCHMARKS.md, section 7).
const TWO_WORKERS_MIN_WORK = 64 * 1024 * 1024;

/** The threads a load parses in, beside the main thread: 0 (it parses itself), 1 or 2. */
export function parseWorkers(placement: ParsePlacement = 'auto', files: readonly SourceFile[], copyInProcess = false): number {
  if (placement !== 'auto') return { main: 0, worker: 1, workers: MAX_WORKERS }[placement];
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  const work = bytes + files.length * FILE_WORK;
  if (!copyInProcess) {
    // The server's COPY already runs beside the main thread, so one worker adds only its start-up
    // and the hand-over of chunks: with the byte path, the main thread loaded x100 and x300 of the
    // sample and 20,000 song files 10–40 % sooner on PostgreSQL than one or two workers did, on 2
    // cores (BENCHMARKS.md, section 7). Two workers are kept for big loads on machines with a core
    // for each beside the server (measured only before the byte path, when parsing cost twice as much).
    const manyCores = availableParallelism() > 2;
    return manyCores && work >= TWO_WORKERS_MIN_WORK && bytes >= files.length * FILE_WORK ? MAX_WORKERS : 0;
  }
  // With the COPY on the main thread (PGlite), parsing in a worker overlaps it.
  return bytes < WORKER_MIN_BYTES ? 0 : 1;
}

/** The work of reading a file: its bytes, and a fixed cost for opening it. */
export function fileWork(file: SourceFile): number {
  return file.size + FILE_WORK;
}

/** What the loader's worker thread and the main thread tell each other. */

import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { StoreError } from '../store-error.js';
import type { BadRecord, LoadStats } from '../types.js';

/** Counters of a load so far, and the records rejected since the last message. */
export interface StatsUpdate {
  files: number;
  rows: number;
  bytes: number;
  replaced?: { chars: number; records: number };
  rejected: BadRecord[];
  /** Set once, when the load has read everything (SPK305 of `jsonpaths: auto`). */
  warnings?: Diagnostic[];
  /**
   * The files finished since the last update: LoadStats.fileRows and fileChecksums from index
   * `from` on (holes where another worker reads). Only what is new crosses: sending the whole
   * arrays with every message cost time growing with the square of the number of files.
   */
  newFiles?: { from: number; rows: number[]; checksums: string[] };
}

/** From the worker: a chunk of COPY text, a progress tick, the end, or the error that stopped it. */
export type WorkerMessage =
  | { type: 'chunk'; bytes: Uint8Array; update: StatsUpdate }
  | { type: 'progress'; update: StatsUpdate }
  /** The last chunk of one of the plan's blocks has been sent (with `blocks` only). */
  | { type: 'block-end'; update: StatsUpdate }
  | { type: 'done'; update: StatsUpdate }
  | { type: 'error'; error: SentError; update: StatsUpdate };

/** From the main thread: one more chunk may be sent. */
export interface CreditMessage {
  type: 'credit';
}

/** An error as it crosses threads: structured cloning keeps neither classes nor extra fields. */
export type SentError =
  | { kind: 'sparkify'; diagnostics: Diagnostic[]; exitCode: 1 | 2 }
  | { kind: 'store'; code: string; message: string; hint: string; missing: boolean }
  | { kind: 'other'; name: string; message: string; stack?: string };

/** Flattens an error for postMessage. */
export function sendError(error: unknown): SentError {
  if (error instanceof SparkifyError) return { kind: 'sparkify', diagnostics: error.diagnostics, exitCode: error.exitCode };
  if (error instanceof StoreError) return { kind: 'store', code: error.code, message: error.message, hint: error.hint, missing: error.missing };
  const plain = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', name: plain.name, message: plain.message, stack: plain.stack };
}

/** Rebuilds an error sent by sendError, of the same class. */
export function receiveError(sent: SentError): Error {
  if (sent.kind === 'sparkify') return new SparkifyError(sent.diagnostics, sent.exitCode);
  if (sent.kind === 'store') return new StoreError(sent.code, sent.message, sent.hint, sent.missing);
  const error = new Error(sent.message);
  error.name = sent.name;
  if (sent.stack) error.stack = sent.stack;
  return error;
}

/** Applies an update to the main thread's stats. */
export function applyUpdate(stats: LoadStats, update: StatsUpdate): void {
  stats.files = update.files;
  stats.rows = update.rows;
  stats.bytes = update.bytes;
  if (update.replaced) stats.replaced = update.replaced;
  if (update.warnings) stats.warnings = update.warnings;
  placeNewFiles(update.newFiles, stats);
  stats.rejected.push(...update.rejected);
}

/** Copies the per-file rows and checksums of an update into the load's (holes stay untouched). */
export function placeNewFiles(files: StatsUpdate['newFiles'], stats: LoadStats): void {
  if (!files) return;
  const rows = (stats.fileRows ??= []);
  const checksums = (stats.fileChecksums ??= []);
  for (let k = 0; k < files.rows.length; k++) {
    if (files.rows[k] === undefined || files.rows[k] === null) continue;
    rows[files.from + k] = files.rows[k];
    checksums[files.from + k] = files.checksums[k];
  }
}

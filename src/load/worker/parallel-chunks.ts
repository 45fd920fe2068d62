/**
 * Parsing shared by several workers: the files are cut into blocks in order, worker k takes blocks
 * k, k + n, k + 2n…, and the main thread takes each block's chunks from its worker in block order.
 * Rows, rejected records, errors and the ledger's per-file counts come out as one worker reading
 * every file in order would give them: rejected records go through one RejectLog here, in block
 * order, so maxerrors fails at the same record.
 */

import type { Diagnostic } from '../../diagnostics.js';
import { RejectLog } from '../reject-log.js';
import { DEFAULT_CHUNK_BYTES, type ReadPlan } from '../table-reader.js';
import type { LoadStats } from '../types.js';
import { LoadWorkerThread } from './load-worker-thread.js';
import { placeNewFiles, receiveError, type StatsUpdate, type WorkerMessage } from './messages.js';
import { fileWork } from './parse-placement.js';

/** Blocks per worker, about: enough to even out the workers, few enough that each block's last chunk stays big. */
const BLOCKS_PER_WORKER = 8;
/** A block is at least this much work, or a chunk's worth when chunks are smaller (tests shrink them). */
const MIN_BLOCK_WORK = 1024 * 1024;
/**
 * Chunks a worker may send ahead: a worker waiting for its next turn must be able to finish its
 * block, or it idles while the other's block is copied. Chunks are at most DEFAULT_CHUNK_BYTES.
 */
const CREDITS = 8;
/** Blocks' chunks smaller than this (or than a chunk) are joined before they are handed on: a block's last chunk is often small. */
const MIN_CHUNK_BYTES = 1024 * 1024;

/** COPY chunks of `plan`, parsed by `count` workers, in file order; as workerChunks otherwise. */
export async function* parallelChunks(plan: ReadPlan, stats: LoadStats, progress: (force: boolean) => void, count: number): AsyncGenerator<Buffer> {
  const chunkBytes = plan.options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const blocks = cutBlocks(plan, count, Math.min(MIN_BLOCK_WORK, chunkBytes));
  const minChunk = Math.min(MIN_CHUNK_BYTES, chunkBytes);
  const workers = Array.from({ length: count }, (_, k) => new LoadWorkerThread({ plan: { ...plan, blocks: blocks.filter((_, b) => b % count === k) }, credits: CREDITS }));
  const merged = new MergedStats(plan, stats, count);
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for (let b = 0; b < blocks.length; b++) {
      const k = b % count;
      for (;;) {
        const message = await workers[k].next();
        merged.apply(k, message);
        progress(message.type !== 'chunk');
        if (message.type === 'block-end') break;
        if (message.type === 'progress') continue;
        if (message.type !== 'chunk') throw new Error(`internal: the loader's worker was done before the end of its block ${b}`);
        pending.push(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length));
        pendingBytes += message.bytes.length;
        workers[k].credit();
        if (pendingBytes >= minChunk) {
          yield pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
          pending.length = 0;
          pendingBytes = 0;
        }
      }
    }
    if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
    for (let k = 0; k < count; k++) {
      let message: WorkerMessage;
      do {
        message = await workers[k].next();
        merged.apply(k, message);
      } while (message.type !== 'done');
    }
    merged.finish();
    progress(true);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/** Cuts the files into about BLOCKS_PER_WORKER × count runs of even work, in order; a file is never split. */
function cutBlocks(plan: ReadPlan, count: number, minWork: number): Array<[number, number]> {
  const total = plan.files.reduce((sum, file) => sum + fileWork(file), 0);
  const target = Math.max(minWork, total / (BLOCKS_PER_WORKER * count));
  const blocks: Array<[number, number]> = [];
  let start = 0;
  let work = 0;
  plan.files.forEach((file, k) => {
    work += fileWork(file);
    if (work >= target) {
      blocks.push([start, k + 1]);
      start = k + 1;
      work = 0;
    }
  });
  if (start < plan.files.length) blocks.push([start, plan.files.length]);
  return blocks;
}

/** The load's stats from each worker's own: counts summed, per-file values placed, rejected records in block order. */
class MergedStats {
  private readonly latest: StatsUpdate[];
  /** Whether each worker has read a record (only those have a say in `jsonpaths: auto` warnings). */
  private readonly readRecords: boolean[];
  private readonly rejects: RejectLog;

  constructor(
    private readonly plan: ReadPlan,
    private readonly stats: LoadStats,
    count: number,
  ) {
    this.latest = Array.from({ length: count }, () => ({ files: 0, rows: 0, bytes: 0, rejected: [] }));
    this.readRecords = new Array<boolean>(count).fill(false);
    this.rejects = new RejectLog(plan.table, stats.rejected);
    stats.fileRows = [];
    stats.fileChecksums = [];
  }

  /** Takes worker k's message: its counts so far, the files it finished, its new rejected records (throwing past maxerrors), its error. */
  apply(k: number, message: WorkerMessage): void {
    const update = message.update;
    this.latest[k] = update;
    if (update.rows > 0 || update.rejected.length > 0) this.readRecords[k] = true;
    const stats = this.stats;
    stats.files = this.sum((u) => u.files);
    stats.rows = this.sum((u) => u.rows);
    stats.bytes = this.sum((u) => u.bytes);
    if (update.replaced) stats.replaced = { chars: this.sum((u) => u.replaced?.chars ?? 0), records: this.sum((u) => u.replaced?.records ?? 0) };
    placeNewFiles(update.newFiles, stats);
    for (const bad of update.rejected) this.rejects.add(bad);
    if (message.type === 'error') throw receiveError(message.error);
  }

  /**
   * After every worker is done: a column of `jsonpaths: auto` is unmatched when every worker that
   * read a record says so (each words its warning from the keys it saw; the first one's is kept).
   */
  finish(): void {
    if (this.plan.paths) return;
    const said = this.latest.filter((_, k) => this.readRecords[k]).map((u) => u.warnings ?? []);
    if (said.length === 0) return;
    const where = (d: Diagnostic) => `${d.location?.line}:${d.location?.column}`;
    this.stats.warnings = said[0].filter((d) => said.every((other) => other.some((o) => where(o) === where(d))));
  }

  private sum(of: (update: StatsUpdate) => number): number {
    return this.latest.reduce((n, u) => n + of(u), 0);
  }
}

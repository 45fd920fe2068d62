/** Shows load progress: a live bar on a terminal, occasional plain lines in logs and CI. */

import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import pc from 'picocolors';
import type { LoadProgress } from './types.js';
import { endLiveLine, startLiveLine } from './live-line.js';

/** How a load ended: every chunk read, an error, or Ctrl-C. */
export type LoadOutcome = 'done' | 'failed' | 'interrupted';

/** Receives progress ticks; `stop` ends the display (a final line when not on a terminal). */
export interface ProgressReporter {
  update(progress: LoadProgress): void;
  /** Ends the display saying how the load ended (default: done). */
  stop(outcome?: LoadOutcome): void;
}

/** Tuning for tests: how often plain lines may be printed and what clock to read. */
export interface ReporterOptions {
  intervalMs?: number;
  now?: () => number;
}

const PLAIN_INTERVAL_MS = 5000;

/** A reporter writing to `stream`: cli-progress when it is a TTY, else a line every few seconds. */
export function createProgressReporter(label: string, stream: NodeJS.WriteStream, options: ReporterOptions = {}): ProgressReporter {
  // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
  const colors = pc.createColors(Boolean(stream.isTTY) && !process.env.NO_COLOR);
  return stream.isTTY ? barReporter(colors.cyan(label), stream) : plainReporter(label, stream, options);
}

function barReporter(label: string, stream: NodeJS.WriteStream): ProgressReporter {
  // Loaded only on a terminal: logs, CI and commands that load nothing never import it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar({
    stream,
    format: `${label} [{bar}] {percentage}% | {filesDone}/{filesTotal} files | {rows} rows | {read} of {size}`,
    barCompleteChar: '#',
    barIncompleteChar: '-',
    hideCursor: true,
    fps: 10,
  });
  let started = false;
  return {
    update(progress) {
      const payload = { ...progress, rows: formatCount(progress.rows), read: formatBytes(progress.bytesRead), size: formatBytes(progress.bytesTotal) };
      if (!started) {
        bar.start(Math.max(progress.bytesTotal, 1), progress.bytesRead, payload);
        startLiveLine(stream);
      } else bar.update(progress.bytesRead, payload);
      started = true;
    },
    stop: (outcome = 'done') => {
      if (!started) return;
      bar.stop();
      endLiveLine(stream);
      // The bar stays as it was last drawn; a load that did not finish must not pass for a complete one.
      if (outcome !== 'done') stream.write(`${label}: ${outcome}\n`);
      started = false;
    },
  };
}

function plainReporter(label: string, stream: NodeJS.WriteStream, options: ReporterOptions): ProgressReporter {
  const interval = options.intervalMs ?? PLAIN_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const startedAt = now();
  let printedAt = startedAt;
  let latest: LoadProgress | undefined;
  return {
    update(progress) {
      latest = progress;
      if (now() - printedAt < interval) return;
      printedAt = now();
      stream.write(`${label}: ${describe(progress)}\n`);
    },
    stop(outcome = 'done') {
      const seconds = `${((now() - startedAt) / 1000).toFixed(1)} s`;
      if (latest) stream.write(`${label}: ${outcome === 'done' ? `done, ${describe(latest)} in ${seconds}` : `${outcome} after ${seconds}, at ${describe(latest)}`}\n`);
      latest = undefined;
    },
  };
}

/**
 * Passes a load's chunks through and stops `progress` with how the stream ended: done when it was
 * read to the end, interrupted when `signal` was aborted (Ctrl-C), failed otherwise (a bad record,
 * an unreadable file, or the database rejecting the COPY and abandoning the stream).
 */
export async function* reportLoad(chunks: AsyncIterable<Buffer>, progress: ProgressReporter, signal?: AbortSignal): AsyncGenerator<Buffer> {
  let finished = false;
  try {
    yield* chunks;
    finished = true;
  } finally {
    progress.stop(finished ? 'done' : signal?.aborted ? 'interrupted' : 'failed');
  }
}

function describe(p: LoadProgress): string {
  return `${p.filesDone}/${p.filesTotal} files, ${formatCount(p.rows)} rows, ${formatBytes(p.bytesRead)} of ${formatBytes(p.bytesTotal)}`;
}

function formatCount(n: number): string {
  // Not toLocaleString: its first call loads ICU's number formatting, ~0.2 s of a small build.
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `512 B`, `3.7 MB`: binary multiples, one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

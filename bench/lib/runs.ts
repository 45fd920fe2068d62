/**
 * Runs a benchmark case several times, each in a fresh Node process, so every run starts cold and
 * its peak RSS is its own. Cases print one JSON line (a CaseResult) as the last line of stdout.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { outDir, repoRoot } from './paths.js';

/** What a case process reports about its one run. */
export interface CaseResult {
  /** Wall time of the measured part, in milliseconds. */
  ms: number;
  /** Peak resident set size of the process, in KiB (process.resourceUsage().maxRSS). */
  maxRssKb: number;
  [extra: string]: number | string;
}

/** Prints a case's result for the parent to read; call once, last. */
export function reportCase(result: Omit<CaseResult, 'maxRssKb'>): void {
  process.stdout.write(JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}

/** Runs `node script ...args` `runs` times, one process each, and returns each run's result. */
export function runCase(script: string, args: string[], runs: number): CaseResult[] {
  const results: CaseResult[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
    const lines = child.stdout.trim().split('\n');
    results.push(JSON.parse(lines[lines.length - 1]) as CaseResult);
  }
  return results;
}

/** One whole-process run: wall time seen from outside and peak RSS from GNU time (when present). */
export interface ProcessResult {
  ms: number;
  maxRssKb: number;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command `runs` times and times each whole process from spawn to exit. Peak RSS comes from
 * `/usr/bin/time -f %M` (KiB); it is NaN where GNU time is not installed. `before` runs untimed.
 */
export function timeProcess(command: string[], runs: number, before?: () => void): ProcessResult[] {
  const rssFile = join(outDir, `.rss-${process.pid}`);
  const withTime = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...command] : command;
  const results: ProcessResult[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const started = performance.now();
    const child = spawnSync(withTime[0], withTime.slice(1), { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 << 20 });
    const ms = performance.now() - started;
    if (child.status !== 0) throw new Error(`${command.join(' ')} failed (${child.status}):\n${child.stderr}`);
    const maxRssKb = withTime === command ? NaN : Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    results.push({ ms, maxRssKb, stdout: child.stdout });
  }
  rmSync(rssFile, { force: true });
  return results;
}

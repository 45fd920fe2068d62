/**
 * Runs a benchmark case several times, each in a fresh Node process, so every run starts cold and
 * its peak RSS is its own. Cases print one JSON line (a CaseResult) as the last line of stdout.
 * Besides wall time we keep CPU time (user + system): on a shared 2-core machine wall time swings
 * with the neighbours' load, CPU time much less.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { platform } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { outDir, repoRoot } from './paths.js';

/** What one run reports. */
export interface CaseResult {
  /** Wall time of the measured part, in milliseconds. */
  ms: number;
  /** CPU time (user + system) of the measured part, in milliseconds. */
  cpuMs: number;
  /** Peak resident set size of the whole process, in KiB. */
  maxRssKb: number;
  [extra: string]: number | string;
}

/** Starts timing; the returned function gives wall and CPU milliseconds since the start. */
export function startClock(): () => { ms: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

/**
 * Peak RSS of this process in KiB. On Linux, VmHWM of /proc/self/status: getrusage's maxRSS would
 * also count the pages of the parent that forked us (exec keeps the pre-exec high-water mark), so a
 * big runner would hide small cases.
 */
export function peakRssKb(): number {
  if (platform() === 'linux') {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  }
  return process.resourceUsage().maxRSS;
}

/** Prints a case's result for the parent to read; call once, last. */
export function reportCase(result: Omit<CaseResult, 'maxRssKb'>): void {
  process.stdout.write(JSON.stringify({ ...result, maxRssKb: peakRssKb() }) + '\n');
}

/** Runs `node script ...args` once in a fresh process and returns what it reported. */
export function runCase(script: string, args: string[]): CaseResult {
  const child = spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (child.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as CaseResult;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command once and times the whole process from spawn to exit. CPU time and peak RSS come
 * from GNU time (`/usr/bin/time -f '%U %S %M'`); they are NaN where it is not installed.
 */
export function timeProcess(command: string[]): CaseResult & { stdout: string } {
  const statsFile = join(outDir, `.time-${process.pid}`);
  const gnuTime = existsSync(GNU_TIME);
  const argv = gnuTime ? [GNU_TIME, '-f', '%U %S %M', '-o', statsFile, ...command] : command;
  const started = performance.now();
  const child = spawnSync(argv[0], argv.slice(1), { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${command.join(' ')} failed (${child.status}):\n${child.stderr}`);
  if (!gnuTime) return { ms, cpuMs: NaN, maxRssKb: NaN, stdout: child.stdout };
  // GNU time writes "Command exited with non-zero status" lines first when it fails; the numbers come last.
  const [user, system, rss] = readFileSync(statsFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(statsFile, { force: true });
  return { ms, cpuMs: (user + system) * 1000, maxRssKb: rss, stdout: child.stdout };
}

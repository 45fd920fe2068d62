/**
 * Times a command and its whole process tree (Linux): wall time, CPU time and peak memory of every
 * process in its process group, plus when each chunk of output arrived. GNU time counts only the
 * children a process reaps, and `dataform compile` kills its compile worker without reaping it, so
 * its CPU and memory would go missing; here /proc is sampled every `intervalMs` for every process of
 * the group (a zombie still shows its CPU times), keeping each one's last CPU time and the largest
 * sum of resident memory seen at once.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { repoRoot } from './paths.js';

/** What one measured run of a command gave. */
export interface TreeRun {
  ms: number;
  cpuMs: number;
  /** The largest sum of RSS over the group's processes in one sample, KiB. */
  peakRssKb: number;
  /** Milliseconds from spawn to the first byte of output (stdout or stderr). */
  firstOutputMs: number;
  /** The longest time without output, from spawn to exit, ms. */
  longestSilenceMs: number;
  processes: number;
  stdout: string;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_KB = 4;

/** Runs `command` (argv) in a new process group and measures the group until the command exits. */
export function measureTree(command: string[], options: { env?: Record<string, string>; cwd?: string; intervalMs?: number } = {}): Promise<TreeRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command[0], command.slice(1), { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const group = child.pid!;
    const cpu = new Map<number, number>();
    let peakRssKb = 0;
    const outputAt: number[] = [];
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { outputAt.push(performance.now() - started); stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { outputAt.push(performance.now() - started); stderr += chunk.toString(); });
    const sample = () => {
      let rss = 0;
      for (const [pid, stat] of groupStats(group)) {
        cpu.set(pid, stat.cpuTicks);
        rss += stat.rssKb;
      }
      peakRssKb = Math.max(peakRssKb, rss);
    };
    const timer = setInterval(sample, options.intervalMs ?? 20);
    child.on('error', reject);
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${command.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`));
      const marks = [0, ...outputAt, ms];
      const longestSilenceMs = Math.max(...marks.slice(1).map((at, i) => at - marks[i]));
      const cpuMs = ([...cpu.values()].reduce((a, b) => a + b, 0) * 1000) / TICKS_PER_SECOND;
      resolvePromise({ ms, cpuMs, peakRssKb, firstOutputMs: outputAt[0] ?? ms, longestSilenceMs, processes: cpu.size, stdout });
    });
  });
}

/** CPU ticks (user + system) and RSS of each live or zombie process whose process group is `group`. */
function groupStats(group: number): Map<number, { cpuTicks: number; rssKb: number }> {
  const stats = new Map<number, { cpuTicks: number; rssKb: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited between the listing and the read
    }
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    stats.set(Number(name), { cpuTicks: Number(fields[11]) + Number(fields[12]), rssKb: Number(fields[21]) * PAGE_KB });
  }
  return stats;
}

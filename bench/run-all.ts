/**
 * Runs every benchmark with the settings BENCHMARKS.md reports, and prints the machine and the
 * result tables as markdown. Takes about 12 minutes on a quiet 2-core machine, much longer on a
 * busy one.
 * Usage: npx tsc -p . && node dist/bench/run-all.js
 */

import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { runCompileBench } from './compile/compile-bench.js';
import { runLoadBench } from './load/load-bench.js';
import { repoRoot } from './lib/paths.js';

function machine(): string {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' }).trim() ? ' (src/ has uncommitted changes)' : '';
  return [
    `date: ${new Date().toISOString()}`,
    `cpus: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    `memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `node: ${process.version}`,
    `commit: ${commit}${dirty}`,
    `load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(1)).join(', ')}`,
  ].join('\n');
}

process.stdout.write(`${machine()}\n\n## Loader\n\n`);
process.stdout.write(await runLoadBench({ scales: [100, 300], runs: 5, bigRuns: 3 }));
process.stdout.write(`\n## Compile\n\n`);
process.stdout.write(runCompileBench([1000, 5000], 5));

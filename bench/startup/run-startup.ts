/**
 * Start-up cost of the CLI: spawns short commands N times each, in fresh processes, interleaved
 * across the CLIs compared (e.g. a baseline commit and the working tree), and prints the medians.
 * Usage: node dist/bench/startup/run-startup.js [--runs 21] [--baseline 3541f16] [--cli bin/sparkify.js]
 */

import { loadavg } from 'node:os';
import { caseArgs } from '../lib/args.js';
import { copyRepoProject, fullProjectCopy } from '../lib/repo-project.js';
import { timeProcess } from '../lib/runs.js';
import { formatRange, summarize } from '../lib/stats.js';
import { markdownTable, mib } from '../lib/table.js';
import { baselineTree, makeBaseline } from './make-baseline.js';

/** The commands timed: no project work, then the cheapest commands that read the repo's project. */
const COMMANDS: string[][] = [
  ['--version'],
  ['ls', '--project-dir', fullProjectCopy],
  ['compile', '--project-dir', fullProjectCopy, '--select', 'users'],
];

const args = caseArgs(process.argv.slice(2));
const runs = Number(args.runs ?? 21);
const clis = [...(args.baseline ? [makeBaseline(args.baseline)] : []), args.cli ?? 'bin/sparkify.js'];
// With a baseline, both CLIs read the baseline's own project (the current one may use newer features).
copyRepoProject(args.baseline ? baselineTree(clis[0]) : undefined);
const loadBefore = loadavg()[0];
const cases = [
  { label: '(node -e 0: Node alone)', cli: '', argv: ['node', '-e', '0'] },
  ...COMMANDS.flatMap((command) => clis.map((cli) => ({ label: command.join(' '), cli, argv: ['node', cli, ...command] }))),
];
for (const c of cases) timeProcess(c.argv); // warm-up: page cache; compile's target/ exists afterwards
const samples = cases.map(() => [] as ReturnType<typeof timeProcess>[]);
for (let i = 0; i < runs; i++) cases.forEach((c, k) => samples[k].push(timeProcess(c.argv)));

const wall = samples.map((s) => summarize(s.map((r) => r.ms)));
const rows = cases.map((c, k) => {
  const first = cases.findIndex((o) => o.label === c.label);
  const ratio = k === first ? '' : (wall[k].median / wall[first].median).toFixed(2);
  const median = (pick: (r: (typeof samples)[number][number]) => number) => summarize(samples[k].map(pick)).median;
  return [c.label, c.cli, formatRange(wall[k]), median((r) => r.cpuMs).toFixed(0), mib(median((r) => r.maxRssKb)), ratio];
});
process.stdout.write(markdownTable(['command', 'cli', 'wall ms median (min–max)', 'CPU ms median', 'peak RSS MiB', 'wall ratio to the first cli'], rows));
process.stdout.write(`\n\n${runs} runs each, interleaved; load average (1 min) before→after: ${loadBefore.toFixed(1)}→${loadavg()[0].toFixed(1)}\n`);

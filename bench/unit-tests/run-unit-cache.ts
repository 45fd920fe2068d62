/**
 * Start-up of the unit-test database with and without its cached pristine dump: runs
 * `sparkify test --select test_type:unit` on a copy of the repository's project, N times per case,
 * interleaved, each in a fresh process. Baseline: the dump is deleted before each run (so the run
 * does initdb, then dumps and writes the cache). Cached: the dump a warm-up run wrote is loaded.
 * Usage: node dist/bench/unit-tests/run-unit-cache.js [--runs 11]
 */

import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { caseArgs } from '../lib/args.js';
import { outDir, repoRoot } from '../lib/paths.js';
import { timeProcess } from '../lib/runs.js';
import { formatRange, summarize } from '../lib/stats.js';
import { markdownTable, mib } from '../lib/table.js';
import { pristineDumpPath } from '../../src/unit-tests/pristine-dump-cache.js';

const args = caseArgs(process.argv.slice(2));
const runs = Number(args.runs ?? 11);
// Our own copy (not lib/repo-project's), so other runners' copies are left alone.
const project = join(outDir, 'unit-cache-project');
rmSync(project, { recursive: true, force: true });
mkdirSync(project, { recursive: true });
for (const entry of ['project.yml', 'sources.yml', 'models', 'macros', 'tests', 'seeds']) {
  if (existsSync(join(repoRoot, entry))) cpSync(join(repoRoot, entry), join(project, entry), { recursive: true });
}
const dump = pristineDumpPath(join(project, '.sparkify'));
const argv = ['node', 'bin/sparkify.js', 'test', '--project-dir', project, '--select', 'test_type:unit'];

const cases = [
  { label: 'no cache (dump deleted before each run)', before: () => rmSync(dump, { force: true }) },
  { label: 'cached pristine dump', before: () => undefined },
];
const loadBefore = loadavg()[0];
timeProcess(argv); // warm-up: page cache, and it writes the dump the cached case reads
if (!existsSync(dump)) throw new Error(`the warm-up run wrote no cache at ${dump}`);
const samples = cases.map(() => [] as ReturnType<typeof timeProcess>[]);
for (let i = 0; i < runs; i++) {
  cases.forEach((c, k) => {
    c.before();
    samples[k].push(timeProcess(argv));
  });
}

const wall = samples.map((s) => summarize(s.map((r) => r.ms)));
const rows = cases.map((c, k) => {
  const median = (pick: (r: (typeof samples)[number][number]) => number) => summarize(samples[k].map(pick)).median;
  const ratio = k === 0 ? '' : (wall[k].median / wall[0].median).toFixed(2);
  return [c.label, formatRange(wall[k]), median((r) => r.cpuMs).toFixed(0), mib(median((r) => r.maxRssKb)), ratio];
});
process.stdout.write(markdownTable(['case', 'wall ms median (min–max)', 'CPU ms median', 'peak RSS MiB', 'wall ratio to no cache'], rows));
process.stdout.write(`\n\n${runs} runs each, interleaved; \`${argv.join(' ')}\` (project: bench/out/unit-cache-project)\n`);
process.stdout.write(`load average (1 min) before→after: ${loadBefore.toFixed(1)}→${loadavg()[0].toFixed(1)}\n`);

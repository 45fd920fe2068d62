/**
 * Benchmark: column lineage of a generated project of N models (bench/compile/generate-project.ts),
 * against the compile phase of the same process as the baseline. Every case is a fresh process,
 * runs are interleaved, one untimed warm-up each; the load average is recorded before and after.
 * Modes: see case-lineage.ts (sequential, parallel, parse only, cached).
 * Usage: node dist/bench/lineage/run-lineage.js [--models 10000] [--runs 5] [--threads 2]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generateProject } from '../compile/generate-project.js';
import { caseArgs } from '../lib/args.js';
import { benchScript, outDir } from '../lib/paths.js';
import { runCase, type CaseResult } from '../lib/runs.js';
import { formatRange, summarize } from '../lib/stats.js';
import { markdownTable, mib } from '../lib/table.js';

const args = caseArgs(process.argv.slice(2));
const models = Number(args.models ?? 10000);
const runs = Number(args.runs ?? 5);
const projectDir = join('bench', 'out', `project-${models}`);
generateProject(join(outDir, `project-${models}`), models);

const cacheFile = join(outDir, `lineage-cache-${models}.json`);
const modes = [['sequential'], ['parallel', '--threads', args.threads ?? '2'], ['parse'], ['cached', '--cache', cacheFile]];
const run = (mode: string[]) => runCase(benchScript('lineage/case-lineage.js'), ['--project-dir', projectDir, '--mode', ...mode]);
const loadBefore = loadavg()[0];
run(['prime', '--cache', cacheFile]); // the cache the `cached` case reads
for (const mode of modes) run(mode); // warm-up: page cache
const samples = modes.map(() => [] as CaseResult[]);
for (let i = 0; i < runs; i++) modes.forEach((mode, k) => samples[k].push(run(mode)));
const loadAfter = loadavg()[0];

const compileMs = summarize(samples.flat().map((r) => Number(r.compileMs)));
const sequentialMedian = summarize(samples[0].map((r) => r.ms)).median;
const rows = modes.map((mode, k) => {
  const ms = summarize(samples[k].map((r) => r.ms));
  const cpu = summarize(samples[k].map((r) => r.cpuMs));
  const compiled = summarize(samples[k].map((r) => Number(r.compileMs)));
  return [
    mode[0] === 'cached' ? 'cached (all unchanged)' : mode.join(' '), formatRange(ms), cpu.median.toFixed(0), ((ms.median * 1000) / models).toFixed(0),
    (ms.median / compiled.median).toFixed(2), (ms.median / sequentialMedian).toFixed(2), mib(summarize(samples[k].map((r) => r.maxRssKb)).median),
  ];
});
const table = markdownTable(
  ['lineage mode', 'wall ms median (min–max)', 'CPU ms median', 'wall ms / 1,000 models', 'ratio to compile (same process)', 'ratio to sequential', 'peak RSS MiB'],
  rows,
);
const cacheMiB = (statSync(cacheFile).size / 2 ** 20).toFixed(1);
const summary = `${models} models (${samples[0][0].nodes} nodes, ${samples[0][0].columns} columns), ${runs} runs each; `
  + `compile phase of the same processes: median ${compileMs.median.toFixed(0)} ms (${formatRange(compileMs)}); load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}; cache file ${cacheMiB} MiB`;
mkdirSync(join(outDir, 'results'), { recursive: true });
writeFileSync(join(outDir, 'results', 'lineage.json'), JSON.stringify({ models, runs, loadBefore, loadAfter, modes, samples }, null, 2));
process.stdout.write(`${summary}\n\n${table}\n`);

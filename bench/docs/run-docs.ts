/**
 * Benchmark of the docs site (issue 11). Usage: node dist/bench/docs/run-docs.js [--models 10000] [--runs 5]
 * 1. `sparkify docs generate --empty-catalog` on a generated project of N models, as a whole process,
 *    interleaved with `sparkify compile` on the same project (the baseline: what every command pays);
 * 2. the same generate in process, by phase;
 * 3. the page in headless chromium (open, whole-graph layout and draw, redraws, dagre's growth).
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generateProject } from '../compile/generate-project.js';
import { caseArgs } from '../lib/args.js';
import { benchScript, outDir, repoRoot } from '../lib/paths.js';
import { runCase, timeProcess, type CaseResult } from '../lib/runs.js';
import { formatRange, summarize } from '../lib/stats.js';

const args = caseArgs(process.argv.slice(2));
const models = Number(args.models ?? 10_000);
const runs = Number(args.runs ?? 5);
const project = join(outDir, `docs-project-${models}`);
generateProject(project, models);
const cli = (command: string[]) => [process.execPath, join(repoRoot, 'bin/sparkify.js'), ...command, '--project-dir', project];

const load = loadavg().map((n) => n.toFixed(2)).join(' ');
const wall: Record<string, number[]> = { compile: [], docs: [] };
for (let i = 0; i < runs; i++) {
  wall.compile.push(timeProcess(cli(['compile'])).ms);
  wall.docs.push(timeProcess(cli(['docs', 'generate', '--empty-catalog'])).ms);
}
const phases: CaseResult[] = Array.from({ length: runs }, () => runCase(benchScript('docs/case-docs-phases.js'), ['--project', project]));
const browser: CaseResult[] = Array.from({ length: Math.min(runs, 3) }, () => runCase(benchScript('docs/case-browser.js'), ['--models', String(models)]));
const median = (values: number[]) => summarize(values).median;
const column = (results: CaseResult[], key: string) => formatRange(summarize(results.map((r) => Number(r[key]))));

const lines = [
  `## docs generate, ${models} models (${runs} runs, ${cpus().length} cores, load average at start ${load})`,
  '',
  '| case | wall ms, median (min–max) | ratio to compile |',
  '|---|---|---|',
  `| sparkify compile (baseline) | ${formatRange(summarize(wall.compile))} | 1.00 |`,
  `| sparkify docs generate --empty-catalog | ${formatRange(summarize(wall.docs))} | ${(median(wall.docs) / median(wall.compile)).toFixed(2)} |`,
  '',
  '| phase (in process) | ms, median (min–max) |',
  '|---|---|',
  ...['compileMs', 'artifactsMs', 'siteDataMs', 'renderMs'].map((key) => `| ${key.replace('Ms', '')} | ${column(phases, key)} |`),
  `| page size | ${phases[0].mb} MB |`,
  `| peak RSS | ${formatRange(summarize(phases.map((r) => r.maxRssKb / 1024)))} MiB |`,
  '',
  `## the page in chromium, ${models} models (${browser.length} runs)`,
  '',
  '| measure | ms, median (min–max) |',
  '|---|---|',
  ...['openMs', 'wholeGraphMs', 'layeredLayoutMs', 'redrawZoomedOutMs', 'redrawOneToOneMs', 'dagre100Ms', 'dagre200Ms', 'dagre400Ms', 'dagre800Ms'].map((key) => `| ${key} | ${column(browser, key)} |`),
  '',
];
process.stdout.write(lines.join('\n'));

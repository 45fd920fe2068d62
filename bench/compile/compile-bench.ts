/**
 * Benchmark 2: compile time of generated projects of N models, one fresh process per run,
 * interleaved. For each N: `sparkify compile` as a whole process, the compile phase in-process
 * (case-compile.ts), and `sparkify ls --select` of two selectors over the graph. The repository's
 * own 5-model project and `sparkify --version` are the fixed-cost baselines of the same session.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchScript, outDir } from '../lib/paths.js';
import { copyRepoProject, fullProjectCopy } from '../lib/repo-project.js';
import { runCase, timeProcess, type CaseResult } from '../lib/runs.js';
import { formatRange, summarize, type Summary } from '../lib/stats.js';
import { markdownTable, mib } from '../lib/table.js';
import { baselineTree } from '../startup/make-baseline.js';
import { generateProject } from './generate-project.js';

/** One measured command or phase and its summaries. */
interface CompileRow {
  models: number;
  case: string;
  command: string;
  ms: Summary;
  cpuMs: Summary;
  rssKb: Summary;
  /** Lines printed (ls: nodes selected). */
  lines?: number;
  /** For the in-process case: median of each phase. */
  phases?: Record<string, number>;
}

type Measure = () => CaseResult & { stdout?: string };

/**
 * The CLI entries the whole-process cases run: bin/sparkify.js, and with --baseline also an earlier
 * commit's build (startup/make-baseline.ts), its cases interleaved with the current ones.
 */
let cliEntries = ['bin/sparkify.js'];

/** A label for the cases of a baseline CLI: `[3541f16]`. */
function cliLabel(entry: string): string {
  const baseline = /baseline-([0-9a-f]+)/.exec(entry);
  return baseline ? ` [${baseline[1]}]` : '';
}

function cli(args: string[], entry = cliEntries[0]): { command: string; measure: Measure } {
  const argv = ['node', entry, ...args];
  return { command: argv.map((a) => (/[\s+*]/.test(a) ? `'${a}'` : a)).join(' '), measure: () => timeProcess(argv) };
}

function cases(models: number, projectDir: string, lastModel: string): Array<{ name: string; command: string; measure: Measure }> {
  const inProcess = ['node', 'dist/bench/compile/case-compile.js', '--project-dir', projectDir, ...(models > 0 ? ['--select', 'tag:finance+'] : [])];
  const perCli = (name: string, args: string[]) => cliEntries.map((entry) => ({ name: name + cliLabel(entry), ...cli(args, entry) }));
  return [
    ...perCli('sparkify compile (process)', ['compile', '--project-dir', projectDir]),
    { name: 'compile phase (in-process)', command: inProcess.join(' '), measure: () => runCase(benchScript('compile/case-compile.js'), inProcess.slice(2)) },
    ...(models > 0 ? [
      ...perCli('ls --select tag:finance+', ['ls', '--project-dir', projectDir, '--select', 'tag:finance+']),
      ...perCli(`ls --select +${lastModel}`, ['ls', '--project-dir', projectDir, '--select', `+${lastModel}`]),
    ] : []),
  ];
}

function summarizeRuns(models: number, name: string, command: string, results: Array<CaseResult & { stdout?: string }>): CompileRow {
  const row: CompileRow = {
    models, case: name, command,
    ms: summarize(results.map((r) => r.ms)),
    cpuMs: summarize(results.map((r) => r.cpuMs)),
    rssKb: summarize(results.map((r) => r.maxRssKb)),
  };
  if (name.startsWith('ls')) row.lines = results[0].stdout!.trim().split('\n').length;
  if (name.includes('in-process')) {
    const phases = ['loadMs', 'readMs', 'compileMs', 'planMs', 'selectMs', 'warmCompileMs'];
    row.phases = Object.fromEntries(phases.map((p) => [p, summarize(results.map((r) => Number(r[p]))).median]));
  }
  return row;
}

/** Measures one project: every case `runs` times, interleaved, after one untimed warm-up each. */
function benchProject(models: number, projectDir: string, lastModel: string, runs: number): CompileRow[] {
  const list = cases(models, projectDir, lastModel);
  for (const c of list) c.measure(); // warm-up: page cache, and compile's target/ exists afterwards
  const samples = list.map(() => [] as Array<CaseResult & { stdout?: string }>);
  for (let i = 0; i < runs; i++) list.forEach((c, k) => samples[k].push(c.measure()));
  return list.map((c, k) => summarizeRuns(models, c.name, c.command, samples[k]));
}

function baselineRows(runs: number): CompileRow[] {
  const versions = cliEntries.map((entry) => ({ name: 'sparkify --version (startup)' + cliLabel(entry), ...cli(['--version'], entry) }));
  // Compared with a baseline, both CLIs read the baseline's own project (the current one may use newer features).
  copyRepoProject(cliEntries.length > 1 ? baselineTree(cliEntries[1]) : undefined);
  const rows = benchProject(0, fullProjectCopy, '', runs).map((row) => ({ ...row, models: 5, case: `repo project: ${row.case}` }));
  const results = versions.map(() => [] as CaseResult[]);
  for (let i = 0; i < runs; i++) versions.forEach((v, k) => results[k].push(v.measure()));
  return [...versions.map((v, k) => summarizeRuns(0, v.name, v.command, results[k])), ...rows];
}

/** The results as a markdown table, with milliseconds per 1,000 models for the big projects. */
export function compileTable(rows: CompileRow[]): string {
  return markdownTable(
    ['models', 'case', 'wall ms median (min–max)', 'CPU ms median', 'wall ms / 1,000 models', 'peak RSS MiB', 'selected'],
    rows.map((r) => [
      String(r.models), r.case, formatRange(r.ms), r.cpuMs.median.toFixed(0),
      r.models >= 1000 ? ((r.ms.median * 1000) / r.models).toFixed(0) : '', mib(r.rssKb.median), r.lines === undefined ? '' : String(r.lines),
    ]),
  );
}

/** The in-process phases (medians): where compile time goes, per 1,000 models. */
export function phaseTable(rows: CompileRow[]): string {
  const phased = rows.filter((r) => r.phases);
  return markdownTable(
    ['models', 'loadProject', 'readProjectFiles', 'compileProject', 'compileProject / 1,000', 'planNodes (all)', 'selectNodes tag:finance+', 'compileProject again (warm)'],
    phased.map((r) => {
      const p = r.phases!;
      const perThousand = r.models >= 1000 ? ((p.compileMs * 1000) / r.models).toFixed(0) : '';
      return [String(r.models), ...[p.loadMs, p.readMs, p.compileMs].map((v) => v.toFixed(0)), perThousand, p.planMs.toFixed(0), Number.isNaN(p.selectMs) ? '' : p.selectMs.toFixed(0), p.warmCompileMs.toFixed(0)];
    }),
  );
}

/** Runs benchmark 2, writes bench/out/results/compile.json and returns the tables as markdown. */
export function runCompileBench(sizes: number[], runs: number, baselineCli?: string): string {
  cliEntries = ['bin/sparkify.js', ...(baselineCli ? [baselineCli] : [])];
  const loadBefore = loadavg()[0];
  const rows = baselineRows(runs);
  for (const models of sizes) {
    const projectDir = `bench/out/project-${models}`;
    const names = generateProject(join(outDir, `project-${models}`), models);
    rows.push(...benchProject(models, projectDir, names[names.length - 1], runs));
    process.stderr.write(`compile: ${models} models done\n`);
  }
  mkdirSync(join(outDir, 'results'), { recursive: true });
  writeFileSync(join(outDir, 'results', 'compile.json'), JSON.stringify({ load: [loadBefore, loadavg()[0]], rows }, null, 2));
  const commands = [...new Set(rows.map((r) => `    ${r.command}`))].join('\n');
  return `${compileTable(rows)}\n\n${phaseTable(rows)}\n\nload average (1 min) before→after: ${loadBefore.toFixed(1)}→${loadavg()[0].toFixed(1)}\n\ncommands:\n${commands}\n`;
}

/**
 * Benchmark 1: loader throughput against PGlite's own COPY, at several data scales.
 * Cases, one fresh process per run, interleaved (a b c d a b c d ...) so drift hits all alike:
 *   (a) pglite COPY      PGlite COPY of the prepared COPY text (the baseline), case-pglite-copy.ts
 *   (b) loader           the loader alone, chunks drained, no database, case-loader.ts
 *   (c) sparkify load    the source's plan through executePlans on PGlite, case-sparkify-load.ts
 *   (d) sparkify build   `sparkify build --select source:...` as a whole process
 */

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchScript, ensureData, outDir } from '../lib/paths.js';
import { ensureTemplate } from '../lib/pglite-dir.js';
import { copyRepoProject, loadProjectCopy } from '../lib/repo-project.js';
import { runCase, timeProcess, type CaseResult } from '../lib/runs.js';
import { formatRange, MB, summarize, type Summary } from '../lib/stats.js';
import { markdownTable, mib } from '../lib/table.js';
import { prepareCopyText } from './copy-text-file.js';

const TABLES = ['staging_events', 'staging_songs'];
const CASES = ['(a) pglite COPY', '(b) loader', '(c) sparkify load', '(d) sparkify build'] as const;
type CaseName = (typeof CASES)[number];

/** The summary of one case at one scale for one table. */
interface LoadRow {
  scale: number;
  table: string;
  case: CaseName;
  ms: Summary;
  cpuMs: Summary;
  rssKb: Summary;
  rows: number;
  jsonBytes: number;
  files: number;
  /** Load averages (1 min) seen before and after this table's runs: how busy the neighbours were. */
  load: [number, number];
}

/**
 * The exact `sparkify build` command of case (d), run from the repository root. `--full-refresh`:
 * without it the load ledger finds every file loaded by the previous run and loads nothing.
 */
export function cliCommand(scale: number, table: string): string[] {
  const vars = JSON.stringify({ data_root: `../data-x${scale}` });
  return ['node', 'bin/sparkify.js', 'build', '--project-dir', loadProjectCopy, '--select', `source:sparkify.${table}`, '--vars', vars, '--full-refresh'];
}

function runOnce(name: CaseName, scale: number, table: string): CaseResult {
  const common = ['--scale', String(scale), '--table', table];
  const dataDir = (tag: string) => ['--data-dir', join(outDir, 'pgdata', `${tag}-x${scale}-${table}`)];
  switch (name) {
    case '(a) pglite COPY': return runCase(benchScript('load/case-pglite-copy.js'), [...common, ...dataDir('a')]);
    case '(b) loader': return runCase(benchScript('load/case-loader.js'), common);
    case '(c) sparkify load': return runCase(benchScript('load/case-sparkify-load.js'), [...common, ...dataDir('c')]);
    case '(d) sparkify build': return timeProcess(cliCommand(scale, table));
  }
}

async function benchTable(scale: number, table: string, runs: number): Promise<LoadRow[]> {
  await prepareCopyText(scale, table);
  // Warm-up, untimed: fills the page cache and creates the CLI project's warehouse, so (d) is a rebuild.
  const sizes = runOnce('(b) loader', scale, table);
  timeProcess(cliCommand(scale, table));
  const loadBefore = loadavg()[0];
  const samples = new Map<CaseName, CaseResult[]>(CASES.map((c) => [c, []]));
  for (let i = 0; i < runs; i++) for (const name of CASES) samples.get(name)!.push(runOnce(name, scale, table));
  const load: [number, number] = [loadBefore, loadavg()[0]];
  return CASES.map((name) => {
    const results = samples.get(name)!;
    return {
      scale, table, case: name, load,
      ms: summarize(results.map((r) => r.ms)),
      cpuMs: summarize(results.map((r) => r.cpuMs)),
      rssKb: summarize(results.map((r) => r.maxRssKb)),
      rows: Number(sizes.rows), jsonBytes: Number(sizes.jsonBytes), files: Number(sizes.files),
    };
  });
}

/** The results as a markdown table; throughput is computed from the median wall time. */
export function loadTable(rows: LoadRow[]): string {
  return markdownTable(
    ['scale', 'table', 'case', 'wall ms median (min–max)', 'CPU ms median', 'JSON MB/s', 'rows/s', 'ms/file', 'peak RSS MiB median (max)'],
    rows.map((r) => {
      const seconds = r.ms.median / 1000;
      return [
        `x${r.scale}`, r.table, r.case, formatRange(r.ms), r.cpuMs.median.toFixed(0),
        (r.jsonBytes / MB / seconds).toFixed(1), (r.rows / seconds).toFixed(0),
        (r.ms.median / r.files).toFixed(2), `${mib(r.rssKb.median)} (${mib(r.rssKb.max)})`,
      ];
    }),
  );
}

/** (b), (c), (d) over (a) per scale and table, by median wall and median CPU time. */
export function ratioTable(rows: LoadRow[]): string {
  const groups = [...new Set(rows.map((r) => `${r.scale}|${r.table}`))].map((key) => rows.filter((r) => `${r.scale}|${r.table}` === key));
  return markdownTable(
    ['scale', 'table', '(c)/(a) wall', '(c)/(a) CPU', '(d)/(a) wall', '(b)/(a) wall', 'load avg before→after'],
    groups.map(([a, b, c, d]) => [
      `x${a.scale}`, a.table,
      (c.ms.median / a.ms.median).toFixed(2), (c.cpuMs.median / a.cpuMs.median).toFixed(2),
      (d.ms.median / a.ms.median).toFixed(2), (b.ms.median / a.ms.median).toFixed(2),
      `${a.load[0].toFixed(1)}→${a.load[1].toFixed(1)}`,
    ]),
  );
}

/** Options of benchmark 1. */
export interface LoadBenchOptions {
  scales: number[];
  /** Runs per case at scales up to 100, and above it (those take longer). */
  runs: number;
  bigRuns: number;
}

/** Runs benchmark 1, writes bench/out/results/load.json and returns the tables as markdown. */
export async function runLoadBench(options: LoadBenchOptions): Promise<string> {
  copyRepoProject();
  ensureTemplate();
  const rows: LoadRow[] = [];
  for (const scale of options.scales) {
    ensureData(scale);
    for (const table of TABLES) {
      rows.push(...(await benchTable(scale, table, scale > 100 ? options.bigRuns : options.runs)));
      process.stderr.write(`load: x${scale} ${table} done\n`);
    }
  }
  rmSync(join(outDir, 'pgdata'), { recursive: true, force: true }); // the copies of the template take ~40 MB each
  mkdirSync(join(outDir, 'results'), { recursive: true });
  writeFileSync(join(outDir, 'results', 'load.json'), JSON.stringify(rows, null, 2));
  return `${loadTable(rows)}\n\n${ratioTable(rows)}\n`;
}

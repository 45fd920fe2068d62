/**
 * Benchmark 1: loader throughput against PGlite's own COPY, at several data scales.
 * Cases, one fresh process per run, interleaved (a b c d a b c d ...) so drift hits all alike:
 *   (a) pglite-copy     PGlite COPY of the prepared COPY text (the baseline)
 *   (b) loader          the loader alone, chunks drained, no database
 *   (c) sparkify-load   the source's plan through executePlans on the PGlite adapter
 *   (d) sparkify build  `sparkify build --select source:...` as a whole process
 */

import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchScript, ensureData, outDir, repoRoot } from '../lib/paths.js';
import { runCase, timeProcess } from '../lib/runs.js';
import { MB, summarize, type Summary } from '../lib/stats.js';
import { markdownTable, mib } from '../lib/table.js';
import { prepareCopyText } from './copy-text-file.js';
import { caseArgs } from './source-table.js';

const TABLES = ['staging_events', 'staging_songs'];
const CASES = ['a pglite-copy', 'b loader', 'c sparkify-load', 'd sparkify build'] as const;
type CaseName = (typeof CASES)[number];

/** The summary of one case at one scale for one table. */
interface LoadRow {
  scale: number;
  table: string;
  case: CaseName;
  ms: Summary;
  rssKb: Summary;
  rows: number;
  jsonBytes: number;
  copyBytes: number;
  files: number;
}

const cliProject = join(outDir, 'load-project');

/** A copy of the repository's project under bench/out/, so `build` writes its warehouse and target/ there. */
function prepareCliProject(): void {
  mkdirSync(cliProject, { recursive: true });
  for (const entry of ['project.yml', 'sources.yml', 'models', 'macros']) {
    cpSync(join(repoRoot, entry), join(cliProject, entry), { recursive: true });
  }
}

function runOnce(name: CaseName, scale: number, table: string): { ms: number; maxRssKb: number; [k: string]: unknown } {
  const common = ['--scale', String(scale), '--table', table];
  const dataDir = (tag: string) => ['--data-dir', join(outDir, 'pgdata', `${tag}-x${scale}-${table}`)];
  if (name === 'a pglite-copy') return runCase(benchScript('load/case-pglite-copy.js'), [...common, ...dataDir('a')], 1)[0];
  if (name === 'b loader') return runCase(benchScript('load/case-loader.js'), common, 1)[0];
  if (name === 'c sparkify-load') return runCase(benchScript('load/case-sparkify-load.js'), [...common, ...dataDir('c')], 1)[0];
  const { ms, maxRssKb } = timeProcess(cliCommand(scale, table), 1)[0];
  return { ms, maxRssKb };
}

/** The exact `sparkify build` command of case (d), run from the repository root. */
export function cliCommand(scale: number, table: string): string[] {
  const vars = JSON.stringify({ data_root: `../data-x${scale}` });
  return ['node', 'bin/sparkify.js', 'build', '--project-dir', 'bench/out/load-project', '--select', `source:sparkify.${table}`, '--vars', vars];
}

async function benchScale(scale: number, runs: number): Promise<LoadRow[]> {
  ensureData(scale);
  const rows: LoadRow[] = [];
  for (const table of TABLES) {
    await prepareCopyText(scale, table);
    // Warm-up, untimed: fills the page cache and creates the CLI project's warehouse, so (d) is a rebuild.
    runOnce('b loader', scale, table);
    timeProcess(cliCommand(scale, table), 1);
    const samples = new Map<CaseName, Array<{ ms: number; maxRssKb: number; [k: string]: unknown }>>(CASES.map((c) => [c, []]));
    for (let i = 0; i < runs; i++) for (const name of CASES) samples.get(name)!.push(runOnce(name, scale, table));
    const loader = samples.get('b loader')![0];
    for (const name of CASES) {
      const runsOf = samples.get(name)!;
      rows.push({
        scale, table, case: name,
        ms: summarize(runsOf.map((r) => r.ms)),
        rssKb: summarize(runsOf.map((r) => r.maxRssKb)),
        rows: Number(loader.rows), jsonBytes: Number(loader.jsonBytes), copyBytes: Number(loader.copyBytes), files: Number(loader.files),
      });
    }
    process.stderr.write(`done: x${scale} ${table}\n`);
  }
  return rows;
}

/** The results as a markdown table; throughput is computed from the median time. */
export function loadTable(rows: LoadRow[]): string {
  const f0 = (n: number) => n.toFixed(0);
  return markdownTable(
    ['scale', 'table', 'case', 'median ms', 'min ms', 'max ms', 'JSON MB/s', 'COPY MB/s', 'rows/s', 'ms/file', 'peak RSS MiB (median, max)'],
    rows.map((r) => {
      const seconds = r.ms.median / 1000;
      return [
        `x${r.scale}`, r.table, r.case, f0(r.ms.median), f0(r.ms.min), f0(r.ms.max),
        (r.jsonBytes / MB / seconds).toFixed(1), (r.copyBytes / MB / seconds).toFixed(1), f0(r.rows / seconds),
        (r.ms.median / r.files).toFixed(2), `${mib(r.rssKb.median)}, ${mib(r.rssKb.max)}`,
      ];
    }),
  );
}

/** (c) / (a) and (d) / (a) per scale and table: the overhead over the engine's own COPY. */
export function ratioTable(rows: LoadRow[]): string {
  const find = (scale: number, table: string, name: CaseName) => rows.find((r) => r.scale === scale && r.table === table && r.case === name)!;
  const keys = [...new Set(rows.map((r) => `${r.scale} ${r.table}`))].map((k) => k.split(' '));
  return markdownTable(
    ['scale', 'table', '(c) / (a)', '(d) / (a)', '(b) / (a)', '(c) − (a) − (b) ms'],
    keys.map(([s, table]) => {
      const scale = Number(s);
      const [a, b, c, d] = CASES.map((name) => find(scale, table, name).ms.median);
      return [`x${scale}`, table, (c / a).toFixed(2), (d / a).toFixed(2), (b / a).toFixed(2), (c - a - b).toFixed(0)];
    }),
  );
}

/** Runs benchmark 1 and prints its tables; returns them as markdown. */
export async function runLoadBench(argv: string[]): Promise<string> {
  const args = caseArgs(argv);
  const scales = (args.scales ?? '100,300').split(',').map(Number);
  const runs = Number(args.runs ?? 5);
  const bigRuns = Number(args['big-runs'] ?? 3);
  prepareCliProject();
  const rows: LoadRow[] = [];
  for (const scale of scales) rows.push(...(await benchScale(scale, scale > 100 ? bigRuns : runs)));
  rmSync(join(outDir, 'pgdata'), { recursive: true, force: true });
  mkdirSync(join(outDir, 'results'), { recursive: true });
  writeFileSync(join(outDir, 'results', 'load.json'), JSON.stringify(rows, null, 2));
  const text = `${loadTable(rows)}\n\n${ratioTable(rows)}\n`;
  process.stdout.write(text);
  return text;
}

/**
 * The benchmarks of issue 13 (the fast loop), each case a fresh process, cases interleaved round by
 * round, CPU time and memory of the whole process tree (../lib/measure-tree.ts):
 *  - compile: `dataform compile` (2.6.7, installed under bench/out/dataform, never a sparkify
 *    dependency) against `sparkify compile` of the same generated graph, from cold (no target/, no
 *    .sparkify/) and with nothing changed since the last compile;
 *  - build: `sparkify --version`, a first `sparkify build` of a fresh copy of the repository's
 *    project (the machine's pristine PGlite already made) and a rebuild with nothing changed, with
 *    the time to the first line of output and the longest silence.
 * Usage: node dist/bench/fastloop/run-fastloop.js [--models 1000,5000] [--runs 3] [--build-runs 7] [--only compile|build]
 *   [--baseline <commit>]  (build: that commit's CLI too, interleaved; see ../startup/make-baseline.ts)
 *   [--tier-up 1]  (build: the same CLI with SPARKIFY_WASM_TIER_UP=1 too, V8's default WASM tiering)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { caseArgs } from '../lib/args.js';
import { measureTree, type TreeRun } from '../lib/measure-tree.js';
import { outDir, repoRoot } from '../lib/paths.js';
import { formatRange, summarize } from '../lib/stats.js';
import { markdownTable } from '../lib/table.js';
import { generateProject } from '../compile/generate-project.js';
import { generateDataformProject } from '../compile/generate-dataform.js';
import { makeBaseline } from '../startup/make-baseline.js';

const args = caseArgs(process.argv.slice(2));
const root = join(outDir, 'fastloop');
const dataformHome = join(outDir, 'dataform');
const BIN = join(repoRoot, 'bin/sparkify.js');

/** One case: a command, and what to do before each run (untimed). */
interface Case {
  label: string;
  command: string[];
  before?: () => void;
  cwd?: string;
  env?: Record<string, string>;
}

/** Runs every case `runs` times, interleaved, after one untimed warm-up round. */
async function interleave(cases: Case[], runs: number): Promise<TreeRun[][]> {
  const samples = cases.map(() => [] as TreeRun[]);
  for (let round = -1; round < runs; round++) {
    for (const [k, c] of cases.entries()) {
      c.before?.();
      const run = await measureTree(c.command, { cwd: c.cwd, env: c.env });
      if (round >= 0) samples[k].push(run);
      process.stderr.write(`${c.label}: ${run.ms.toFixed(0)} ms wall, ${run.cpuMs.toFixed(0)} ms CPU, ${(run.peakRssKb / 1024).toFixed(0)} MiB\n`);
    }
  }
  return samples;
}

function installDataform(): void {
  if (existsSync(join(dataformHome, 'node_modules/.bin/dataform'))) return;
  mkdirSync(dataformHome, { recursive: true });
  writeFileSync(join(dataformHome, 'package.json'), '{"name":"bench-dataform","private":true}\n');
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '@dataform/cli@2.6.7', '@dataform/core@2.6.7'], { cwd: dataformHome, stdio: 'inherit' });
  if (npm.status !== 0) throw new Error('npm install of @dataform/cli@2.6.7 failed');
}

const median = (runs: TreeRun[], pick: (r: TreeRun) => number) => summarize(runs.map(pick)).median;

async function compileBench(sizes: number[], runs: number): Promise<string> {
  installDataform();
  const rows: string[][] = [];
  for (const models of sizes) {
    const sparkifyDir = join(root, `project-${models}`);
    const dataformDir = join(root, `dataform-${models}`);
    generateProject(sparkifyDir, models);
    generateDataformProject(dataformDir, models, join(dataformHome, 'node_modules'));
    const load = loadavg()[0];
    const timeout = `${Math.max(600, models / 5)}s`; // its default gives up past ~1,000 models on this machine
    const cases: Case[] = [
      { label: `dataform compile ${models}`, command: [join(dataformHome, 'node_modules/.bin/dataform'), 'compile', dataformDir, '--json', '--track=false', '--timeout', timeout] },
      { label: `sparkify compile ${models}, cold`, command: ['node', BIN, 'compile', '--project-dir', sparkifyDir], before: () => ['target', '.sparkify'].forEach((d) => rmSync(join(sparkifyDir, d), { recursive: true, force: true })) },
      { label: `sparkify compile ${models}, nothing changed`, command: ['node', BIN, 'compile', '--project-dir', sparkifyDir] },
    ];
    const samples = await interleave(cases, runs);
    const base = samples[0];
    for (const [k, c] of cases.entries()) {
      const s = samples[k];
      const ratio = (pick: (r: TreeRun) => number) => (k === 0 ? '' : (median(base, pick) / median(s, pick)).toFixed(1));
      rows.push([String(models), c.label.replace(` ${models}`, ''), formatRange(summarize(s.map((r) => r.ms))), median(s, (r) => r.cpuMs).toFixed(0),
        (median(s, (r) => r.peakRssKb) / 1024).toFixed(0), ratio((r) => r.ms), ratio((r) => r.cpuMs), k === 0 ? '' : (median(s, (r) => r.peakRssKb) / median(base, (r) => r.peakRssKb)).toFixed(2),
        `${load.toFixed(1)}→${loadavg()[0].toFixed(1)}`]);
    }
  }
  return markdownTable(['models', 'case', 'wall ms median (min–max)', 'CPU ms median', 'peak RSS MiB', 'Dataform/this wall', 'Dataform/this CPU', 'RSS this/Dataform', 'load avg'], rows);
}

/** A fresh copy of the repository's project at `folder` (the project files only). */
function copyProject(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const entry of ['project.yml', 'sources.yml', 'models', 'macros', 'tests', 'seeds', 'snapshots', 'data']) cpSync(join(repoRoot, entry), join(folder, entry), { recursive: true });
}

/** A first build and a rebuild of a copy of the repository's project with the CLI at `bin`. */
function buildCases(bin: string, folder: string, suffix: string, env?: Record<string, string>): Case[] {
  copyProject(folder);
  const build = ['node', bin, 'build', '--project-dir', folder];
  return [
    { label: `first build (new project, machine cache warm)${suffix}`, command: build, env, before: () => ['target', '.sparkify'].forEach((d) => rmSync(join(folder, d), { recursive: true, force: true })) },
    { label: `rebuild, nothing changed${suffix}`, command: build, env },
  ];
}

async function buildBench(runs: number): Promise<string> {
  const load = loadavg()[0];
  const cases: Case[] = [{ label: 'sparkify --version', command: ['node', BIN, '--version'] }, ...buildCases(BIN, join(root, 'build-project'), '')];
  // With --baseline <commit>: the same first build and rebuild by that commit's CLI, interleaved.
  // With --tier-up: the same CLI with V8's default WASM tiering (src/engines/pglite/wasm-compiler.ts).
  if (args['tier-up']) cases.push(...buildCases(BIN, join(root, 'build-project-tier-up'), ', SPARKIFY_WASM_TIER_UP=1', { SPARKIFY_WASM_TIER_UP: '1' }));
  if (args.baseline) cases.push(...buildCases(join(repoRoot, makeBaseline(args.baseline)), join(root, 'build-project-baseline'), `, baseline ${args.baseline}`));
  const samples = await interleave(cases, runs);
  const rows = cases.map((c, k) => {
    const s = samples[k];
    return [c.label, formatRange(summarize(s.map((r) => r.ms))), median(s, (r) => r.cpuMs).toFixed(0), (median(s, (r) => r.peakRssKb) / 1024).toFixed(0),
      median(s, (r) => r.firstOutputMs).toFixed(0), median(s, (r) => r.longestSilenceMs).toFixed(0), (median(s, (r) => r.ms) / median(samples[0], (r) => r.ms)).toFixed(1),
      (median(s, (r) => r.cpuMs) / median(samples[0], (r) => r.cpuMs)).toFixed(1)];
  });
  return markdownTable(['case', 'wall ms median (min–max)', 'CPU ms median', 'peak RSS MiB', 'first output ms', 'longest silence ms', '× --version wall', '× --version CPU'], rows)
    + `\n\nload average (1 min) ${load.toFixed(1)}→${loadavg()[0].toFixed(1)}\n`;
}

const runs = Number(args.runs ?? 3);
mkdirSync(root, { recursive: true });
const out: string[] = [];
if (args.only !== 'build') out.push(await compileBench((args.models ?? '1000,5000').split(',').map(Number), runs));
if (args.only !== 'compile') out.push(await buildBench(Number(args['build-runs'] ?? 7)));
process.stdout.write(out.join('\n\n') + '\n');

/**
 * PGlite 0.5.16 (sparkify's) against 0.6.1, installed for the benchmark only under
 * bench/out/pglite-<version> (never a sparkify dependency): initdb, open + queries, COPY, each in a
 * fresh process, versions interleaved. Usage: node dist/bench/pglite-versions/run-pglite-versions.js [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { caseArgs } from '../lib/args.js';
import { benchScript, outDir } from '../lib/paths.js';
import { runCase, type CaseResult } from '../lib/runs.js';
import { formatRange, summarize } from '../lib/stats.js';
import { markdownTable } from '../lib/table.js';

const VERSIONS = ['0.5.16', '0.6.1'];
const runs = Number(caseArgs(process.argv.slice(2)).runs ?? 5);

function install(version: string): string {
  const home = join(outDir, `pglite-${version}`);
  const index = join(home, 'node_modules/@electric-sql/pglite/dist/index.js');
  if (existsSync(index)) return index;
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'package.json'), '{"name":"bench-pglite","private":true}\n');
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', `@electric-sql/pglite@${version}`], { cwd: home, stdio: 'inherit' });
  if (npm.status !== 0) throw new Error(`npm install of @electric-sql/pglite@${version} failed`);
  return index;
}

const modules = VERSIONS.map(install);
const script = benchScript('pglite-versions/case-pglite.js');
const dir = (k: number) => join(outDir, 'pglite-versions', `db-${VERSIONS[k]}`);
mkdirSync(join(outDir, 'pglite-versions'), { recursive: true }); // PGlite makes only the last folder of a path
const load = loadavg()[0];
const rows: string[][] = [];
for (const op of ['initdb', 'open', 'copy']) {
  const samples = VERSIONS.map(() => [] as CaseResult[]);
  for (let round = op === 'initdb' ? 0 : -1; round < runs; round++) {
    VERSIONS.forEach((_, k) => {
      const result = runCase(script, ['--module', modules[k], '--op', round < 0 ? 'initdb' : op, '--dir', dir(k)]);
      if (round >= 0) samples[k].push(result);
    });
  }
  VERSIONS.forEach((version, k) => {
    const s = samples[k];
    const med = (key: string) => summarize(s.map((r) => Number(r[key]))).median;
    rows.push([op, version, formatRange(summarize(s.map((r) => r.ms))), med('cpuMs').toFixed(0), med('readyCpuMs').toFixed(0), (med('maxRssKb') / 1024).toFixed(0),
      k === 0 ? '' : (med('cpuMs') / summarize(samples[0].map((r) => r.cpuMs)).median).toFixed(2)]);
  });
}
process.stdout.write(markdownTable(['operation', 'PGlite', 'wall ms median (min–max)', 'CPU ms median', 'CPU ms to ready', 'peak RSS MiB', 'CPU ratio to 0.5.16'], rows));
process.stdout.write(`\n\n${runs} runs each, interleaved; load average (1 min) ${load.toFixed(1)}→${loadavg()[0].toFixed(1)}\n`);

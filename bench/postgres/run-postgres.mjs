// Issue 3: sparkify on native PostgreSQL vs plain psql. Usage (after `npx tsc -p .`):
//   node bench/postgres/run-postgres.mjs [--rounds 3] [--data bench/out/data-x100]
// Starts a throwaway server (test/support/postgres-server), runs the cases interleaved, prints markdown.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const ROUNDS = Number(arg('--rounds', '3'));
const DATA = resolve(root, arg('--data', 'bench/out/data-x100'));
const { startPostgresServer } = await import(join(root, 'dist/test/support/postgres-server.js'));

// A private copy of the project so that target/ of the main checkout is left alone.
const proj = mkdtempSync(join(tmpdir(), 'sparkify-pgbench-'));
for (const p of ['project.yml', 'sources.yml', 'models', 'macros', 'seeds', 'tests']) {
  if (existsSync(join(root, p))) cpSync(join(root, p), join(proj, p), { recursive: true });
}
const csvFile = join(proj, 'staging_events.csv');
const server = await startPostgresServer('sparkify_bench');
const url = server.url();
const env = { ...process.env, SPARKIFY_PG_URL: url };
const vars = JSON.stringify({ data_root: DATA });
const cli = join(root, 'bin/sparkify.js');

function run(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, cwd: proj, encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return s;
}
const sparkify = (...a) => run(process.execPath, [cli, ...a, '--project-dir', proj, '--target', 'pg', '--vars', vars]);
const psql = (...a) => run('/usr/bin/psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...a]);
const resetSchema = () => server.query('drop schema if exists public cascade; create schema public');
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

try {
  // Preparation, untimed: one load, the CSV of the same rows, the copy table, one full build for target/run.
  sparkify('build', '--select', 'source:sparkify.staging_events', '--indirect-selection', 'empty');
  const rows = Number((await server.query('select count(*)::int as n from public.staging_events'))[0].n);
  const jsonBytes = walk(join(DATA, 'log_data')).reduce((s, f) => s + statSync(f).size, 0);
  psql('-c', `\\copy (select * from public.staging_events) to '${csvFile}' csv`);
  await server.query('create table public.staging_events_copy (like public.staging_events)');
  const csvBytes = statSync(csvFile).size;
  await resetSchema();
  sparkify('build', '--threads', '1');
  const order = ['artists', 'songs', 'time', 'users', 'songplays'];
  const runFiles = walk(join(proj, 'target/run/models')).filter((f) => f.endsWith('.sql') && !f.includes('schema.yml') && !f.endsWith('.incremental.sql'));
  const modelSql = order.map((m) => {
    const f = runFiles.find((x) => x.endsWith(`/${m}.sql`));
    if (!f) throw new Error(`no run SQL for ${m}`);
    return `-- ${m}\n${readFileSync(f, 'utf8')}\n`;
  }).join('\n');
  const modelsFile = join(proj, 'models-by-hand.sql');
  writeFileSync(modelsFile, modelSql);

  const t = { load: [], copy: [], b1: [], b4: [], hand: [] };
  for (let i = 0; i < ROUNDS; i++) {
    await server.query('drop table if exists public.staging_events_copy; create table public.staging_events_copy (like public.staging_events)');
    // --full-refresh: the load ledger would otherwise find every file loaded by the last build and load nothing.
    t.load.push(sparkify('build', '--select', 'source:sparkify.staging_events', '--indirect-selection', 'empty', '--full-refresh'));
    await server.query('truncate public.staging_events_copy');
    t.copy.push(psql('-c', `\\copy public.staging_events_copy FROM '${csvFile}' WITH (FORMAT csv)`));
    await resetSchema();
    t.b1.push(sparkify('build', '--threads', '1'));
    await resetSchema();
    t.b4.push(sparkify('build', '--threads', '4'));
    // staging tables are loaded by the build just run; the model SQL swaps tables, so it reruns cleanly
    t.hand.push(psql('-f', modelsFile));
    console.error(`round ${i + 1}: ` + Object.entries(t).map(([k, v]) => `${k}=${v.at(-1).toFixed(2)}s`).join(' '));
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const f = (x) => x.toFixed(2);
  const line = (name, a, extra = '') => `| ${name} | ${f(med(a))} | ${f(Math.min(...a))} | ${f(Math.max(...a))} | ${extra} |`;
  const mb = jsonBytes / 1e6;
  const out = [
    `staging_events: ${rows} rows, ${f(mb)} MB JSON (log_data), ${f(csvBytes / 1e6)} MB CSV; ${ROUNDS} interleaved rounds`,
    '',
    '| case | median s | min s | max s | throughput (median) |',
    '|---|---:|---:|---:|---|',
    line('sparkify load staging_events (whole process)', t.load, `${Math.round(rows / med(t.load))} rows/s, ${f(mb / med(t.load))} MB/s JSON`),
    line('psql \\copy same rows as CSV', t.copy, `${Math.round(rows / med(t.copy))} rows/s, ${f(csvBytes / 1e6 / med(t.copy))} MB/s CSV`),
    line('sparkify build --threads 1 (loads + models + tests)', t.b1),
    line('sparkify build --threads 4 (loads + models + tests)', t.b4),
    line('psql -f the 5 model statements (no loads, no tests)', t.hand),
    '',
    `Ratios of medians: load/\\copy = ${f(med(t.load) / med(t.copy))}x; build t1/psql = ${f(med(t.b1) / med(t.hand))}x; build t4/psql = ${f(med(t.b4) / med(t.hand))}x; build t1/t4 = ${f(med(t.b1) / med(t.b4))}x`,
    '',
    'Raw seconds: ' + JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.map((x) => +x.toFixed(3))]))),
  ];
  console.log(out.join('\n'));
} finally {
  await server.stop();
  rmSync(proj, { recursive: true, force: true });
}

/** The scenarios of issue 12's "Done when", as node:test cases for one engine. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { REPO_ROOT, sharedDataVars } from '../e2e/helpers.js';
import { assertSameTables, dayFile, fromScratch, mustBuild, project, putBack, takeOut, type Engine } from './scenarios.js';

const LOGGED_OUT = JSON.stringify({ auth: 'Logged Out', itemInSession: 0, level: 'free', method: 'GET', page: 'Home', sessionId: 1, status: 200, ts: 1543600000000, userId: '' });
const EVENTS_LINE = /OK loaded source sparkify\.staging_events \.+ \[([^\]]*)\]/;

/** Registers the scenarios for `engine`; `extraEnv` reaches the CLI of the kill test. */
export function ledgerScenarios(engine: () => Engine): void {
  let scratch: Record<string, string[]>;
  before(async () => {
    scratch = await fromScratch(engine());
  });

  test('29 days, then the 30th: only the new file is read, and every table equals a build from scratch', async () => {
    const dir = project();
    const day30 = takeOut(dir, 30);
    await mustBuild(engine(), dir);
    const first = await engine().ledger(dir);
    putBack(dir, 30, day30);
    const second = await mustBuild(engine(), dir);
    assert.match(second.stdout, /OK loaded source sparkify\.staging_events \.+ \[1 new file, 12 rows; 29 unchanged in/);
    assert.match(second.stdout, /OK loaded source sparkify\.staging_songs \.+ \[0 new files; 20 unchanged in/);
    assert.match(second.stdout, /OK updated incremental model public\.songplays \.+ \[INSERT 9 in/);
    // The 29 files loaded before keep their load; the 30th alone came with the new one.
    const ledger = await engine().ledger(dir);
    assert.equal(ledger.length, 30);
    const added = ledger.filter((entry) => !first.some((old) => old.file_key === entry.file_key));
    assert.deepEqual(added.map((e) => e.file_key.endsWith('2018-11-30-events.json')), [true]);
    assert.equal(Number(added[0].rows_loaded), 12);
    assert.deepEqual(ledger.filter((e) => e !== added[0]), first);
    assert.notEqual(added[0].load_id, first[0].load_id);
    assertSameTables(await engine().tables(dir), scratch);
    const third = await mustBuild(engine(), dir);
    assert.match(third.stdout, /OK loaded source sparkify\.staging_events \.+ \[0 new files; 30 unchanged in/);
    assert.match(third.stdout, /OK updated incremental model public\.songplays \.+ \[INSERT 0 in/);
    assert.match(third.stdout, /OK snapshotted snapshot public\.users_snapshot \.+ \[INSERT 0 in/);
    assertSameTables(await engine().tables(dir), scratch);
  });

  test('a middle day removed, then added back late: a full reload, then an append, equal to a build from scratch', async () => {
    const dir = project();
    await mustBuild(engine(), dir);
    const day15 = takeOut(dir, 15);
    const removed = await mustBuild(engine(), dir);
    assert.match(removed.stdout, EVENTS_LINE);
    assert.match(removed.stdout, /full reload: 1 file gone \(.*2018-11-15-events\.json\)/);
    assert.match(removed.stdout, /full rebuild: source sparkify\.staging_events was reloaded in full \(1 file gone/);
    putBack(dir, 15, day15);
    const late = await mustBuild(engine(), dir);
    assert.match(late.stdout, /\[1 new file, \d+ rows; 29 unchanged in/);
    assertSameTables(await engine().tables(dir), scratch);
  });

  test('a file changed since it was loaded reloads the source in full and says so', async () => {
    const dir = project();
    await mustBuild(engine(), dir);
    const file = join(dir, dayFile(20));
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`); // the day's last event taken out
    const changed = await mustBuild(engine(), dir);
    assert.match(changed.stdout, /full reload: 1 file changed since loaded \(.*2018-11-20-events\.json\)/);
    assert.match(changed.stdout, /OK created incremental model public\.songplays/);
  });

  test('a file touched or copied again with the same bytes is not reloaded; other bytes of the same size are', async () => {
    const dir = project();
    await mustBuild(engine(), dir);
    const file = join(dir, dayFile(7));
    const ledger = await engine().query(dir, 'select file_key, checksum from public.staging_events__sparkify_ledger');
    const entry = ledger.find((row) => String(row.file_key) === file);
    assert.equal(entry?.checksum, createHash('sha256').update(readFileSync(file)).digest('hex'), 'the ledger keeps the SHA-256 of the bytes loaded');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    const touched = await mustBuild(engine(), dir);
    assert.match(touched.stdout, /OK loaded source sparkify\.staging_events \.+ \[0 new files; 30 unchanged in/);
    // Same length, other bytes: one user id digit changed, with a new modification time again.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/"userId":"(\d)/, (_, d: string) => `"userId":"${d === '9' ? '8' : '9'}`));
    utimesSync(file, new Date(later.getTime() + 60_000), new Date(later.getTime() + 60_000));
    const rewritten = await mustBuild(engine(), dir);
    assert.match(rewritten.stdout, /full reload: 1 file changed since loaded \(.*2018-11-07-events\.json\)/);
  });

  test('--full-refresh reloads every file and rebuilds songplays', async () => {
    const dir = project();
    await mustBuild(engine(), dir);
    const refreshed = await mustBuild(engine(), dir, ['--full-refresh']);
    assert.match(refreshed.stdout, /OK loaded source sparkify\.staging_events \.+ \[COPY 1075 in [\d.]+s\]\n.*full reload: --full-refresh/);
    assertSameTables(await engine().tables(dir), scratch);
  });

  test('another data_root: the sources reload, songplays rebuilds, and the tables equal a fresh build there', async () => {
    const dir = project();
    await mustBuild(engine(), dir);
    const moved = await mustBuild(engine(), dir, ['--vars', sharedDataVars()]);
    assert.match(moved.stdout, /full reload: the location holds none of the 30 files loaded before/);
    assert.match(moved.stdout, /full rebuild: source sparkify\.staging_events was reloaded in full/);
    assert.match(moved.stdout, /Done\. PASS=\d+ WARN=0 ERROR=0 SKIP=0/);
    assertSameTables(await engine().tables(dir), await fromScratch(engine(), ['--vars', sharedDataVars()]));
  });

  test('a column added in sources.yml: that source reloads in full and says why, the other appends as before', async () => {
    const dir = project();
    await mustBuild(engine(), dir);
    editSources(dir, (text) => text.replace(/(- name: staging_songs[\s\S]*?columns:\n)/, '$1          - name: year_note\n            type: text\n'));
    const changed = await mustBuild(engine(), dir);
    assert.match(changed.stdout, /OK loaded source sparkify\.staging_songs \.+ \[COPY 20 in [\d.]+s\]\n.*full reload: its columns, JSONPaths or load options in sources\.yml changed since it was loaded/);
    assert.match(changed.stdout, /OK loaded source sparkify\.staging_events \.+ \[0 new files; 30 unchanged in/);
    const columns = await engine().query(dir, "select column_name from information_schema.columns where table_name = 'staging_songs' and column_name = 'year_note'");
    assert.equal(columns.length, 1);
    const again = await mustBuild(engine(), dir);
    assert.match(again.stdout, /OK loaded source sparkify\.staging_songs \.+ \[0 new files; 20 unchanged in/);
    // staging_songs has the new column now (all NULL); the tables built from it are as before.
    const { staging_songs: songs, ...built } = await engine().tables(dir);
    assert.deepEqual(songs.map((row) => row.replace('"year_note": null, ', '')), scratch.staging_songs);
    assertSameTables(built, Object.fromEntries(Object.entries(scratch).filter(([table]) => table !== 'staging_songs')));
  });

  test('origin_columns: each staged row names the file and line it came from, through a full load and an append', async () => {
    const dir = project();
    editSources(dir, (text) => text.replace('        timeformat: auto\n', '        timeformat: auto\n        origin_columns: true\n'));
    const day30 = takeOut(dir, 30);
    await mustBuild(engine(), dir);
    putBack(dir, 30, day30);
    const appended = await mustBuild(engine(), dir);
    assert.match(appended.stdout, /\[1 new file, 12 rows; 29 unchanged in/);
    const rows = await engine().query(dir, 'select _sparkify_file as file, _sparkify_line as line, ts, session_id, item_in_session from public.staging_events');
    assert.equal(rows.length, scratch.staging_events.length);
    const keys = new Set((await engine().ledger(dir)).map((entry) => entry.file_key));
    const texts = new Map<string, string[]>();
    for (const row of rows) {
      const file = String(row.file);
      assert.ok(keys.has(file), `${file} is a file of the ledger`);
      if (!texts.has(file)) texts.set(file, readFileSync(file, 'utf8').split('\n'));
      const record = JSON.parse(texts.get(file)![Number(row.line) - 1]) as { ts: number; sessionId: number; itemInSession: number };
      assert.deepEqual([String(record.ts), record.sessionId, record.itemInSession], [String(row.ts), row.session_id, row.item_in_session], `${file}:${String(row.line)}`);
    }
    assert.equal(texts.size, 30);
    assertSameTables(await engine().tables(dir), scratch);
  });

  test('killed (SIGKILL) during an incremental load: the next build equals a build from scratch', async () => {
    const dir = project();
    const day30 = takeOut(dir, 30);
    await mustBuild(engine(), dir);
    putBack(dir, 30, day30);
    // A big new file keeps the load busy long enough to be killed in the middle of it: logged-out
    // page views (no user), which no model reads.
    appendFileSync(join(dir, dayFile(30)), `${LOGGED_OUT}\n`.repeat(200_000));
    const cli = (await engine().cli?.(dir)) ?? { args: [], env: {} };
    await killDuringLoad(dir, cli.args, cli.env);
    const after = await mustBuild(engine(), dir);
    assert.match(after.stdout, EVENTS_LINE);
    // What the killed build began left nothing behind: the next one loads the new file (once).
    assert.match(after.stdout, /\[1 new file, \d+ rows; 29 unchanged in/);
    const ledger = await engine().ledger(dir);
    assert.equal(ledger.length, 30);
    const { staging_events: staged, ...models } = await engine().tables(dir);
    assert.equal(staged.length, scratch.staging_events.length + 200_000);
    assertSameTables(models, Object.fromEntries(Object.entries(scratch).filter(([t]) => t !== 'staging_events')));
  });
}

/** Rewrites the project's sources.yml. */
function editSources(dir: string, edit: (text: string) => string): void {
  const file = join(dir, 'sources.yml');
  const text = readFileSync(file, 'utf8');
  const edited = edit(text);
  assert.notEqual(edited, text, 'the edit changed sources.yml');
  writeFileSync(file, edited);
}

/** Starts a build and kills it with SIGKILL once staging_events is being loaded. */
async function killDuringLoad(dir: string, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/sparkify.js'), 'build', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env } });
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const watch = (data: Buffer) => {
      seen += data.toString();
      // The seed's line is printed just before the source starts loading.
      if (/1 of \d+ OK loaded seed/.test(seen) && !child.killed) setTimeout(() => child.kill('SIGKILL'), 150);
      if (/OK loaded source sparkify\.staging_events/.test(seen)) reject(new Error(`the load ended before the kill:\n${seen}`));
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the build ended (${code}) before it was killed:\n${seen}`))));
  });
}

/**
 * Acceptance: the real Sparkify sample in ../shared/sparkify-data (see its README.md), loaded with
 * the staging tables' real mappings, checked against the raw files and by COPY into PostgreSQL (PGlite).
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { copyColumns, openSourceStream } from '../../src/load/index.js';
import type { SourceTable } from '../../src/project/types.js';
import { columns, load, repoRoot, sourceTable, tempProject } from './helpers.js';
import { skipWithoutSharedData } from '../support/shared-data.js';

/** Skipped, with what is missing, on a clone without ../shared/sparkify-data; an error in CI. */
const NO_SAMPLE = skipWithoutSharedData();

const dataRoot = path.resolve(repoRoot(), '../shared/sparkify-data');

const events = sourceTable({
  name: 'staging_events',
  identifier: 'staging_events',
  location: 'log_data',
  jsonpaths: 'log_json_path.json',
  timeformat: 'epochmillisecs',
  columns: columns(
    ['artist', 'varchar'],
    ['auth', 'varchar'],
    ['first_name', 'varchar'],
    ['gender', 'varchar'],
    ['item_in_session', 'integer'],
    ['last_name', 'varchar'],
    ['length', 'double precision'],
    ['level', 'varchar'],
    ['location', 'varchar'],
    ['method', 'varchar'],
    ['page', 'varchar'],
    ['registration', 'double precision'],
    ['session_id', 'integer'],
    ['song', 'varchar'],
    ['status', 'integer'],
    ['ts', 'bigint'],
    ['user_agent', 'varchar'],
    ['user_id', 'integer'],
  ),
});

const songs = sourceTable({
  name: 'staging_songs',
  identifier: 'staging_songs',
  location: 'song_data',
  columns: columns(
    ['num_songs', 'integer'],
    ['artist_id', 'varchar(32)'],
    ['artist_latitude', 'double precision'],
    ['artist_longitude', 'double precision'],
    ['artist_location', 'varchar(512)'],
    ['artist_name', 'varchar(512)'],
    ['song_id', 'varchar(32)'],
    ['title', 'varchar(512)'],
    ['duration', 'double precision'],
    ['year', 'integer'],
  ),
});

/** The raw event records, read independently of the loader: sorted files, one JSON.parse per line. */
function rawEvents(): Record<string, unknown>[] {
  const folder = path.join(dataRoot, 'log_data/2018/11');
  return readdirSync(folder)
    .sort()
    .flatMap((name) => readFileSync(path.join(folder, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const text = (value: unknown): string | null => (value === null || value === '' ? null : String(value));

test('log_data with log_json_path.json: 8,056 rows, 0 rejected, values as in the raw files', { skip: NO_SAMPLE }, async () => {
  const { rows, stats } = await load(events, { root: dataRoot });
  assert.equal(stats.files, 30);
  assert.equal(stats.rows, 8056);
  assert.deepEqual(stats.rejected, []);
  assert.equal(rows.length, 8056);
  const raw = rawEvents();
  assert.equal(raw.length, 8056);
  raw.forEach((record, k) => {
    const row = rows[k];
    assert.equal(row.length, 18);
    assert.equal(row[0], record.artist, `artist of record ${k}`);
    assert.equal(row[15], String(record.ts), `ts of record ${k}`);
    assert.equal(row[17], text(record.userId), `user_id of record ${k}`);
    assert.equal(row[11], text(record.registration), `registration of record ${k}`);
    assert.equal(row[16], record.userAgent, `user_agent of record ${k}`);
  });
  // The first event of 2018-11-01, spelled out.
  assert.deepEqual(rows[0].slice(0, 8), [null, 'Logged In', 'Walter', 'M', '0', 'Frye', null, 'free']);
  assert.equal(rows[0][11], '1540919166796'); // "registration":1540919166796.0
  assert.equal(rows[0][15], '1541105830796');
  assert.equal(rows[0][17], '39'); // "userId":"39"
  // The first logged-out event of 2018-11-30: "userId":"", "registration":null, "ts":1543544407796.
  const loggedOut = rows.find((row) => row[15] === '1543544407796');
  assert.deepEqual(loggedOut, [null, 'Logged Out', null, null, '19', null, null, 'paid', null, 'GET', 'Home', null, '1049', null, '200', '1543544407796', null, null]);
  // The first event of 2018-11-30, with an escaped slash in the user agent.
  const jayden = rows.find((row) => row[15] === '1543537327796');
  assert.deepEqual(jayden?.slice(12), ['829', "Jim Henson's Dead", '200', '1543537327796', 'Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; WOW64; Trident/6.0)', '91']);
  assert.equal(jayden?.[6], '182.85669');
});

test('song_data with auto mapping: 71 rows, \\u escapes decoded, nulls kept', { skip: NO_SAMPLE }, async () => {
  const stream = openSourceStream(songs, { root: dataRoot });
  assert.equal((await stream.files()).length, 71);
  const { rows, stats } = await load(songs, { root: dataRoot });
  assert.equal(stats.rows, 71);
  assert.deepEqual(stats.rejected, []);
  const clementina = rows.find((row) => row[6] === 'SOQOTLQ12AB01868D0');
  assert.deepEqual(clementina, ['1', 'ARGCY1Y1187B9A4FA5', '36.16778', '-86.77836', 'Nashville, TN.', 'Gloriana', 'SOQOTLQ12AB01868D0', 'Clementina Santafè', '153.33832', '0']);
  const first = rows[0];
  assert.deepEqual(first, ['1', 'ARD7TVE1187B99BFB1', null, null, 'California - LA', 'Casual', 'SOMZWCG12A8C13C480', "I Didn't Mean To", '218.93179', '0']);
});

describePostgres();

/** The same loads COPYed into PostgreSQL (PGlite), one COPY per chunk, checked with SQL. */
function describePostgres(): void {
  let db: PGlite;
  before(async () => {
    db = new PGlite();
    await db.waitReady;
  });
  after(async () => db.close());

  async function copyInto(table: SourceTable, root: string, chunkBytes?: number): Promise<number> {
    const ddl = table.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
    await db.exec(`create table "${table.identifier}" (${ddl})`);
    const list = copyColumns(table)
      .map((name) => `"${name}"`)
      .join(', ');
    let chunks = 0;
    for await (const chunk of openSourceStream(table, { root, chunkBytes }).chunks()) {
      await db.query(`copy "${table.identifier}" (${list}) from '/dev/blob'`, [], { blob: new Blob([new Uint8Array(chunk)]) });
      chunks++;
    }
    return chunks;
  }

  const one = async <T>(sql: string): Promise<T> => (await db.query<{ v: T }>(sql)).rows[0].v;

  test('PostgreSQL reads the event chunks: README facts hold', { skip: NO_SAMPLE }, async () => {
    const chunks = await copyInto(events, dataRoot, 256 * 1024);
    assert.ok(chunks > 1, `${chunks} chunks`);
    assert.equal(await one<number>('select count(*)::int as v from staging_events'), 8056);
    assert.equal(await one<number>("select count(*)::int as v from staging_events where page = 'NextSong'"), 6820);
    assert.equal(await one<number>('select count(distinct user_id)::int as v from staging_events'), 97);
    const loggedOut = rawEvents().filter((r) => r.userId === '').length;
    assert.equal(await one<number>('select count(*)::int as v from staging_events where user_id is null'), loggedOut);
    const tsSum = rawEvents().reduce((sum, r) => sum + BigInt(r.ts as number), 0n);
    assert.equal(await one<string>('select sum(ts)::text as v from staging_events'), tsSum.toString());
    assert.equal(await one<number>('select registration as v from staging_events where ts = 1541105830796 limit 1'), 1540919166796);
  });

  test('PostgreSQL reads the song chunks: README facts hold', { skip: NO_SAMPLE }, async () => {
    await copyInto(songs, dataRoot);
    assert.equal(await one<number>('select count(*)::int as v from staging_songs'), 71);
    assert.equal(await one<number>('select count(distinct artist_id)::int as v from staging_songs'), 69);
    assert.equal(await one<number>('select count(*)::int as v from staging_songs where year = 0'), 43);
  });

  test('COPY escaping round-trips nasty text and numbers through PostgreSQL exactly', async () => {
    const values = ['back\\slash', 'tab\there', 'new\nline', 'cr\rlf\r\n', '\\N', '\\.', '\\', 'quote " \' ', 'é€😀', '', ' lead and trail ', '\u0001\u001f'];
    const table = sourceTable({ identifier: 'nasty', location: 'nasty.json', columns: columns(['k', 'integer'], ['v', 'text'], ['n', 'numeric(40,20)'], ['b', 'bigint']) });
    const lines = values.map((v, k) => `{"k": ${k}, "v": ${JSON.stringify(v)}, "n": 12345678901234567890.12345678901234567890, "b": -9223372036854775808}`);
    await copyInto(table, tempProject({ 'nasty.json': lines.join('\n') }));
    const rows = (await db.query<{ k: number; v: string; n: string; b: string }>('select k, v, n::text as n, b::text as b from nasty order by k')).rows;
    assert.deepEqual(
      rows.map((r) => r.v),
      values,
    );
    for (const row of rows) {
      assert.equal(row.n, '12345678901234567890.12345678901234567890');
      assert.equal(row.b, '-9223372036854775808');
    }
  });
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { copyProject, countRows, sharedDataVars, sparkify, tableDigest, withWarehouse } from './helpers.js';
import { readRunResults, shortId } from '../support/run-results.js';
import { skipWithoutSharedData } from '../support/shared-data.js';
/** Skipped, with what is missing, on a clone without ../shared/sparkify-data; an error in CI. */
const NO_SAMPLE = skipWithoutSharedData();

// The acceptance figures of the star schema on the real public Sparkify sample (issue 2).
describe('sparkify build on ../shared/sparkify-data', { skip: NO_SAMPLE }, () => {
  let dir: string;
  let first: ReturnType<typeof sparkify>;

  before(() => {
    dir = copyProject({ withData: false });
    first = sparkify(dir, ['build', '--vars', sharedDataVars()]);
  });

  test('succeeds with one dbt-style line per node and a summary', () => {
    assert.equal(first.code, 0, first.stderr + first.stdout);
    // 2 sources, 1 seed, 5 models, 1 snapshot, 23 data tests (models/**/schema.yml, snapshots/, tests/), each test right
    // after its model, and 3 unit tests (users 1, songplays 2), each right before its model.
    assert.match(first.stdout, /\d+ of 35 OK loaded seed subscription_levels \.+ \[COPY 2 in [\d.]+s\]/);
    assert.match(first.stdout, /\d+ of 35 OK loaded source sparkify\.staging_events \.+ \[COPY 8056 in [\d.]+s\]/);
    assert.match(first.stdout, /OK created table model public\.users \.+ \[SELECT 97 in [\d.]+s\]/);
    // songplays is incremental: the first build creates it in full.
    assert.match(first.stdout, /OK created incremental model public\.songplays \.+ \[SELECT 6820 in [\d.]+s\]/);
    assert.match(first.stdout, /OK created table model public\.users \.+ \[SELECT 97 in [\d.]+s\]\n.*PASS accepted_values_users_level__free__paid \.+ \[PASS in/);
    assert.match(first.stdout, /PASS every_next_song_event_is_a_songplay \.+ \[PASS in/);
    assert.match(first.stdout, /PASS users::latest_level_wins \.+ \[PASS in [\d.]+s\]\n.*OK created table model public\.users /);
    assert.match(first.stdout, /Done\. PASS=35 WARN=0 ERROR=0 SKIP=0 TOTAL=35/);
  });

  test('builds the tables with the expected row counts', async () => {
    const counts = await withWarehouse(dir, async (db) => {
      const tables = ['staging_events', 'staging_songs', 'users', 'songs', 'artists', 'time', 'songplays'];
      return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(db, t)])));
    });
    assert.deepEqual(counts, {
      staging_events: 8056, staging_songs: 71, users: 97, songs: 71, artists: 69, time: 6813, songplays: 6820,
    });
  });

  test('matches exactly one play to a song: user 15 playing "Setanta matins"', async () => {
    const rows = await withWarehouse(dir, async (db) => (await db.query<Record<string, unknown>>(`
      select sp.user_id, s.title, a.name as artist
      from public.songplays sp join public.songs s using (song_id) join public.artists a on a.artist_id = sp.artist_id
      where sp.song_id is not null`)).rows);
    assert.deepEqual(rows, [{ user_id: 15, title: 'Setanta matins', artist: 'Elena' }]);
  });

  test('keeps the semantics of each column', async () => {
    await withWarehouse(dir, async (db) => {
      const one = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows[0];
      // Latest level wins: user 15 goes paid, free, paid.
      assert.deepEqual(await one(`select level from public.users where user_id = 15`), { level: 'paid' });
      assert.deepEqual(await one(`select count(*)::int as n from public.songs where year is null`), { n: 43 });
      assert.deepEqual(await one(`select count(*)::int as n from public.artists where location = ''`), { n: 0 });
      assert.deepEqual(await one(`select count(*)::int as n from public.songplays where user_agent like '"%'`), { n: 0 });
      assert.deepEqual(await one(`select count(distinct songplay_id)::int as n from public.songplays`), { n: 6820 });
      // Milliseconds are kept: 1541106106796 is 2018-11-01 21:01:46.796 UTC, a Thursday (4).
      assert.deepEqual(
        await one(`select to_char(start_time, 'YYYY-MM-DD HH24:MI:SS.MS') as t, hour, weekday from public.time
                   where start_time = timestamp '2018-11-01 21:01:46.796'`),
        { t: '2018-11-01 21:01:46.796', hour: 21, weekday: 4 },
      );
      assert.deepEqual(await one(`select ts, registration from public.staging_events where ts = 1541106106796 and song = 'You Gotta Be'`),
        { ts: 1541106106796, registration: 1540344794796 });
      assert.deepEqual(await one(`select count(*)::int as n from public.staging_events where user_id is null`),
        await one(`select count(*)::int as n from public.staging_events where auth = 'Logged Out'`));
    });
  });

  test('writes manifest.json and run_results.json with a schema version', () => {
    const document = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8'));
    assert.match(document.metadata.dbt_schema_version, /run-results\/v6/);
    const results = readRunResults(dir);
    assert.equal(results.success, true);
    const order = results.results.map((r: { id: string }) => r.id);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    assert.deepEqual(order.filter((id: string) => !id.startsWith('test.')).sort(), [
      'model.artists', 'model.songplays', 'model.songs', 'model.time', 'model.users',
      'seed.subscription_levels', 'snapshot.users_snapshot', 'source.sparkify.staging_events', 'source.sparkify.staging_songs',
      'unit_test.songplays.incremental_adds_only_newer_plays', 'unit_test.songplays.matched_and_unmatched_plays',
      'unit_test.users.latest_level_wins',
    ]);
    const tests = results.results.filter((r) => r.id.startsWith('test.'));
    assert.equal(tests.length, 23);
    assert.ok(tests.every((r) => r.status === 'pass' && r.failures === 0), 'every data test passes');
    for (const id of order) {
      // A unit test's parent is its model (as in dbt's manifest), yet it runs right before it.
      const ordered = (parent: string) => (id.startsWith('unit_test.') ? order.indexOf(parent) > order.indexOf(id) : order.indexOf(parent) < order.indexOf(id));
      const uniqueId = results.results.find((r) => r.id === id)!.uniqueId;
      for (const parent of manifest.parent_map[uniqueId].map(shortId)) assert.ok(ordered(parent), `${parent} ${id.startsWith('unit_test.') ? 'after' : 'before'} ${id}`);
    }
    assert.equal(results.results.find((r) => r.id === 'model.users')!.rowsAffected, 97);
    assert.match(manifest.metadata.dbt_schema_version, /manifest\/v12/);
    assert.deepEqual(manifest.parent_map['model.sparkify.users'], ['source.sparkify.sparkify.staging_events']);
  });

  test('users_snapshot holds one current row per user, as many as users, and a rebuild adds none', async () => {
    // Runs before the second build below: the sample does not change, so neither does the history.
    assert.match(first.stdout, /OK snapshotted snapshot public\.users_snapshot \.+ \[SELECT 97 in [\d.]+s\]/);
    await withWarehouse(dir, async (db) => {
      const one = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows[0];
      assert.equal(await countRows(db, 'users_snapshot'), await countRows(db, 'users'));
      assert.deepEqual(await one('select count(*)::int as n, count(distinct user_id)::int as users from public.users_snapshot where valid_to is null'), { n: 97, users: 97 });
      assert.deepEqual(await one(`select count(*)::int as n from public.users_snapshot s join public.users u using (user_id)
        where s.level = u.level and s.valid_to is null`), { n: 97 });
    });
  });

  test('building twice gives identical tables', async () => {
    const tables = ['staging_events', 'staging_songs', 'users', 'songs', 'artists', 'time', 'songplays'];
    const snapshotRows = () => withWarehouse(dir, (db) => countRows(db, 'users_snapshot'));
    const historyBefore = await snapshotRows();
    const digest = () => withWarehouse(dir, async (db) => Promise.all(tables.map((t) => tableDigest(db, t))));
    const before = await digest();
    const second = sparkify(dir, ['build', '--vars', sharedDataVars()]);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(await digest(), before);
    assert.equal(await snapshotRows(), historyBefore, 'an unchanged sample adds no history');
  });
});

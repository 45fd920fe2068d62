import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { copyProject, sharedDataVars, sparkify, withWarehouse, type CliResult } from '../e2e/helpers.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { readRunResults, type ReadResult } from '../support/run-results.js';
import { counts, liteTables, serverTables, SHARED_FIGURES } from './helpers.js';
import { skipWithoutSharedData } from '../support/shared-data.js';
/** Skipped, with what is missing, on a clone without ../shared/sparkify-data; an error in CI. */
const NO_SAMPLE = skipWithoutSharedData();

// `sparkify build --target pg` on the real sample: the same figures as PGlite, and the same rows.
describe('sparkify build --target pg on ../shared/sparkify-data', { skip: NO_SAMPLE }, () => {
  let server: PostgresServer;
  let dir: string;
  let lite: Record<string, string[]>;
  const build = (...args: string[]): CliResult =>
    sparkify(dir, ['build', '--target', 'pg', '--vars', sharedDataVars(), ...args], { SPARKIFY_PG_URL: server.url() });
  const runResults = (): ReadResult[] => readRunResults(dir).results;

  before(async () => {
    server = await startPostgresServer();
    dir = copyProject({ withData: false });
    const reference = sparkify(dir, ['build', '--vars', sharedDataVars()]);
    assert.equal(reference.code, 0, reference.stderr);
    lite = await withWarehouse(dir, liteTables);
  });
  after(() => server?.stop());

  test('--threads 4 succeeds with the acceptance figures and one matched play', async () => {
    const result = build('--threads', '4');
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /Running with sparkify on target pg \(postgres\)/);
    assert.match(result.stdout, /OK loaded source sparkify\.staging_events \.+ \[COPY 8056 in [\d.]+s\]/);
    // 9 nodes (2 sources, 1 seed, 5 models, 1 snapshot), the project's 23 data tests and 3 unit tests.
    assert.match(result.stdout, /Done\. PASS=35 WARN=0 ERROR=0 SKIP=0 TOTAL=35/);
    assert.deepEqual(counts(await serverTables(server)), SHARED_FIGURES);
    const matched = await server.query(`
      select sp.user_id, s.title, a.name as artist
      from public.songplays sp join public.songs s using (song_id) join public.artists a on a.artist_id = sp.artist_id`);
    assert.deepEqual(matched, [{ user_id: 15, title: 'Setanta matins', artist: 'Elena' }]);
  });

  test('--threads 4 loads both sources at once', () => {
    const [events, songs] = ['source.sparkify.staging_events', 'source.sparkify.staging_songs'].map((id) => runResults().find((r) => r.id === id)!);
    assert.ok(events.startedAt < songs.completedAt && songs.startedAt < events.completedAt, 'the two loads overlap');
  });

  test('every table equals the one PGlite built from the same data, row for row', async () => {
    const pg = await serverTables(server);
    for (const table of Object.keys(lite)) assert.deepEqual(pg[table], lite[table], `${table} differs between PostgreSQL and PGlite`);
  });

  test('--threads 1 rebuilds the same tables, one node at a time', async () => {
    const result = build('--threads', '1');
    assert.equal(result.code, 0, result.stderr + result.stdout);
    const results = runResults().sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].completedAt <= results[i].startedAt, `${results[i].id} waited`);
    assert.deepEqual(await serverTables(server), lite);
  });

  test('sparkify show reads rows back from PostgreSQL, int8 exact', () => {
    const env = { SPARKIFY_PG_URL: server.url() };
    const users = sparkify(dir, ['show', '--target', 'pg', '--select', 'users', '--limit', '3', '--vars', sharedDataVars()], env);
    assert.equal(users.code, 0, users.stderr);
    assert.match(users.stdout, /\| user_id \|[\s\S]*\(3 rows\)/);
    const big = sparkify(dir, ['show', '--target', 'pg', '--output', 'json', '--inline',
      "select 9007199254740993::int8 as big, max(ts) as ts from {{ source('sparkify', 'staging_events') }}", '--vars', sharedDataVars()], env);
    assert.equal(big.code, 0, big.stderr);
    assert.deepEqual(JSON.parse(big.stdout), [{ big: '9007199254740993', ts: '1543607664796' }]);
  });
});

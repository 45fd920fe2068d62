/**
 * The rentals project (written for dbt-postgres) unchanged on a real PostgreSQL server, through its
 * profiles.yml's `pg` output: the same build as on PGlite, the same answers from run, test, seed,
 * snapshot, retry and source freshness, and artifacts that validate against dbt's schemas.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { schemaErrors } from '../artifacts/dbt-schemas.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { artifact, copyRentals, rawTablesSql, rentals, statuses } from './rentals.js';

describe('the rentals dbt project on PostgreSQL', () => {
  let server: PostgresServer;
  let dir: string;
  let env: Record<string, string>;
  const pg = (...args: string[]) => rentals(dir, [...args, '--target', 'pg'], env);

  before(async () => {
    server = await startPostgresServer('rentals');
    await server.query(rawTablesSql(1));
    dir = copyRentals();
    env = { RENTALS_PG_HOST: server.host, RENTALS_PG_PORT: String(server.port), RENTALS_PG_USER: server.user, RENTALS_PG_PASSWORD: server.password, RENTALS_PG_DB: server.database };
  });
  after(() => server?.stop());

  test('build runs the project unchanged, the password never printed', async () => {
    const result = pg('build');
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Running with sparkify on target pg \(postgres\)/);
    assert.match(result.stdout, /Done\. PASS=23 WARN=0 ERROR=0 SKIP=0 TOTAL=23/);
    assert.ok(!(result.stdout + result.stderr).includes(server.password));
    assert.deepEqual(await server.query("select trip_id, start_station, price::text from analytics.trips_enriched order by trip_id"), [
      { trip_id: 10, start_station: 'Harbour', price: '1.50' }, { trip_id: 11, start_station: 'Old Town', price: '1.30' }, { trip_id: 12, start_station: 'Harbour', price: '3.00' },
    ]);
    assert.deepEqual(await server.query("select count(*)::int as n from pg_class where relname = 'stg_stations'"), [{ n: 0 }], 'the ephemeral model is never created');
    const manifest = artifact(dir, 'manifest.json');
    assert.deepEqual(schemaErrors('manifest-v12', manifest), []);
    assert.deepEqual(schemaErrors('run-results-v6', artifact(dir, 'run_results.json')), []);
    assert.equal(manifest.sources['source.rentals.raw.trips'].database, 'rentals');
  });

  test('a second build adds only new trips to the incremental model; the snapshot keeps history', async () => {
    await server.query(`insert into raw.trip_log values (14, 2, 2, 'electric', '2024-05-04 07:00', '2024-05-04 08:00', now() at time zone 'utc');
      update raw.stations set station_name = 'Old Town Square' where station_id = 2`);
    const result = pg('build');
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /OK updated incremental model analytics\.trips_enriched .* \[INSERT 1 in/);
    assert.deepEqual(await server.query("select count(*)::int as versions from snapshots.stations_snapshot where station_id = 2"), [{ versions: 2 }]);
  });

  test('run, seed, snapshot and test each run their kind only', () => {
    assert.equal(pg('run').code, 0);
    assert.deepEqual(statuses(dir).map(([id]) => id), ['model.rentals.stg_trips', 'model.rentals.trips_enriched', 'model.rentals.station_daily']);
    assert.equal(pg('seed').code, 0);
    assert.deepEqual(statuses(dir), [['seed.rentals.bike_types', 'success']]);
    assert.equal(pg('snapshot').code, 0);
    assert.deepEqual(statuses(dir), [['snapshot.rentals.stations_snapshot', 'success']]);
    const tested = pg('test');
    assert.equal(tested.code, 0, tested.stdout + tested.stderr);
    assert.equal(statuses(dir).length, 18);
  });

  test('retry re-runs the failed model and what it skipped', () => {
    const model = join(dir, 'models/marts/station_daily.sql');
    const good = readFileSync(model, 'utf8');
    writeFileSync(model, good.replace('count(*) as trips', 'count(*) as trips, no_such_column'));
    assert.equal(pg('run').code, 1);
    writeFileSync(model, good);
    const retried = rentals(dir, ['retry'], env);
    assert.equal(retried.code, 0, retried.stdout + retried.stderr);
    assert.match(retried.stdout, /on target pg \(postgres\)/, 'the same target as the failed run');
    assert.deepEqual(statuses(dir), [['model.rentals.station_daily', 'success']]);
  });

  test('source freshness passes, then errors once the export is a day late; sources.json validates', async () => {
    const fresh = pg('source', 'freshness');
    assert.equal(fresh.code, 0, fresh.stdout + fresh.stderr);
    assert.match(fresh.stdout, /PASS freshness of raw\.trips/);
    await server.query("update raw.trip_log set _loaded_at = (now() at time zone 'utc') - interval '2 days'");
    const stale = pg('source', 'freshness');
    assert.equal(stale.code, 1);
    assert.match(stale.stdout, /ERROR STALE freshness of raw\.trips/);
    const sources = artifact(dir, 'sources.json');
    assert.deepEqual(schemaErrors('sources-v3', sources), []);
    assert.ok(sources.results[0].max_loaded_at_time_ago_in_s > 47 * 3600, 'a timestamp without time zone is read as UTC whatever the server\'s TimeZone');
  });

  test('run-operation: run_query() acts on the server while the macro renders; a failing query is exit 1', async () => {
    const closed = pg('run-operation', 'close_station', '--args', '{station_id: 1}');
    assert.equal(closed.code, 0, closed.stdout + closed.stderr);
    assert.equal(closed.stderr.match(/stations still open: 1\n/g)?.length, 1, closed.stderr);
    assert.deepEqual(await server.query("select station_id from raw.stations where station_name like '%(closed)'"), [{ station_id: 1 }]);
    const failing = pg('run-operation', 'close_station', '--args', '{station_id: "2 or no_such_column"}');
    assert.equal(failing.code, 1);
    assert.deepEqual(await server.query("select count(*)::int as n from raw.stations where station_name like '%(closed)'"), [{ n: 1 }], 'nothing changed');
  });
});

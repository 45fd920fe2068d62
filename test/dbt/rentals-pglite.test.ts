/**
 * A project written for dbt-postgres (test/fixtures/dbt/rentals), unchanged, through the real CLI on
 * PGlite: sources over tables a test creates beforehand, per-folder configs, a seed and a snapshot
 * with schema files, schema and singular tests, an ephemeral and an incremental model. Each command
 * behaves as dbt's documentation says, and the artifacts validate against dbt's schemas.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { schemaErrors } from '../artifacts/dbt-schemas.js';
import { artifact, copyRentals, inWarehouse, rawTablesSql, rentals, statuses } from './rentals.js';

const relations = (dir: string, schema: string) =>
  inWarehouse(dir, `select table_name from information_schema.tables where table_schema = '${schema}' order by 1`).then((rows) => rows.map((r) => r.table_name));

describe('a dbt-postgres project over existing tables, on PGlite', () => {
  let dir: string;
  before(async () => {
    dir = copyRentals();
    await inWarehouse(dir, rawTablesSql(1));
  });

  test('build: everything builds, nothing loads the sources, ephemeral models are neither run nor reported', async () => {
    const result = rentals(dir, ['build']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Building 1 seed, 3 models, 1 snapshot and 18 tests/);
    assert.match(result.stdout, /PASS source_not_null_raw_stations_station_id /);
    assert.match(result.stdout, /PASS assert_trip_stations_exist /, 'a singular test reads the ephemeral model, inlined');
    assert.match(result.stdout, /OK snapshotted snapshot snapshots\.stations_snapshot /, '+target_schema from dbt_project.yml');
    assert.match(result.stdout, /Done\. PASS=23 WARN=0 ERROR=0 SKIP=0 TOTAL=23/);
    const ids = statuses(dir).map(([id]) => id);
    assert.ok(!ids.some((id) => id.startsWith('source.') || id === 'model.rentals.stg_stations'), ids.join('\n'));
    assert.ok(ids.includes('test.rentals.not_null_bike_types_hourly_rate'), 'seeds/schema.yml is read');
    assert.ok(ids.includes('test.rentals.unique_stations_snapshot_dbt_scd_id'), 'snapshots/schema.yml is read');
    assert.deepEqual(await relations(dir, 'analytics'), ['bike_types', 'station_daily', 'stg_trips', 'trips_enriched']);
    assert.deepEqual(await inWarehouse(dir, 'select trip_id, start_station, price::text from analytics.trips_enriched order by trip_id'), [
      { trip_id: 10, start_station: 'Harbour', price: '1.50' }, { trip_id: 11, start_station: 'Old Town', price: '1.30' }, { trip_id: 12, start_station: 'Harbour', price: '3.00' },
    ]);
  });

  test("the artifacts validate against dbt's schemas and describe the sources as dbt does", () => {
    const manifest = artifact(dir, 'manifest.json');
    assert.deepEqual(schemaErrors('manifest-v12', manifest), []);
    assert.deepEqual(schemaErrors('run-results-v6', artifact(dir, 'run_results.json')), []);
    const trips = manifest.sources['source.rentals.raw.trips'];
    assert.deepEqual([trips.schema, trips.identifier, trips.loader, trips.loaded_at_field, trips.relation_name], ['raw', 'trip_log', 'nightly_export', '_loaded_at', '"raw"."trip_log"']);
    assert.deepEqual(trips.freshness.error_after, { count: 24, period: 'hour' });
    assert.equal(manifest.sources['source.rentals.raw.stations'].freshness, null, 'freshness: null on the table unsets its source\'s');
    assert.equal(manifest.nodes['seed.rentals.bike_types'].description, 'What renting each kind of bike costs.');
    assert.equal(manifest.nodes['seed.rentals.bike_types'].config.column_types.hourly_rate, 'numeric(6,2)');
  });

  test('source freshness: pass, warn (exit 0), error past error_after or warn under --warn-error (exit 1), sources.json v3', async () => {
    const fresh = rentals(dir, ['source', 'freshness']);
    assert.equal(fresh.code, 0, fresh.stdout + fresh.stderr);
    assert.match(fresh.stdout, /1 of 1 PASS freshness of raw\.trips \.+ \[PASS in/);
    const sources = artifact(dir, 'sources.json');
    assert.deepEqual(schemaErrors('sources-v3', sources), []);
    assert.equal(sources.results[0].unique_id, 'source.rentals.raw.trips');
    assert.ok(Math.abs(sources.results[0].max_loaded_at_time_ago_in_s - 3600) < 600, String(sources.results[0].max_loaded_at_time_ago_in_s));
    await inWarehouse(dir, "update raw.trip_log set _loaded_at = (now() at time zone 'utc') - interval '13 hours'");
    const warned = rentals(dir, ['source', 'freshness']);
    assert.equal(warned.code, 0, warned.stderr);
    assert.match(warned.stdout, /WARN freshness of raw\.trips/);
    assert.match(warned.stderr, /raw\.trips is stale: .* more than warn_after 12 hours \[SPK521\]/);
    const strict = rentals(dir, ['source', 'freshness', '--warn-error']);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /ERROR STALE freshness of raw\.trips/);
    await inWarehouse(dir, "update raw.trip_log set _loaded_at = (now() at time zone 'utc') - interval '30 hours'");
    const stale = rentals(dir, ['source', 'freshness', '--output', join(dir, 'freshness.json')]);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /more than error_after 24 hours \[SPK520\]/);
    assert.equal(JSON.parse(readFileSync(join(dir, 'freshness.json'), 'utf8')).results[0].status, 'error');
  });

  test('source freshness of an empty table is a runtime error (exit 1), as in dbt', async () => {
    await inWarehouse(dir, 'create table raw.keep as select * from raw.trip_log; delete from raw.trip_log');
    const result = rentals(dir, ['source', 'freshness', '--select', 'source:raw.trips']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /max\(_loaded_at\) of raw\.trips is NULL: the table has no rows \[SPK522\]/);
    const sources = artifact(dir, 'sources.json');
    assert.deepEqual(schemaErrors('sources-v3', sources), []);
    assert.equal(sources.results[0].status, 'runtime error');
    await inWarehouse(dir, "insert into raw.trip_log select * from raw.keep; drop table raw.keep; update raw.trip_log set _loaded_at = (now() at time zone 'utc') - interval '1 hours'");
  });

  test('run builds the models only; seed, snapshot and test run their kind; seed with nothing to do exits 0', () => {
    const run = rentals(dir, ['run']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(statuses(dir).map(([id]) => id), ['model.rentals.stg_trips', 'model.rentals.trips_enriched', 'model.rentals.station_daily']);
    assert.match(run.stdout, /OK updated incremental model analytics\.trips_enriched .* \[INSERT 0/);
    assert.equal(rentals(dir, ['seed']).code, 0);
    assert.deepEqual(statuses(dir), [['seed.rentals.bike_types', 'success']]);
    assert.equal(rentals(dir, ['snapshot']).code, 0);
    assert.deepEqual(statuses(dir), [['snapshot.rentals.stations_snapshot', 'success']]);
    const tested = rentals(dir, ['test', '--select', 'source:raw']);
    assert.equal(tested.code, 0, tested.stderr);
    assert.equal(statuses(dir).length, 6);
    const none = rentals(dir, ['seed', '--select', 'stg_trips']);
    assert.equal(none.code, 0);
    assert.match(none.stderr, /Nothing to do: the selection holds no seed to load \[SPK355\]/);
  });

  test('retry re-runs what failed or was skipped, with the same command; then there is nothing to retry', () => {
    const model = join(dir, 'models/marts/station_daily.sql');
    const good = readFileSync(model, 'utf8');
    writeFileSync(model, good.replace('count(*) as trips', 'count(*) as trips, no_such_column'));
    const failed = rentals(dir, ['build', '--select', 'path:models/marts']);
    assert.equal(failed.code, 1);
    assert.deepEqual(statuses(dir).filter(([, status]) => status !== 'pass' && status !== 'success'),
      [['model.rentals.station_daily', 'error'], ['test.rentals.not_null_station_daily_trips', 'skipped']]);
    writeFileSync(model, good);
    const retried = rentals(dir, ['retry']);
    assert.equal(retried.code, 0, retried.stdout + retried.stderr);
    assert.deepEqual(statuses(dir), [['model.rentals.station_daily', 'success'], ['test.rentals.not_null_station_daily_trips', 'pass']]);
    assert.equal(artifact(dir, 'run_results.json').args.which, 'build');
    const nothing = rentals(dir, ['retry']);
    assert.equal(nothing.code, 0);
    assert.match(nothing.stdout, /Nothing to retry/);
  });

  test('state:modified against a copy of target/, and --defer reads the state\'s relations for what the target lacks', async () => {
    const state = join(dir, 'prod-target');
    rentals(dir, ['parse', '--target-path', 'prod-target']);
    const unchanged = rentals(dir, ['ls', '--select', 'state:modified', '--state', state]);
    assert.deepEqual([unchanged.code, unchanged.stdout], [0, '']);
    const model = join(dir, 'models/marts/station_daily.sql');
    writeFileSync(model, `${readFileSync(model, 'utf8')}-- a comment: the body changed\n`);
    assert.deepEqual(rentals(dir, ['ls', '--select', 'state:modified+', '--state', state]).stdout.trim().split('\n'), ['station_daily', 'not_null_station_daily_trips']);
    const deferred = rentals(dir, ['build', '--select', 'state:modified', '--target', 'ci', '--defer', '--state', state]);
    assert.equal(deferred.code, 0, deferred.stdout + deferred.stderr);
    assert.match(readFileSync(join(dir, 'target/run/models/marts/station_daily.sql'), 'utf8'), /from "analytics"\."trips_enriched"/);
    assert.deepEqual(await relations(dir, 'ci'), ['station_daily']);
    const withoutDefer = rentals(dir, ['build', '--select', 'station_daily', '--target', 'ci']);
    assert.equal(withoutDefer.code, 1);
    assert.match(withoutDefer.stderr, /depends on ci\.trips_enriched, which does not exist in the warehouse yet \[SPK502\]/);
  });

  test('--empty creates every relation without rows; --target-path writes the artifacts elsewhere', async () => {
    const result = rentals(dir, ['build', '--empty', '--target', 'ci', '--target-path', 'empty-target']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.ok(existsSync(join(dir, 'empty-target/run_results.json')));
    const compiled = readFileSync(join(dir, 'empty-target/compiled/models/marts/trips_enriched.sql'), 'utf8');
    assert.match(compiled, /from \(select \* from "ci"\."stg_trips" where false limit 0\) t\n/, 'a given alias is kept');
    assert.match(compiled, /from \(select \* from "raw"\."stations" where false limit 0\) as "stations"/, 'no alias: the relation\'s name');
    const counts = await inWarehouse(dir, `select (select count(*) from ci.bike_types)::int as seed, (select count(*) from ci.trips_enriched)::int as model,
      (select count(*) from raw.trip_log)::int as source`);
    assert.deepEqual(counts, [{ seed: 0, model: 0, source: 3 }]);
  });

  test('--store-failures keeps failing rows in <schema>_dbt_test__audit; --fail-fast skips the rest after a failure', async () => {
    await inWarehouse(dir, "insert into raw.trip_log values (13, 9, 1, 'tandem', '2024-05-03 10:00', '2024-05-03 11:00', now() at time zone 'utc')");
    const failed = rentals(dir, ['test', '--select', 'source:raw', '--store-failures']);
    assert.equal(failed.code, 1);
    assert.deepEqual(await inWarehouse(dir, 'select value_field from analytics_dbt_test__audit.source_accepted_values_raw_trips_bike_type__classic__electric'), [{ value_field: 'tandem' }]);
    const fast = rentals(dir, ['build', '--fail-fast', '--threads', '1']);
    assert.equal(fast.code, 1);
    const skipped = artifact(dir, 'run_results.json').results.filter((r: { message: string }) => /skipped due to --fail-fast/.test(r.message));
    assert.ok(skipped.length > 5, `${skipped.length} nodes skipped by --fail-fast`);
    await inWarehouse(dir, 'delete from raw.trip_log where trip_id = 13');
  });

  test('--log-format json prints one dbt-shaped JSON event per line; --quiet prints nothing but errors', () => {
    const json = rentals(dir, ['seed', '--log-format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    const events = json.stdout.trim().split('\n').map((line) => JSON.parse(line));
    for (const event of events) {
      assert.deepEqual(Object.keys(event).sort(), ['data', 'info']);
      for (const key of ['name', 'code', 'msg', 'level', 'ts', 'invocation_id']) assert.ok(key in event.info, key);
    }
    const seed = events.find((e) => e.info.name === 'LogSeedResult');
    assert.equal(seed.info.code, 'Q016');
    assert.equal(seed.data.node_info.unique_id, 'seed.rentals.bike_types');
    assert.equal(events.find((e) => e.info.name === 'StatsLine').data.stats.pass, 1);
    const quiet = rentals(dir, ['seed', '--quiet']);
    assert.deepEqual([quiet.code, quiet.stdout], [0, '']);
  });

  test('parse writes the manifest and prints its timing without any database; run-operation runs a macro\'s SQL', async () => {
    const parsed = rentals(dir, ['parse', '--target', 'pg'], { RENTALS_PG_USER: 'nobody', RENTALS_PG_PASSWORD: 'x', RENTALS_PG_PORT: '1' });
    assert.equal(parsed.code, 0, parsed.stderr);
    assert.match(parsed.stdout, /compiled in \d+\.\d{3}s/);
    assert.equal(artifact(dir, 'manifest.json').metadata.adapter_type, 'postgres');
    const operation = rentals(dir, ['run-operation', 'purge_short_trips', '--args', '{minutes: 20}']);
    assert.equal(operation.code, 0, operation.stdout + operation.stderr);
    assert.match(operation.stdout, /OK DELETE 1/);
    assert.deepEqual(await inWarehouse(dir, 'select trip_id from raw.trip_log order by 1'), [{ trip_id: 10 }, { trip_id: 12 }]);
    // dbt's way: run_query() while the macro renders with execute true; its log() said once, not per render pass.
    const closed = rentals(dir, ['run-operation', 'close_station', '--args', '{station_id: 2}']);
    assert.equal(closed.code, 0, closed.stdout + closed.stderr);
    assert.match(closed.stdout, /OK UPDATE 1/);
    assert.equal(closed.stderr.match(/stations still open: 1\n/g)?.length, 1, closed.stderr);
    assert.deepEqual(await inWarehouse(dir, 'select station_name from raw.stations order by station_id'), [{ station_name: ' Harbour ' }, { station_name: 'Old Town (closed)' }]);
    const json = rentals(dir, ['run-operation', 'close_station', '--args', '{station_id: 3}', '--log-format', 'json']);
    assert.equal(json.code, 0, json.stdout + json.stderr);
    const events = json.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(events.filter((e) => e.info.name === 'JinjaLogInfo').map((e) => [e.info.code, e.data.msg]), [['I062', 'stations still open: 1']]);
    const failing = rentals(dir, ['run-operation', 'close_station', '--args', '{station_id: no_such_column}']);
    assert.equal(failing.code, 1);
    assert.match(failing.stderr, /Encountered an error while running operation: .*column "no_such_column" does not exist/);
    assert.equal(artifact(dir, 'run_results.json').results[0].status, 'error');
    const unknown = rentals(dir, ['run-operation', 'purge_old_trips']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /the project defines no macro 'purge_old_trips' \[SPK128\]\n  hint: did you mean 'purge_short_trips'\?/);
  });

  test('clean removes the clean-targets of dbt_project.yml', () => {
    assert.equal(rentals(dir, ['clean']).code, 0);
    assert.ok(!existsSync(join(dir, 'target')));
  });
});

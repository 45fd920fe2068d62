/**
 * `docs generate` on a dbt-postgres project over existing tables (test/fixtures/dbt/rentals), on
 * PGlite: catalog.json is dbt's catalog v1 (validated against dbt's published schema) and holds the
 * sources sparkify never loaded, read from the warehouse like the relations it built.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { schemaErrors } from '../artifacts/dbt-schemas.js';
import { artifact, copyRentals, inWarehouse, rawTablesSql, rentals } from './rentals.js';

describe('docs generate on a dbt project', () => {
  let dir: string;
  before(async () => {
    dir = copyRentals();
    await inWarehouse(dir, rawTablesSql(1));
    const built = rentals(dir, ['build']);
    assert.equal(built.code, 0, built.stdout + built.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("catalog.json validates against dbt's catalog v1 and describes sources, seeds, models and snapshots", () => {
    const result = rentals(dir, ['docs', 'generate']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const catalog = artifact(dir, 'catalog.json');
    assert.deepEqual(schemaErrors('catalog-v1', catalog), []);
    const trips = catalog.sources['source.rentals.raw.trips'];
    assert.deepEqual([trips.metadata.schema, trips.metadata.name, trips.metadata.type], ['raw', 'trip_log', 'BASE TABLE']);
    assert.deepEqual(Object.keys(trips.columns), ['trip_id', 'start_station_id', 'end_station_id', 'bike_type', 'started_at', 'ended_at', '_loaded_at']);
    assert.equal(trips.columns.trip_id.type, 'integer');
    assert.deepEqual(Object.keys(catalog.nodes).sort(), [
      'model.rentals.station_daily', 'model.rentals.stg_trips', 'model.rentals.trips_enriched', 'seed.rentals.bike_types', 'snapshot.rentals.stations_snapshot',
    ], 'the ephemeral stg_stations has no relation');
    assert.equal(catalog.nodes['model.rentals.stg_trips'].metadata.type, 'VIEW', '+materialized: view of dbt_project.yml');
    assert.equal(catalog.nodes['snapshot.rentals.stations_snapshot'].metadata.schema, 'snapshots');
    assert.deepEqual(schemaErrors('manifest-v12', artifact(dir, 'manifest.json')), [], 'the manifest docs generate writes too');
  });
});

/**
 * The rentals fixture (test/fixtures/dbt/rentals): a project written for dbt-postgres whose sources
 * are tables something else loads. The tests play that loader: they create the raw tables first.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, sparkify, withWarehouse, type CliResult } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

/** The fixture's folder in the repository. */
export const RENTALS = join(REPO_ROOT, 'test/fixtures/dbt/rentals');

/** Environment that keeps ~/.dbt/profiles.yml of this machine out of the way. */
export const ENV = { HOME: '/nonexistent-home', DBT_PROFILES_DIR: '' };

/** A copy of the fixture in a temp folder. */
export function copyRentals(): string {
  const dir = tempDir('sparkify-rentals-');
  cpSync(RENTALS, dir, { recursive: true });
  mkdirSync(join(dir, '.sparkify'), { recursive: true });
  return dir;
}

/**
 * The raw tables, as the rental system's export job leaves them: three trips, two stations, loaded
 * `hoursAgo` hours ago. `_loaded_at` is a timestamp without time zone holding UTC, as dbt expects.
 */
export function rawTablesSql(hoursAgo = 1): string {
  const loaded = `(now() at time zone 'utc') - interval '${hoursAgo} hours'`;
  return `
    create schema if not exists raw;
    create table raw.stations (station_id integer, station_name text, _loaded_at timestamp);
    create table raw.trip_log (trip_id integer, start_station_id integer, end_station_id integer, bike_type text,
      started_at timestamp, ended_at timestamp, _loaded_at timestamp);
    insert into raw.stations values (1, ' Harbour ', ${loaded}), (2, 'Old Town', ${loaded});
    insert into raw.trip_log values
      (10, 1, 2, 'classic', '2024-05-01 08:00', '2024-05-01 08:30', ${loaded}),
      (11, 2, 1, 'electric', '2024-05-01 09:00', '2024-05-01 09:12', ${loaded}),
      (12, 1, 1, 'classic', '2024-05-02 10:00', '2024-05-02 11:00', ${loaded});`;
}

/** Runs SQL in the embedded warehouse of a copy (the CLI must not be running). */
export async function inWarehouse(dir: string, sql: string): Promise<Record<string, unknown>[]> {
  return withWarehouse(dir, async (db) => {
    const results = await db.exec(sql);
    return results[results.length - 1]?.rows ?? [];
  });
}

/** Runs the CLI in a copy with the fixture's environment. */
export function rentals(dir: string, args: string[], env: Record<string, string> = {}): CliResult {
  return sparkify(dir, args, { ...ENV, ...env });
}

/** A JSON artifact of the copy's target/ (or another folder). */
export function artifact(dir: string, file: string, folder = 'target'): Record<string, any> {
  return JSON.parse(readFileSync(join(dir, folder, file), 'utf8'));
}

/** `[unique_id, status]` of each result of run_results.json, tests named without their hash. */
export function statuses(dir: string, folder = 'target'): [string, string][] {
  return (artifact(dir, 'run_results.json', folder).results as { unique_id: string; status: string }[])
    .map((r) => [r.unique_id.replace(/\.[0-9a-f]{10}$/, ''), r.status]);
}

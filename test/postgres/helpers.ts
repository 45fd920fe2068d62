/** Reading the star schema back from both engines, for row-by-row comparisons. */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresServer } from '../support/postgres-server.js';

/** The tables `sparkify build` creates, sources first. */
export const STAR_TABLES = ['staging_events', 'staging_songs', 'users', 'songs', 'artists', 'time', 'songplays'];

/** The acceptance figures on ../shared/sparkify-data (issue 2). */
export const SHARED_FIGURES = {
  staging_events: 8056, staging_songs: 71, users: 97, songs: 71, artists: 69, time: 6813, songplays: 6820,
};

/**
 * Every row of a table as text, sorted bytewise, so equal arrays mean equal tables. A staging
 * table's own columns are left out: the load id (a new id per build) and the origin columns
 * (paths inside each project copy).
 */
export function rowsSql(table: string): string {
  const row = `(to_jsonb(t) - '_sparkify_load_id' - '_sparkify_file' - '_sparkify_line')::text`;
  return `select ${row} as row from public."${table}" t order by ${row} collate "C"`;
}

/** The rows of each star table on the PostgreSQL server. */
export async function serverTables(server: PostgresServer): Promise<Record<string, string[]>> {
  const entries = await Promise.all(STAR_TABLES.map(async (t) => [t, (await server.query<{ row: string }>(rowsSql(t))).map((r) => r.row)]));
  return Object.fromEntries(entries);
}

/** The rows of each star table in an embedded warehouse. */
export async function liteTables(db: PGlite): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const t of STAR_TABLES) tables[t] = (await db.query<{ row: string }>(rowsSql(t))).rows.map((r) => r.row);
  return tables;
}

/** Row counts of tables given as row arrays. */
export function counts(tables: Record<string, string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));
}

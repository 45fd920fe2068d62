/**
 * The query `sparkify source freshness` runs per table, as dbt-postgres' collect_freshness does:
 * max(loaded_at_field) and the warehouse's current_timestamp, over the rows `filter` keeps. Both come
 * back as text so that the age is computed the same on every engine (a timestamp without time zone
 * is read as UTC, as dbt does).
 */
import type { SourceNode } from '../manifest/manifest.js';
import type { SqlQuoting } from '../sql/quote.js';

/** The freshness query of a source table that has a loaded_at_field. */
export function freshnessQuery(source: SourceNode, quoting: SqlQuoting): string {
  const filter = source.freshness?.filter ? `\nwhere ${source.freshness.filter}` : '';
  return [
    `-- freshness of ${source.sourceName}.${source.name}`,
    `select cast(max(${source.loadedAtField}) as text) as max_loaded_at, cast(current_timestamp as text) as snapshotted_at`,
    `from ${quoting.relation(source.relation)}${filter}`,
  ].join('\n');
}

/**
 * A timestamp as PostgreSQL (or Redshift) prints it as text, `2024-01-02 10:00:00.123+01`, into
 * epoch milliseconds; no offset means UTC. Undefined for anything else (a date, a number).
 */
export function parseTimestampText(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}(?::?\d{2}(?::?\d{2})?)?|Z)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, offset] = match;
  const millis = Date.parse(`${date}T${time.replace(/(\.\d{3})\d+$/, '$1')}${normalizeOffset(offset)}`);
  return Number.isNaN(millis) ? undefined : millis;
}

function normalizeOffset(offset: string | undefined): string {
  if (!offset || offset === 'Z') return 'Z';
  const digits = offset.slice(1).replace(/:/g, '');
  return `${offset[0]}${digits.slice(0, 2)}:${(digits.slice(2, 4) || '00')}`;
}

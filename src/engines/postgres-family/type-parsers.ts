import { createRequire } from 'node:module';
import type pg from 'pg';

// pg is loaded on the first result parsed, not when the engine registry is imported: `compile`,
// `ls` and PGlite builds never load it (issue 13: start-up).
let types: typeof pg.types | undefined;
const pgTypes = () => (types ??= (createRequire(import.meta.url)('pg') as typeof pg).types);
const getTypeParser: typeof pg.types.getTypeParser = ((oid: number, format?: 'text' | 'binary') => pgTypes().getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

/** `2018-11-01 21:01:46.796` (timestamp without time zone, ISO DateStyle); other forms keep pg's parser. */
const PLAIN_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)$/;
const PLAIN_DATE = /^\d{4}-\d\d-\d\d$/;

/**
 * Result parsers for our connections only (pg's global parsers stay untouched), matching PGlite:
 * int8 becomes a BigInt, exact where a JS number is not (Dataform's mistake); timestamp and date
 * without a zone are read as UTC, not in the zone of the machine sparkify runs on.
 */
export const exactTypes: pg.CustomTypesConfig = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format === 'binary') return getTypeParser(oid, format);
    const { builtins } = pgTypes();
    if (oid === builtins.INT8) return (value: string) => BigInt(value);
    if (oid === builtins.TIMESTAMP) return (value: string) => utcTimestamp(value) ?? getTypeParser(oid)(value);
    if (oid === builtins.DATE) return (value: string) => (PLAIN_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : getTypeParser(oid)(value));
    return getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function utcTimestamp(value: string): Date | undefined {
  const match = PLAIN_TIMESTAMP.exec(value);
  return match ? new Date(`${match[1]}T${match[2]}Z`) : undefined;
}

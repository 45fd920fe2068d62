/**
 * An Introspector for the PostgreSQL family (PGlite, PostgreSQL, Redshift) over any function that
 * runs SQL with bind parameters: relations and columns come from information_schema.
 */
import type { ColumnDescription } from './column.js';
import type { Introspector } from './introspection.js';
import { PyDate, PyDateTime } from '../modules/datetime.js';

/** Runs one statement with `$n` parameters on the run's connection; rows as arrays, columns with their type oids. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<{ columns: { name: string; typeId?: number }[]; rows: unknown[][] }>;

/** PostgreSQL's oid of `date`: our drivers read it as a Date at midnight UTC, which templates see as a date. */
const DATE_OID = 1082;

const RELATION = `select table_type from information_schema.tables where table_schema = $1 and table_name = $2`;
const COLUMNS = `select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position`;

/** `character varying` + 16 → `character varying(16)`; numeric with precision and scale likewise. */
function describeType(type: string, length: unknown, precision: unknown, scale: unknown): string {
  if (length !== null && length !== undefined && /char/.test(type)) return `${type}(${String(length)})`;
  if (type === 'numeric' && precision !== null && precision !== undefined) return `numeric(${String(precision)},${String(scale ?? 0)})`;
  return type;
}

/**
 * A value as templates see it, as Python's drivers give it: an int8 (a BigInt from our drivers) is
 * an int (a string past 2^53, where a JS number would lose digits), a timestamp a datetime, a date
 * (midnight UTC from our drivers) a date.
 */
function templateValue(value: unknown, typeId?: number): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return typeId === DATE_OID ? new PyDate(value.getTime() * 1000) : new PyDateTime(value.getTime() * 1000);
  return value;
}

/** The Introspector of a connection that speaks PostgreSQL. */
export function sqlIntrospector(run: SqlRunner): Introspector {
  return {
    async query(sql) {
      const result = await run(sql, []);
      const columns = result.columns.map(({ name }) => ({ name }));
      return { columns, rows: result.rows.map((row) => row.map((value, i) => templateValue(value, result.columns[i]?.typeId))) };
    },
    async relation(schema, identifier) {
      const result = await run(RELATION, [schema, identifier]);
      if (result.rows.length === 0) return undefined;
      return { schema, identifier, type: String(result.rows[0][0]).toUpperCase() === 'VIEW' ? 'view' : 'table' };
    },
    async columns(schema, identifier): Promise<ColumnDescription[]> {
      const result = await run(COLUMNS, [schema, identifier]);
      return result.rows.map(([name, type, length, precision, scale]) => ({ name: String(name), dataType: describeType(String(type), length, precision, scale) }));
    },
  };
}

/**
 * An Introspector for the PostgreSQL family (PGlite, PostgreSQL, Redshift) over any function that
 * runs SQL with bind parameters: relations and columns come from information_schema.
 */
import type { QueryResult } from './agate-table.js';
import type { ColumnDescription } from './column.js';
import type { Introspector } from './introspection.js';

/** Runs one statement with `$n` parameters on the run's connection; rows as arrays. */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<QueryResult>;

const RELATION = `select table_type from information_schema.tables where table_schema = $1 and table_name = $2`;
const COLUMNS = `select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale
from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position`;

/** `character varying` + 16 → `character varying(16)`; numeric with precision and scale likewise. */
function describeType(type: string, length: unknown, precision: unknown, scale: unknown): string {
  if (length !== null && length !== undefined && /char/.test(type)) return `${type}(${String(length)})`;
  if (type === 'numeric' && precision !== null && precision !== undefined) return `numeric(${String(precision)},${String(scale ?? 0)})`;
  return type;
}

/** The Introspector of a connection that speaks PostgreSQL. */
export function sqlIntrospector(run: SqlRunner): Introspector {
  return {
    query: (sql) => run(sql, []),
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

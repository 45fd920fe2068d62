/**
 * The comparison of a unit test (pure): the expected rows, each value cast to the type of the
 * model's column, against the model's rows, as multisets on the columns `expect` names (dbt's
 * semantics). EXCEPT ALL both ways: what is expected but missing, and what came but was not
 * expected. Set operations treat NULLs as equal, and values compare as their types do, so
 * '2018-11-01 00:00:00' equals a timestamp and '1.50' a numeric 1.5.
 */
import { quoteIdentifier, quoteLiteral } from '../sql/quote.js';
import type { UnitTestRows } from '../manifest/unit-test-node.js';

/** A column of the model's result and its type as format_type() prints it. */
export interface ResultColumn {
  name: string;
  type: string;
}

/** The two queries of the comparison, each returning the differing rows as text. */
export interface Comparison {
  missing: string;
  unexpected: string;
}

/** The queries comparing `expect` with the rows of `actualTable` (whose columns are `actual`). */
export function comparisonSql(expect: UnitTestRows, actualTable: string, actual: ResultColumn[]): Comparison {
  const types = new Map(actual.map((c) => [c.name, c.type]));
  const columns = expect.columns.map((name) => ({ name, type: types.get(name)! }));
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  const asText = columns.map((c) => `CAST(${quoteIdentifier(c.name)} AS text) AS ${quoteIdentifier(c.name)}`).join(', ');
  const expected = expectedRows(expect, columns);
  const result = `SELECT ${names} FROM ${quoteIdentifier(actualTable)}`;
  return {
    missing: `SELECT ${asText} FROM (\n${expected}\nEXCEPT ALL\n${result}\n) AS missing`,
    unexpected: `SELECT ${asText} FROM (\n${result}\nEXCEPT ALL\n${expected}\n) AS unexpected`,
  };
}

/** The count query used when `expect` names no column: only the number of rows is compared. */
export function countSql(actualTable: string): string {
  return `SELECT count(*) AS n FROM ${quoteIdentifier(actualTable)}`;
}

/** `VALUES` of the expected rows cast to the result's types (a typed empty SELECT when none). */
function expectedRows(expect: UnitTestRows, columns: ResultColumn[]): string {
  const cast = (value: string | null, type: string) => `CAST(${value === null ? 'NULL' : quoteLiteral(value)} AS ${type})`;
  if (expect.rows.length === 0) {
    return `SELECT ${columns.map((c) => `${cast(null, c.type)} AS ${quoteIdentifier(c.name)}`).join(', ')} WHERE false`;
  }
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  const rows = expect.rows.map((row) => `(${row.values.map((v, i) => cast(v, columns[i].type)).join(', ')})`);
  return `SELECT * FROM (VALUES\n  ${rows.join(',\n  ')}\n) AS expected (${names})`;
}

/** The catalog query for the columns of a relation (a temporary table included), in order. */
export function columnsSql(relation: string): string {
  return 'SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute '
    + `WHERE attrelid = ${quoteLiteral(relation)}::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`;
}

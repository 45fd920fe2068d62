/**
 * Functions in FROM (`unnest(x) as u(v)`, `generate_series(...)`, `json_to_recordset(x) as r(a int)`):
 * their columns are known only from an alias's column list, a column definition list or, for a few
 * built-in set-returning functions, from what PostgreSQL names them. Every column reads all of the
 * function's arguments (sparkify cannot see which argument feeds which column); any other function's
 * columns are unknown.
 */
import type { Alias, FuncCall, Node } from 'libpg-query';
import { as, lastName, stringList } from './ast.js';
import type { FromContext } from './from-clause.js';
import { childOrigins } from './expression-origins.js';
import type { FromEntry, Scope } from './scope.js';
import { itemEntry } from './scope.js';
import type { Shape, ShapeColumn } from './shape.js';
import { starColumn } from './shape.js';
import { inContext, noOrigins } from './trace.js';

/** Set-returning functions whose column names do not depend on a type: `null` is one column named after the alias or function. */
const KNOWN_COLUMNS: Record<string, string[] | null> = {
  unnest: null, generate_series: null, generate_subscripts: null, regexp_split_to_table: null, string_to_table: null,
  regexp_matches: null, json_object_keys: null, jsonb_object_keys: null,
  json_array_elements: ['value'], jsonb_array_elements: ['value'], json_array_elements_text: ['value'], jsonb_array_elements_text: ['value'],
  json_each: ['key', 'value'], jsonb_each: ['key', 'value'], json_each_text: ['key', 'value'], jsonb_each_text: ['key', 'value'],
};

/** The FROM entry of a RangeFunction; `scope` holds the items to its left (table functions are implicitly LATERAL). */
export function functionEntry(fields: Record<string, unknown>, scope: Scope, context: FromContext): FromEntry {
  const alias = fields.alias as Alias | undefined;
  const where = { scope, ctes: context.ctes, windows: new Map(), resolve: context.resolve };
  const calls = ((fields.functions ?? []) as Node[]).map((item) => functionItems(item));
  // `f(...) as r(a int, b text)`: the definition list of a single function sits on the FROM item.
  if (calls.length === 1 && !calls[0][1]) calls[0][1] = fields.coldeflist as Node[] | undefined;
  const columns: ShapeColumn[] = [];
  for (const [call, columnDefs] of calls) {
    const func = as<FuncCall>(call, 'FuncCall');
    const origins = inContext(childOrigins(func?.args ?? call, where, 'transform'), 'transform');
    const names = columnNames(func, columnDefs, alias, calls.length === 1);
    if (names) columns.push(...names.map((name) => ({ name, origins })));
    else columns.push(starColumn({ reason: `function ${func ? lastName(func.funcname) : 'call'}() in FROM: sparkify cannot see its columns` }));
  }
  if (fields.ordinality) columns.push({ name: 'ordinality', origins: noOrigins() });
  const shape: Shape = { columns: renameAll(columns, stringList(alias?.colnames)), indirect: [] };
  const func = as<FuncCall>(calls[0]?.[0], 'FuncCall');
  return itemEntry({ name: alias?.aliasname ?? (func ? lastName(func.funcname) : undefined), shape });
}

/** ROWS FROM items are `List [call, column definitions]`. */
function functionItems(item: Node): [Node | undefined, Node[] | undefined] {
  const items = as<{ items?: Node[] }>(item, 'List')?.items ?? [item];
  const defs = as<{ items?: Node[] }>(items[1], 'List')?.items;
  return [items[0], defs];
}

function columnNames(func: FuncCall | undefined, columnDefs: Node[] | undefined, alias: Alias | undefined, single: boolean): string[] | undefined {
  if (columnDefs?.length) return columnDefs.map((d) => as<{ colname?: string }>(d, 'ColumnDef')?.colname ?? '?column?');
  if (alias?.colnames?.length && single) return stringList(alias.colnames);
  const name = func ? lastName(func.funcname) : '';
  const known = KNOWN_COLUMNS[name];
  if (known === undefined) return undefined;
  return known ?? [alias?.aliasname ?? name];
}

/** An alias's column list renames the function's columns in order (also those from the definition list). */
function renameAll(columns: ShapeColumn[], names: string[]): ShapeColumn[] {
  return columns.map((c, i) => (i < names.length && !c.star ? { ...c, name: names[i] } : c));
}

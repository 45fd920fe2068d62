/**
 * Name resolution inside one SELECT, as PostgreSQL does it: the relations of its FROM clause, then
 * those of the enclosing queries (correlated subqueries, LATERAL). A column reference resolves to the
 * origins of the column it names; `t.*` and `*` expand to the columns they stand for.
 */
import type { Shape, ShapeColumn, Star } from './shape.js';
import { columnsNamed, starColumn } from './shape.js';
import type { Origins, Trace } from './trace.js';
import { inContext, mergeOrigins } from './trace.js';

/** A relation visible under a name: an alias, or the name of a relation, CTE or join alias. */
export interface FromItem {
  name?: string;
  /** Set for an unaliased relation, so `schema.table.column` finds it. */
  schema?: string;
  shape: Shape;
}

/** One entry of a FROM list: a relation, a subquery or a join tree. */
export interface FromEntry {
  /** The names it makes visible to qualified references. */
  items: FromItem[];
  /** The columns unqualified references and `*` see, in `select *` order (USING columns merged). */
  columns: ShapeColumn[];
  /** Filter/join traces of the CTEs, subqueries and join conditions inside it. */
  indirect: Trace[];
}

/** The FROM entries of one SELECT, inside those of the queries around it. */
export interface Scope {
  entries: FromEntry[];
  parent?: Scope;
  /** The entries' columns and items in one list each, built on first lookup. */
  flat?: { columns: ShapeColumn[]; items: FromItem[] };
}

/** A FROM entry of one relation. */
export function itemEntry(item: FromItem): FromEntry {
  return { items: [item], columns: item.shape.columns, indirect: item.shape.indirect };
}

/** What a column reference or a star resolved to. */
type Found = { origins: Origins } | undefined;

/** The origins of a column reference (`fields` are its names; a qualifier first). */
export function resolveColumn(scope: Scope | undefined, fields: string[]): Origins {
  const found = fields.length === 1 ? findUnqualified(scope, fields[0]) : findQualified(scope, fields);
  return found?.origins ?? unresolved(`column ${fields.map(quoteName).join('.')} is not in scope`);
}

function findUnqualified(scope: Scope | undefined, name: string): Found {
  for (let level = scope; level; level = level.parent) {
    const found = pickColumn(columnsNamed(levelIndex(level).columns, name), name, 'the relations in FROM');
    if (found) return found;
    // Not a column: `t` alone may be a whole-row reference to the relation t.
    const item = findItem(level, [name]);
    if (item) return { origins: wholeRow(item) };
  }
  return undefined;
}

function findQualified(scope: Scope | undefined, fields: string[]): Found {
  const column = fields[fields.length - 1];
  const qualifier = fields.slice(Math.max(0, fields.length - 3), -1);
  for (let level = scope; level; level = level.parent) {
    const item = findItem(level, qualifier);
    if (item) return pickColumn(columnsNamed(item.shape.columns, column), column, item.name ?? 'the subquery') ?? { origins: unresolved(`column ${quoteName(item.name ?? '')}.${quoteName(column)} does not exist`) };
    // `t.c.f`: field f of the composite column c of t.
    if (qualifier.length === 2) {
      const composite = findItem(level, [qualifier[0]]) && findQualified(level, qualifier);
      if (composite) return { origins: inContext(composite.origins, 'transform') };
    }
  }
  return undefined;
}

/** Every column and item of a scope level, gathered once (kept on the scope: lookups are the hot path). */
function levelIndex(scope: Scope): { columns: ShapeColumn[]; items: FromItem[] } {
  if (!scope.flat) {
    const single = scope.entries.length === 1 ? scope.entries[0] : undefined;
    scope.flat = single ?? { columns: scope.entries.flatMap((e) => e.columns), items: scope.entries.flatMap((e) => e.items) };
  }
  return scope.flat;
}

/** The relation a qualifier (`t`, or `schema.t`) names in one scope level. */
function findItem(scope: Scope, qualifier: string[]): FromItem | undefined {
  const name = qualifier[qualifier.length - 1];
  const schema = qualifier.length > 1 ? qualifier[qualifier.length - 2] : undefined;
  return levelIndex(scope).items.find((i) => i.name === name && (schema === undefined || i.schema === schema));
}

/** One listed column; else a star that may hold it; undefined when the name is not here at all. */
function pickColumn({ matches, stars }: { matches: ShapeColumn[]; stars: Star[] }, name: string, where: string): Found {
  if (matches.length === 1) return { origins: matches[0].origins };
  if (matches.length > 1) return { origins: unresolved(`column ${quoteName(name)} is ambiguous: ${where} have ${matches.length} of that name`) };
  if (stars.length === 1) return { origins: stars[0].lookup?.(name) ?? unresolved(`column ${quoteName(name)} comes from a relation whose columns are unknown: ${stars[0].reason}`) };
  if (stars.length > 1) return { origins: unresolved(`column ${quoteName(name)} may come from any of ${stars.length} relations whose columns are unknown: ${stars.map((s) => s.reason).join('; ')}`) };
  return undefined;
}

/** A whole-row reference (`t` as a value, `t.*` inside an expression): every column, transformed. */
export function wholeRow(item: FromItem): Origins {
  return inContext(mergeOrigins(item.shape.columns.map((c) => c.origins)), 'transform');
}

/** The columns `*` (no qualifier) or `t.*` stands for in a select list. */
export function expandStar(scope: Scope, qualifier: string[]): ShapeColumn[] {
  if (qualifier.length === 0) {
    const { columns } = levelIndex(scope);
    return columns.length > 0 ? columns : [starColumn({ reason: 'select * without a FROM clause' })];
  }
  for (let level: Scope | undefined = scope; level; level = level.parent) {
    const item = findItem(level, qualifier.slice(-2));
    if (item) return item.shape.columns;
  }
  return [starColumn({ reason: `${qualifier.map(quoteName).join('.')}.* names no relation in scope` })];
}

/** The origins of a whole-row reference written `t.*` inside an expression. */
export function starOrigins(scope: Scope, qualifier: string[]): Origins {
  return inContext(mergeOrigins(expandStar(scope, qualifier).map((c) => c.origins)), 'transform');
}

/** Origins that say only why they are unknown. */
export function unresolved(reason: string): Origins {
  return { traces: [], unresolved: [reason] };
}

/** An identifier as PostgreSQL would need it written: bare when it is a plain lower-case name. */
export function quoteName(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

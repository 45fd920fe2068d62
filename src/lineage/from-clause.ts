/**
 * The FROM clause of one SELECT as a scope: each relation, CTE, subquery, table function and join
 * tree with the names it makes visible, the columns `*` sees (USING/NATURAL columns merged as
 * PostgreSQL merges them), and the filter/join traces inside it. LATERAL items and table functions
 * see the items to their left.
 */
import type { Alias, JoinExpr, Node, RangeSubselect, RangeVar } from 'libpg-query';
import { as, stringList, unwrap } from './ast.js';
import type { CteEnv, SelectResolver } from './ctes.js';
import { cteShape } from './ctes.js';
import { expressionOrigins } from './expression-origins.js';
import type { ProjectRelations } from './relation-shapes.js';
import { relationShape } from './relation-shapes.js';
import type { FromEntry, FromItem, Scope } from './scope.js';
import { itemEntry, resolveColumn } from './scope.js';
import type { ShapeColumn } from './shape.js';
import { renameColumns, shapeThrough, unknownShape } from './shape.js';
import { functionEntry } from './table-functions.js';
import type { Trace } from './trace.js';
import { inContext, mergeOrigins } from './trace.js';

/** What a SELECT's FROM clause is resolved with. */
export interface FromContext {
  project: ProjectRelations;
  ctes: CteEnv | undefined;
  /** The scope of the enclosing query, for correlated references. */
  parent: Scope | undefined;
  resolve: SelectResolver;
}

/** The scope a SELECT's FROM clause opens, and the filter/join traces found inside it. */
export function buildFrom(fromClause: Node[] | undefined, context: FromContext): { scope: Scope; indirect: Trace[] } {
  const entries: FromEntry[] = [];
  for (const node of fromClause ?? []) entries.push(fromEntry(node, entries.slice(), context));
  return { scope: { entries, parent: context.parent }, indirect: entries.flatMap((e) => e.indirect) };
}

/** One FROM entry; `left` are the entries to its left, which LATERAL items may read. */
export function fromEntry(node: Node, left: FromEntry[], context: FromContext): FromEntry {
  const [kind, fields] = unwrap(node) ?? ['nothing', {}];
  switch (kind) {
    case 'RangeVar':
      return itemEntry(rangeVarItem(fields as RangeVar, context));
    case 'RangeSubselect':
      return itemEntry(subselectItem(fields as RangeSubselect, left, context));
    case 'JoinExpr':
      return joinEntry(fields as JoinExpr, left, context);
    case 'RangeFunction':
      return functionEntry(fields, { entries: left, parent: context.parent }, context);
    case 'RangeTableSample':
      return fromEntry(fields.relation as Node, left, context);
    default: {
      const alias = (fields.alias as Alias | undefined)?.aliasname;
      return itemEntry({ name: alias, shape: unknownShape(`${kind} in FROM: sparkify cannot see its columns`) });
    }
  }
}

function rangeVarItem(range: RangeVar, context: FromContext): FromItem {
  const name = range.relname ?? '';
  const cte = range.schemaname === undefined ? cteShape(context.ctes, name, context.resolve) : undefined;
  const shape = cte ? shapeThrough(cte.shape, cte.label) : relationShape(range, context.project);
  const alias = range.alias;
  return {
    name: alias?.aliasname ?? name,
    schema: alias ? undefined : range.schemaname,
    shape: renameColumns(shape, stringList(alias?.colnames)),
  };
}

function subselectItem(range: RangeSubselect, left: FromEntry[], context: FromContext): FromItem {
  const query = as<never>(range.subquery, 'SelectStmt');
  const scope = range.lateral ? { entries: left, parent: context.parent } : context.parent;
  const shape = query ? context.resolve(query, scope, context.ctes) : unknownShape('a subquery in FROM that is not a SELECT');
  return { name: range.alias?.aliasname, shape: renameColumns(shape, stringList(range.alias?.colnames)) };
}

function joinEntry(join: JoinExpr, left: FromEntry[], context: FromContext): FromEntry {
  const l = fromEntry(join.larg!, left, context);
  const r = fromEntry(join.rarg!, [...left, l], context);
  const using = join.isNatural ? commonNames(l.columns, r.columns) : stringList(join.usingClause);
  const pair: Scope = { entries: [l, r], parent: context.parent };
  const on = expressionOrigins(join.quals, { scope: pair, ctes: context.ctes, windows: new Map(), resolve: context.resolve }, 'join');
  const usingTraces = using.flatMap((name) => [l, r].flatMap((side) => inContext(resolveColumn({ entries: [side] }, [name]), 'join').traces));
  const columns = using.length > 0 ? mergeUsing(join.jointype, using, l, r) : [...l.columns, ...r.columns];
  const entry: FromEntry = { items: [...l.items, ...r.items], columns, indirect: [...l.indirect, ...r.indirect, ...on.traces, ...usingTraces] };
  if (join.join_using_alias?.aliasname) {
    entry.items.push({ name: join.join_using_alias.aliasname, shape: { columns: columns.slice(0, using.length), indirect: [] } });
  }
  if (!join.alias) return entry;
  // An aliased join hides the names inside it: only the alias (and its column names) remain.
  const shape = renameColumns({ columns, indirect: [] }, stringList(join.alias.colnames));
  return { items: [{ name: join.alias.aliasname, shape }], columns: shape.columns, indirect: entry.indirect };
}

/** NATURAL JOIN joins on the column names both sides have. */
function commonNames(left: ShapeColumn[], right: ShapeColumn[]): string[] {
  const rightNames = new Set(right.filter((c) => !c.star).map((c) => c.name));
  return left.filter((c) => !c.star && rightNames.has(c.name)).map((c) => c.name);
}

/**
 * USING columns come first, once: the left side's value for inner and left joins, the right side's
 * for right joins, COALESCE of both for full joins. Then each side's other columns.
 */
function mergeUsing(type: string | undefined, using: string[], l: FromEntry, r: FromEntry): ShapeColumn[] {
  const side = (entry: FromEntry, name: string) => resolveColumn({ entries: [entry] }, [name]);
  const merged = using.map((name): ShapeColumn => {
    if (type === 'JOIN_FULL') return { name, origins: inContext(mergeOrigins([side(l, name), side(r, name)]), 'transform') };
    return { name, origins: side(type === 'JOIN_RIGHT' ? r : l, name) };
  });
  const rest = (columns: ShapeColumn[]) => columns.filter((c) => c.star || !using.includes(c.name));
  return [...merged, ...rest(l.columns), ...rest(r.columns)];
}

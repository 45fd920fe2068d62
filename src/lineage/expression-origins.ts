/**
 * The upstream columns an expression reads. A column reference that is the whole expression is
 * `bare`; inside any operator, function, CASE or cast it is a `transform`; inside an aggregate or a
 * window function (its arguments, FILTER, ORDER BY, PARTITION BY) an `aggregate`. Subqueries in an
 * expression are resolved as queries of their own, correlated with the scope around them.
 */
import type { FuncCall, Node, SelectStmt, SubLink, WindowDef } from 'libpg-query';
import { isAggregateCall } from './aggregates.js';
import { as, stringValue } from './ast.js';
import type { CteEnv, SelectResolver } from './ctes.js';
import type { Scope } from './scope.js';
import { resolveColumn, starOrigins } from './scope.js';
import type { Flow, Origins } from './trace.js';
import { addOrigins, combineFlow, isIndirect } from './trace.js';

/** Where an expression is evaluated: its scope, CTEs, named windows and how to resolve subqueries. */
export interface ExpressionScope {
  scope: Scope;
  ctes: CteEnv | undefined;
  windows: Map<string, WindowDef>;
  resolve: SelectResolver;
}

/** The origins of `node` read in context `flow` (`bare` for a select-list entry). */
export function expressionOrigins(node: Node | undefined, where: ExpressionScope, flow: Flow): Origins {
  const out: Origins = { traces: [], unresolved: [] };
  collect(node, where, flow, out);
  return out;
}

/** The origins of every expression below a value (a node, a list of nodes or a node's fields), read in `flow`. */
export function childOrigins(value: unknown, where: ExpressionScope, flow: Flow): Origins {
  const out: Origins = { traces: [], unresolved: [] };
  collectChildren(value, where, flow, out);
  return out;
}

// The walk adds to one `out` rather than merging arrays at every level: models are walked node by node.
function collect(node: Node | undefined, where: ExpressionScope, flow: Flow, out: Origins): void {
  if (!node) return;
  const kind = Object.keys(node)[0];
  const fields = (node as unknown as Record<string, Record<string, unknown>>)[kind];
  if (kind === 'ColumnRef') return addOrigins(out, columnRef(fields.fields as Node[], where.scope), flow);
  const field = kind === 'A_Indirection' ? fieldOfRow(fields, where.scope) : undefined;
  if (field) return addOrigins(out, field, flow);
  const inner = combineFlow(flow, 'transform');
  if (kind === 'FuncCall') return collectCall(fields as FuncCall, where, inner, out);
  if (kind === 'SubLink') return collectSubLink(fields as SubLink, where, inner, out);
  collectChildren(fields, where, inner, out);
}

/** A column reference; a trailing `*` (as in `count(t.*)`, `row_to_json(t.*)`) reads the whole row. */
function columnRef(fields: Node[], scope: Scope): Origins {
  const names = fields.map((f) => stringValue(f));
  if (names[names.length - 1] === undefined) return starOrigins(scope, names.slice(0, -1) as string[]);
  return resolveColumn(scope, names as string[]);
}

/** `(t).column`: a field of a whole-row reference is that column; anything else is an expression of its argument. */
function fieldOfRow(fields: Record<string, unknown>, scope: Scope): Origins | undefined {
  const arg = as<{ fields?: Node[] }>(fields.arg as Node, 'ColumnRef');
  const path = [...(arg?.fields ?? []), ...((fields.indirection as Node[] | undefined) ?? [])].map((f) => stringValue(f));
  if (!arg || path.some((name) => name === undefined) || path.length > 4) return undefined;
  const origins = resolveColumn(scope, path as string[]);
  return origins.unresolved.length === 0 ? origins : undefined;
}

function collectCall(call: FuncCall, where: ExpressionScope, flow: Flow, out: Origins): void {
  const argumentFlow = isAggregateCall(call) ? combineFlow(flow, 'aggregate') : flow;
  for (const part of [call.args, call.agg_order, call.agg_filter]) collectChildren(part, where, argumentFlow, out);
  if (call.over) collectWindow(call.over, where, argumentFlow, out);
}

/** PARTITION BY and ORDER BY of a window, including those of the named window it builds on. */
function collectWindow(window: WindowDef, where: ExpressionScope, flow: Flow, out: Origins): void {
  collectChildren([window.partitionClause, window.orderClause], where, flow, out);
  const base = window.refname ?? window.name;
  const named = base ? where.windows.get(base) : undefined;
  if (named && named !== window) collectWindow(named, where, flow, out);
}

/**
 * A subquery in an expression: what it returns is read in `flow` (at least a transform: a value
 * looked up by a query is not the column passed through), and its own filter/join traces stay
 * indirect (they decide which value it finds). EXISTS returns no column, only its filters count.
 */
function collectSubLink(link: SubLink, where: ExpressionScope, flow: Flow, out: Origins): void {
  collectChildren(link.testexpr, where, flow, out);
  const query = as<SelectStmt>(link.subselect, 'SelectStmt');
  if (!query) return;
  const shape = where.resolve(query, where.scope, where.ctes);
  if (link.subLinkType !== 'EXISTS_SUBLINK') for (const column of shape.columns) addOrigins(out, column.origins, flow);
  addOrigins(out, { traces: shape.indirect, unresolved: [] }, isIndirect(flow) ? flow : 'bare');
}

function collectChildren(value: unknown, where: ExpressionScope, flow: Flow, out: Origins): void {
  if (Array.isArray(value)) {
    for (const item of value) collectChildren(item, where, flow, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const keys = Object.keys(value);
  // A wrapped node (`{ ColumnRef: {...} }`) is an expression; other objects (WindowDef, TypeName) are walked through.
  if (keys.length === 1 && /^[A-Z]/.test(keys[0])) return collect(value as Node, where, flow, out);
  for (const key of keys) collectChildren((value as Record<string, unknown>)[key], where, flow, out);
}

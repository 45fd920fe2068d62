/**
 * The upstream columns an expression reads. A column reference that is the whole expression is
 * `bare`; inside any operator, function, CASE or cast it is a `transform`; inside an aggregate or a
 * window function (its arguments, FILTER, ORDER BY, PARTITION BY) an `aggregate`. Subqueries in an
 * expression are resolved as queries of their own, correlated with the scope around them.
 */
import type { FuncCall, Node, SelectStmt, SubLink, WindowDef } from 'libpg-query';
import { isAggregateCall } from './aggregates.js';
import { as, stringValue, unwrap } from './ast.js';
import type { CteEnv, SelectResolver } from './ctes.js';
import type { Scope } from './scope.js';
import { resolveColumn, starOrigins } from './scope.js';
import type { Flow, Origins } from './trace.js';
import { combineFlow, inContext, mergeOrigins, noOrigins } from './trace.js';

/** Where an expression is evaluated: its scope, CTEs, named windows and how to resolve subqueries. */
export interface ExpressionScope {
  scope: Scope;
  ctes: CteEnv | undefined;
  windows: Map<string, WindowDef>;
  resolve: SelectResolver;
}

/** The origins of `node` read in context `flow` (`bare` for a select-list entry). */
export function expressionOrigins(node: Node | undefined, where: ExpressionScope, flow: Flow): Origins {
  const entry = unwrap(node);
  if (!entry) return noOrigins();
  const [kind, fields] = entry;
  if (kind === 'ColumnRef') return inContext(columnRef(fields.fields as Node[], where.scope), flow);
  const inner = combineFlow(flow, 'transform');
  if (kind === 'FuncCall') return functionOrigins(fields as FuncCall, where, inner);
  if (kind === 'SubLink') return subLinkOrigins(fields as SubLink, where, inner);
  return childOrigins(fields, where, inner);
}

/** A column reference; a trailing `*` (as in `count(t.*)`, `row_to_json(t.*)`) reads the whole row. */
function columnRef(fields: Node[], scope: Scope): Origins {
  const names = fields.map((f) => stringValue(f));
  if (names[names.length - 1] === undefined) return starOrigins(scope, names.slice(0, -1) as string[]);
  return resolveColumn(scope, names as string[]);
}

function functionOrigins(call: FuncCall, where: ExpressionScope, flow: Flow): Origins {
  const argumentFlow = isAggregateCall(call) ? combineFlow(flow, 'aggregate') : flow;
  const parts = [call.args, call.agg_order, call.agg_filter].map((v) => childOrigins(v, where, argumentFlow));
  if (call.over) parts.push(windowOrigins(call.over, where, argumentFlow));
  return mergeOrigins(parts);
}

/** PARTITION BY and ORDER BY of a window, including those of the named window it builds on. */
function windowOrigins(window: WindowDef, where: ExpressionScope, flow: Flow): Origins {
  const parts = [childOrigins([window.partitionClause, window.orderClause], where, flow)];
  const base = window.refname ?? window.name;
  const named = base ? where.windows.get(base) : undefined;
  if (named && named !== window) parts.push(windowOrigins(named, where, flow));
  return mergeOrigins(parts);
}

/**
 * A subquery in an expression: what it returns is read in `flow` (at least a transform: a value
 * looked up by a query is not the column passed through), and its own filter/join traces stay
 * indirect (they decide which value it finds). EXISTS returns no column, only its filters count.
 */
function subLinkOrigins(link: SubLink, where: ExpressionScope, flow: Flow): Origins {
  const query = as<SelectStmt>(link.subselect, 'SelectStmt');
  const test = childOrigins(link.testexpr, where, flow);
  if (!query) return test;
  const shape = where.resolve(query, where.scope, where.ctes);
  const returned = link.subLinkType === 'EXISTS_SUBLINK' ? [] : shape.columns.map((c) => inContext(c.origins, flow));
  const indirect = inContext({ traces: shape.indirect, unresolved: [] }, flow === 'filter' || flow === 'join' ? flow : 'bare');
  return mergeOrigins([test, ...returned, indirect]);
}

/** Every expression below a value (a node, a list of nodes or a node's fields), read in `flow`. */
export function childOrigins(value: unknown, where: ExpressionScope, flow: Flow): Origins {
  if (Array.isArray(value)) return mergeOrigins(value.map((v) => childOrigins(v, where, flow)));
  if (!value || typeof value !== 'object') return noOrigins();
  const keys = Object.keys(value);
  // A wrapped node (`{ ColumnRef: {...} }`) is an expression; other objects (WindowDef, TypeName) are walked through.
  if (keys.length === 1 && /^[A-Z]/.test(keys[0])) return expressionOrigins(value as Node, where, flow);
  return mergeOrigins(keys.map((k) => childOrigins((value as Record<string, unknown>)[k], where, flow)));
}

/**
 * One SELECT (with its WITH clause, set operations, VALUES and FROM) resolved to a shape: each
 * output column with the upstream columns it is computed from, and the filter/join traces that
 * decided its rows.
 */
import type { ColumnRef, Node, ResTarget, SelectStmt, WindowDef } from 'libpg-query';
import { as, stringValue } from './ast.js';
import { figureColumnName } from './column-name.js';
import type { CteEnv, SelectResolver } from './ctes.js';
import { bindCtes } from './ctes.js';
import type { ExpressionScope } from './expression-origins.js';
import { expressionOrigins } from './expression-origins.js';
import { buildFrom } from './from-clause.js';
import type { ProjectRelations } from './relation-shapes.js';
import type { Scope } from './scope.js';
import { expandStar } from './scope.js';
import type { Shape, ShapeColumn } from './shape.js';
import { starColumn } from './shape.js';
import { inContext, mergeOrigins } from './trace.js';

/** A resolver of SELECTs against the relations of one project. */
export function selectResolver(project: ProjectRelations): SelectResolver {
  const resolve: SelectResolver = (query, parent, outerCtes) => {
    const labelOf = (name: string) => project.ephemeralNode(name) ?? name;
    const ctes = query.withClause ? bindCtes(query.withClause, outerCtes, parent, labelOf) : outerCtes;
    if (query.op && query.op !== 'SETOP_NONE') return setOperation(query, parent, ctes, resolve);
    if (query.valuesLists?.length) return valuesShape(query.valuesLists, { scope: { entries: [], parent }, ctes, windows: new Map(), resolve });
    const { scope, indirect } = buildFrom(query.fromClause, { project, ctes, parent, resolve });
    const where: ExpressionScope = { scope, ctes, windows: namedWindows(query.windowClause), resolve };
    const filters = [query.whereClause, query.havingClause].flatMap((clause) => expressionOrigins(clause, where, 'filter').traces);
    return { columns: (query.targetList ?? []).flatMap((target) => targetColumns(target, where)), indirect: [...indirect, ...filters] };
  };
  return resolve;
}

/** The output columns of one select-list entry: one, or all that `*`/`t.*` stands for. */
function targetColumns(node: Node, where: ExpressionScope): ShapeColumn[] {
  const target = as<ResTarget>(node, 'ResTarget');
  if (!target) return [];
  const ref = as<ColumnRef>(target.val, 'ColumnRef');
  const fields = (ref?.fields ?? []).map(stringValue);
  if (ref && fields[fields.length - 1] === undefined) return expandStar(where.scope, fields.slice(0, -1) as string[]);
  const indirection = as<{ indirection?: Node[] }>(target.val, 'A_Indirection');
  if (indirection?.indirection?.some((n) => as(n, 'A_Star'))) {
    return [starColumn({ reason: '(composite).* expands a composite value sparkify cannot see into' })];
  }
  return [{ name: target.name ?? figureColumnName(target.val), origins: expressionOrigins(target.val, where, 'bare') }];
}

/**
 * UNION/INTERSECT/EXCEPT: columns by position, named by the left side. EXCEPT returns left rows
 * only, so the right side's columns only decide which rows are left out: filter traces. Past a
 * column of unknown count (`*` over an unknown relation) positions cannot be matched.
 */
function setOperation(query: SelectStmt, parent: Scope | undefined, ctes: CteEnv | undefined, resolve: SelectResolver): Shape {
  const left = resolve(query.larg!, parent, ctes);
  const right = resolve(query.rarg!, parent, ctes);
  const except = query.op === 'SETOP_EXCEPT';
  const columns: ShapeColumn[] = [];
  for (let i = 0; i < Math.min(left.columns.length, right.columns.length); i++) {
    const [l, r] = [left.columns[i], right.columns[i]];
    if (l.star || r.star) {
      columns.push(starColumn({ reason: `a set operation over columns that are not all known: ${(l.star ?? r.star)!.reason}` }));
      break;
    }
    columns.push({ name: l.name, origins: except ? l.origins : mergeOrigins([l.origins, r.origins]) });
  }
  const rightRows = except ? right.columns.flatMap((c) => inContext(c.origins, 'filter').traces) : [];
  return { columns, indirect: [...left.indirect, ...right.indirect, ...rightRows] };
}

/** VALUES lists: columns `column1`, `column2`, … reading whatever their expressions read. */
function valuesShape(rows: Node[], where: ExpressionScope): Shape {
  const lists = rows.map((row) => as<{ items?: Node[] }>(row, 'List')?.items ?? []);
  const width = Math.max(0, ...lists.map((l) => l.length));
  const columns = Array.from({ length: width }, (_, i): ShapeColumn => ({
    name: `column${i + 1}`,
    origins: mergeOrigins(lists.map((l) => expressionOrigins(l[i], where, 'transform'))),
  }));
  return { columns, indirect: [] };
}

function namedWindows(clause: Node[] | undefined): Map<string, WindowDef> {
  const windows = new Map<string, WindowDef>();
  for (const node of clause ?? []) {
    const window = as<WindowDef>(node, 'WindowDef');
    if (window?.name) windows.set(window.name, window);
  }
  return windows;
}

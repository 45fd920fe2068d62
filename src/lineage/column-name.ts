/**
 * The name PostgreSQL gives an output column that has no alias, following FigureColname in its
 * parse_target.c: the last field of a column reference, a function's name, `case`, a cast's type
 * when nothing better is known, and `?column?` otherwise.
 */
import type { Node, SelectStmt } from 'libpg-query';
import { as, lastName, stringValue, unwrap } from './ast.js';

/** The output name of an unaliased select-list expression. */
export function figureColumnName(node: Node | undefined): string {
  return figure(node)?.name ?? '?column?';
}

/** A name and how sure PostgreSQL is of it (2 good, 1 second best). */
interface Named {
  name: string;
  strength: 1 | 2;
}

const FIXED_NAMES: Record<string, string> = {
  A_ArrayExpr: 'array', RowExpr: 'row', CoalesceExpr: 'coalesce', GroupingFunc: 'grouping', MergeSupportFunc: 'merge_action',
  XmlSerialize: 'xmlserialize', JsonParseExpr: 'json', JsonScalarExpr: 'json_scalar', JsonSerializeExpr: 'json_serialize',
  JsonObjectConstructor: 'json_object', JsonArrayConstructor: 'json_array', JsonArrayQueryConstructor: 'json_array',
  JsonObjectAgg: 'json_objectagg', JsonArrayAgg: 'json_arrayagg',
};

function figure(node: Node | undefined): Named | undefined {
  const entry = unwrap(node);
  if (!entry) return undefined;
  const [kind, fields] = entry;
  if (FIXED_NAMES[kind]) return { name: FIXED_NAMES[kind], strength: 2 };
  switch (kind) {
    case 'ColumnRef':
    case 'A_Indirection':
      return lastField(fields) ?? (kind === 'A_Indirection' ? figure(fields.arg as Node) : undefined);
    case 'FuncCall':
      return { name: lastName(fields.funcname as Node[]), strength: 2 };
    case 'A_Expr':
      return fields.kind === 'AEXPR_NULLIF' ? { name: 'nullif', strength: 2 } : undefined;
    case 'TypeCast':
      return typeCastName(fields);
    case 'CollateClause':
      return figure(fields.arg as Node);
    case 'SubLink':
      return subLinkName(fields);
    case 'CaseExpr': {
      const inner = figure(fields.defresult as Node);
      return inner && inner.strength > 1 ? inner : { name: 'case', strength: 1 };
    }
    default:
      return specialName(kind, fields);
  }
}

/** A column reference's or indirection's last named field, ignoring `*` and subscripts. */
function lastField(fields: Record<string, unknown>): Named | undefined {
  const parts = (fields.fields ?? fields.indirection) as Node[] | undefined;
  const names = (parts ?? []).map(stringValue).filter((n): n is string => n !== undefined);
  return names.length > 0 ? { name: names[names.length - 1], strength: 2 } : undefined;
}

function typeCastName(fields: Record<string, unknown>): Named | undefined {
  const inner = figure(fields.arg as Node);
  if (inner && inner.strength > 1) return inner;
  const typeName = fields.typeName as { names?: Node[] } | undefined;
  return typeName?.names ? { name: lastName(typeName.names), strength: 1 } : inner;
}

function subLinkName(fields: Record<string, unknown>): Named | undefined {
  if (fields.subLinkType === 'EXISTS_SUBLINK') return { name: 'exists', strength: 2 };
  if (fields.subLinkType === 'ARRAY_SUBLINK') return { name: 'array', strength: 2 };
  if (fields.subLinkType !== 'EXPR_SUBLINK') return undefined;
  // PostgreSQL names a scalar subquery after its single output column, once that is transformed.
  const select = as<SelectStmt>(fields.subselect as Node, 'SelectStmt');
  const first = select?.targetList?.[0];
  const target = as<{ name?: string; val?: Node }>(first, 'ResTarget');
  if (!target) return undefined;
  return target.name ? { name: target.name, strength: 2 } : figure(target.val);
}

const VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'current_date', SVFOP_CURRENT_TIME: 'current_time', SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp', SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIME: 'localtime', SVFOP_LOCALTIME_N: 'localtime', SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp', SVFOP_CURRENT_ROLE: 'current_role', SVFOP_CURRENT_USER: 'current_user',
  SVFOP_USER: 'user', SVFOP_SESSION_USER: 'session_user', SVFOP_CURRENT_CATALOG: 'current_catalog', SVFOP_CURRENT_SCHEMA: 'current_schema',
};

const JSON_FUNCTIONS: Record<string, string> = { JSON_EXISTS_OP: 'json_exists', JSON_QUERY_OP: 'json_query', JSON_VALUE_OP: 'json_value' };

function specialName(kind: string, fields: Record<string, unknown>): Named | undefined {
  let name: string | undefined;
  if (kind === 'MinMaxExpr') name = fields.op === 'IS_GREATEST' ? 'greatest' : 'least';
  else if (kind === 'SQLValueFunction') name = VALUE_FUNCTIONS[fields.op as string];
  else if (kind === 'XmlExpr' && fields.op !== 'IS_DOCUMENT') name = String(fields.op).replace(/^IS_/, '').toLowerCase();
  else if (kind === 'JsonFuncExpr') name = JSON_FUNCTIONS[fields.op as string];
  return name ? { name, strength: 2 } : undefined;
}

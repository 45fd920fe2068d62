/**
 * The shape of a relation as a scope sees it: its columns in order, each with its origins, and the
 * filter/join traces that decided its rows. Relations whose columns are not all known carry a star
 * column (`*`) in place of the ones that could not be listed.
 */
import type { Origins, Trace } from './trace.js';
import { originsThrough, throughLabel } from './trace.js';

/** Stands for columns that could not be listed. */
export interface Star {
  /** Why they are unknown, e.g. `"public"."ext" is not a node of the project`. */
  reason: string;
  /**
   * For a relation that is a node (whose output is not fully listed), a column named in the SQL is
   * still known to come from that node's column of that name; absent when even that is unknown.
   */
  lookup?: (name: string) => Origins;
}

/** One column of a shape; `star` is set on the `*` column that stands for unlisted ones. */
export interface ShapeColumn {
  name: string;
  origins: Origins;
  star?: Star;
}

/** A relation as a scope sees it. */
export interface Shape {
  columns: ShapeColumn[];
  /** Filter/join traces of the scopes that produced the rows. */
  indirect: Trace[];
}

/** The name of the column that stands for unknown ones. */
export const STAR = '*';

/** A star column. */
export function starColumn(star: Star): ShapeColumn {
  return { name: STAR, origins: { traces: [], unresolved: [star.reason] }, star };
}

/** The shape of a node read as a relation: each column traces to itself. */
export function nodeShape(node: string, columns: string[], starReason?: string): Shape {
  const listed: ShapeColumn[] = columns.map((column) => ({ name: column, origins: { traces: [{ node, column, flow: 'bare', via: [] }], unresolved: [] } }));
  if (starReason !== undefined) listed.push(starColumn({ reason: starReason, lookup: (column) => ({ traces: [{ node, column, flow: 'bare', via: [] }], unresolved: [] }) }));
  return { columns: listed, indirect: [] };
}

/** A relation nothing is known of. */
export function unknownShape(reason: string): Shape {
  return { columns: [starColumn({ reason })], indirect: [] };
}

/** The shape seen from outside a CTE or ephemeral model named `label`: `label` joins every path. */
export function shapeThrough(shape: Shape, label: string | undefined): Shape {
  if (label === undefined) return shape;
  return {
    columns: shape.columns.map((c) => ({ ...c, origins: originsThrough(c.origins, label), star: c.star && starThrough(c.star, label) })),
    indirect: throughLabel(shape.indirect, label),
  };
}

function starThrough(star: Star, label: string): Star {
  const { lookup } = star;
  return lookup ? { reason: star.reason, lookup: (name) => originsThrough(lookup(name), label) } : star;
}

/** Renames the first columns (an alias's column list: `from t as x(a, b)`, `with c(a, b) as`). */
export function renameColumns(shape: Shape, names: string[]): Shape {
  if (names.length === 0) return shape;
  return { ...shape, columns: shape.columns.map((c, i) => (i < names.length && !c.star ? { ...c, name: names[i] } : c)) };
}

/** The listed columns named `name` (two or more: ambiguous), and the stars that may hold it. */
export function columnsNamed(columns: ShapeColumn[], name: string): { matches: ShapeColumn[]; stars: Star[] } {
  // A plain scan: a scope has a handful of columns, and this runs for every column reference.
  let matches: ShapeColumn[] | undefined;
  let stars: Star[] | undefined;
  for (const column of columns) {
    if (column.star) (stars ??= []).push(column.star);
    else if (column.name === name) (matches ??= []).push(column);
  }
  return { matches: matches ?? [], stars: matches ? [] : stars ?? [] };
}

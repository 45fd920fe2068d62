/**
 * From a resolved shape to the published NodeLineage: a bare column becomes passthrough or rename
 * by its output name, each upstream column is listed once per path with its strongest use, and
 * edges are sorted so the output is deterministic.
 */
import type { Shape } from './shape.js';
import { STAR, nodeShape } from './shape.js';
import type { Trace } from './trace.js';
import { isIndirect } from './trace.js';
import type { ColumnLineage, LineageEdge, LineageHow, NodeLineage } from './types.js';

const RANK: Record<LineageHow, number> = { passthrough: 0, rename: 0, transform: 1, aggregate: 2, filter: 3, join: 4 };

/** The lineage of a node whose SQL resolved to `shape`. */
export function toNodeLineage(node: string, shape: Shape): NodeLineage {
  const columns = shape.columns.map((c): ColumnLineage => ({
    column: c.name,
    edges: toEdges(c.origins.traces, c.name),
    unresolved: [...new Set(c.origins.unresolved)],
  }));
  return { node, columns, indirect: toEdges(shape.indirect, undefined) };
}

/** Edges from traces: one per upstream column, path and kind (direct, filter, join), the strongest direct use kept. */
export function toEdges(traces: Trace[], outputName: string | undefined): LineageEdge[] {
  const edges = new Map<string, LineageEdge>();
  for (const trace of traces) {
    const how: LineageHow = trace.flow === 'bare' ? (trace.column === outputName ? 'passthrough' : 'rename') : trace.flow;
    const group = isIndirect(trace.flow) ? trace.flow : 'direct';
    const key = [trace.node, trace.column, group, ...trace.via].join('\u0000');
    const known = edges.get(key);
    if (!known || RANK[how] > RANK[known.how]) edges.set(key, { from: { node: trace.node, column: trace.column }, how, via: trace.via });
  }
  return [...edges.values()].sort(compareEdges);
}

function compareEdges(a: LineageEdge, b: LineageEdge): number {
  return compareText(a.from.node, b.from.node) || compareText(a.from.column, b.from.column) || RANK[a.how] - RANK[b.how]
    || compareText(a.via.join('\u0000'), b.via.join('\u0000'));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a reader of a node needs of its lineage: the listed columns, and why others are unknown. */
export interface ShapeSpec {
  node: string;
  columns: string[];
  starReason?: string;
}

/** The ShapeSpec of a node's lineage (small and plain: it is sent to worker threads). */
export function shapeSpecOf(lineage: NodeLineage): ShapeSpec {
  if (lineage.error !== undefined) return { node: lineage.node, columns: [], starReason: `${lineage.node} could not be analysed (${lineage.error})` };
  const columns = lineage.columns.filter((c) => c.column !== STAR).map((c) => c.column);
  const open = lineage.columns.some((c) => c.column === STAR);
  return { node: lineage.node, columns, ...(open ? { starReason: `${lineage.node} has columns sparkify could not list` } : {}) };
}

/** How a node's output looks to a query that reads it: its listed columns, and a star when some are unknown. */
export function shapeOfLineage(lineage: NodeLineage): Shape {
  return shapeOfSpec(shapeSpecOf(lineage));
}

/** See shapeOfLineage. */
export function shapeOfSpec(spec: ShapeSpec): Shape {
  return nodeShape(spec.node, spec.columns, spec.starReason);
}

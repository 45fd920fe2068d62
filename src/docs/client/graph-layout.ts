/** Positions for the table-lineage DAG: dagre for what a person reads, a fast layering beyond that. */
import type * as Dagre from '@dagrejs/dagre';
import { layeredLayout } from './layered-layout.js';

declare const dagre: typeof Dagre;

/** A node to place: its id and label. */
export interface LayoutInput {
  id: string;
  label: string;
}

/** A placed node (x, y: its top-left corner). */
export interface LaidNode extends LayoutInput {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** An edge, with the bends dagre routed it through (none for the fast layering). */
export interface LaidEdge {
  from: string;
  to: string;
  points?: { x: number; y: number }[];
}

/** A laid-out graph and how it was laid out. */
export interface GraphLayout {
  nodes: LaidNode[];
  edges: LaidEdge[];
  engine: 'dagre' | 'layered';
  /** Milliseconds the layout took. */
  ms: number;
}

/**
 * Above this many nodes dagre is not used. In chromium on a generated deep DAG (bench/docs,
 * BENCHMARKS.md section 5) dagre took about 0.2 s for 100 connected models, 0.5 s for 200, 2 s for
 * 400 and 12 s for 800, while the layering lays out all 10,004 nodes in about 0.2–0.6 s.
 * Neighbourhoods and typical selections stay well under it.
 */
export const DAGRE_MAX_NODES = 200;

/** Node height, and the font labels are measured in. */
export const NODE_HEIGHT = 30;
export const LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Lays out `nodes` left to right (parents left of children); `edges` are [parent, child]. */
export function layoutGraph(nodes: LayoutInput[], edges: [string, string][]): GraphLayout {
  const started = performance.now();
  const widths = labelWidths(nodes);
  const placed = nodes.length <= DAGRE_MAX_NODES ? dagreLayout(nodes, edges, widths) : layeredLayout(nodes, edges, widths, NODE_HEIGHT);
  return { ...placed, ms: performance.now() - started };
}

function dagreLayout(nodes: LayoutInput[], edges: [string, string][], widths: Map<string, number>): Omit<GraphLayout, 'ms'> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: widths.get(node.id)!, height: NODE_HEIGHT });
  for (const [from, to] of edges) graph.setEdge(from, to);
  dagre.layout(graph);
  return {
    engine: 'dagre',
    nodes: nodes.map((node) => {
      const placed = graph.node(node.id);
      return { ...node, x: placed.x - placed.width / 2, y: placed.y - placed.height / 2, w: placed.width, h: placed.height };
    }),
    edges: edges.map(([from, to]) => ({ from, to, points: graph.edge(from, to).points })),
  };
}

/** Each label's width in the node font, plus room for the type stripe and status dot. */
function labelWidths(nodes: LayoutInput[]): Map<string, number> {
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = LABEL_FONT;
  const cap = nodes.length > DAGRE_MAX_NODES ? 200 : 280;
  return new Map(nodes.map((node) => [node.id, Math.min(cap, Math.max(90, context.measureText(node.label).width + 34))]));
}

import type { GraphLayout, LaidNode, LayoutInput } from './graph-layout.js';

const COLUMN_GAP = 70;
const ROW_GAP = 12;

/**
 * A layered layout in linear time for graphs too large for dagre: each node's column is its
 * longest path from a root, rows are ordered by the barycentre of their neighbours (two sweeps
 * down, one up), and long edges are drawn straight rather than routed. Good enough to see the
 * shape of 10,000 nodes and zoom in on a part; selections small enough get dagre.
 */
export function layeredLayout(nodes: LayoutInput[], edges: [string, string][], widths: Map<string, number>, height: number): Omit<GraphLayout, 'ms'> {
  const parents = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  const children = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const [from, to] of edges) {
    parents.get(to)?.push(from);
    children.get(from)?.push(to);
  }
  const layers = assignLayers(nodes, parents, children);
  const position = new Map<string, number>();
  layers.forEach((layer) => layer.forEach((id, i) => position.set(id, i - layer.length / 2)));
  for (const [neighbours, order] of [[parents, 'down'], [parents, 'down'], [children, 'up']] as const) {
    const sequence = order === 'down' ? layers : [...layers].reverse();
    for (const layer of sequence) reorder(layer, neighbours, position);
  }
  const columnWidth = Math.max(...widths.values(), 90) + COLUMN_GAP;
  // A layer taller than this wraps into several columns, so 1,500 staging models side by side
  // make a block rather than a line thousands of boxes high.
  const maxRows = Math.max(40, Math.ceil(Math.sqrt(nodes.length)));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const placed: LaidNode[] = [];
  let column = 0;
  for (const layer of layers) {
    const rows = Math.min(layer.length, maxRows);
    layer.forEach((id, i) => {
      const y = ((i % maxRows) - rows / 2) * (height + ROW_GAP);
      placed.push({ ...byId.get(id)!, x: (column + Math.floor(i / maxRows)) * columnWidth, y, w: widths.get(id)!, h: height });
    });
    column += Math.ceil(layer.length / maxRows);
  }
  return { engine: 'layered', nodes: placed, edges: edges.map(([from, to]) => ({ from, to })) };
}

/** Longest-path layering in topological order (a node whose parents form a cycle goes first). */
function assignLayers(nodes: LayoutInput[], parents: Map<string, string[]>, children: Map<string, string[]>): string[][] {
  const waiting = new Map(nodes.map((node) => [node.id, parents.get(node.id)!.length]));
  const layerOf = new Map<string, number>();
  const queue = nodes.filter((node) => waiting.get(node.id) === 0).map((node) => node.id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    const layer = Math.max(-1, ...parents.get(id)!.map((p) => layerOf.get(p) ?? -1)) + 1;
    layerOf.set(id, layer);
    for (const child of children.get(id)!) {
      waiting.set(child, waiting.get(child)! - 1);
      if (waiting.get(child) === 0) queue.push(child);
    }
  }
  for (const node of nodes) if (!layerOf.has(node.id)) layerOf.set(node.id, 0);
  const layers: string[][] = [];
  for (const node of nodes) (layers[layerOf.get(node.id)!] ??= []).push(node.id);
  return layers.filter(Boolean);
}

/** Sorts a layer by the mean position of each node's neighbours in other layers. */
function reorder(layer: string[], neighbours: Map<string, string[]>, position: Map<string, number>): void {
  const centre = new Map<string, number>();
  for (const id of layer) {
    const around = neighbours.get(id)!;
    centre.set(id, around.length === 0 ? position.get(id)! : around.reduce((sum, n) => sum + position.get(n)!, 0) / around.length);
  }
  layer.sort((a, b) => centre.get(a)! - centre.get(b)!);
  layer.forEach((id, i) => position.set(id, i - layer.length / 2));
}

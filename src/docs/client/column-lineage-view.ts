import type * as Dagre from '@dagrejs/dagre';
import type { DocsIndex } from './docs-index.js';
import { h } from './dom.js';
import { keyOf, traceDownstream, tracePaths, traceUpstream, type ColumnKey, type Trace, type TraceEdge } from './lineage-trace.js';
import { nodeHref } from './router.js';
import { TYPE_COLORS } from './theme.js';

declare const dagre: typeof Dagre;

// The SVG namespace, taken from an <svg> the HTML parser made: the page holds no URL of its own.
const SVG = (() => {
  const holder = document.createElement('div');
  holder.innerHTML = '<svg></svg>';
  return holder.firstElementChild!.namespaceURI!;
})();
const BOX_H = 40;

/** The column lineage panel of one column: direction switch, the column graph, and the paths as text. */
export function columnLineagePanel(index: DocsIndex, root: ColumnKey, direction: 'upstream' | 'downstream'): HTMLElement {
  const trace = direction === 'upstream' ? traceUpstream(index, root) : traceDownstream(index, root);
  const label = `${index.node(root.node)?.label ?? root.node}.${root.column}`;
  const tab = (which: 'upstream' | 'downstream', text: string) =>
    h('a', { class: `tab${which === direction ? ' active' : ''}`, href: nodeHref(root.node, root.column, which) }, text);
  const paths = tracePaths(trace, direction);
  return h('section', { class: 'card column-lineage', id: 'column-lineage', 'data-column': label, 'data-direction': direction },
    h('div', { class: 'card-head' },
      h('h2', {}, 'Column lineage of ', h('code', {}, label)),
      h('div', { class: 'tabs' }, tab('upstream', 'Upstream: where it comes from'), tab('downstream', 'Downstream: what it feeds'))),
    trace.edges.length === 0 ? h('p', { class: 'muted' }, emptyText(index, root, direction, trace)) : columnGraph(index, trace),
    paths.length > 0 ? h('ol', { class: 'lineage-paths' }, paths.map((path) => h('li', {}, pathText(index, path, direction)))) : null,
    indirectList(index, trace, direction),
    trace.unresolved.length > 0
      ? h('div', { class: 'unresolved' }, h('strong', {}, 'Not resolved: '),
        h('ul', {}, trace.unresolved.map((u) => h('li', {}, h('code', {}, columnLabel(index, u.column)), ' — ', u.what))))
      : null);
}

/** Filters and joins: upstream, the columns deciding which rows the nodes on the way have; downstream, the nodes whose rows it decides. */
function indirectList(index: DocsIndex, trace: Trace, direction: 'upstream' | 'downstream'): HTMLElement | null {
  if (trace.indirect.length === 0) return null;
  const via = (use: { via: string[] }) => (use.via.length > 0 ? ` via ${use.via.join(', ')}` : '');
  const title = direction === 'upstream' ? 'Which rows: columns read by filters and joins on the way' : 'Also decides which rows these have (filters and joins)';
  return h('details', { class: 'indirect' }, h('summary', {}, `${title} (${trace.indirect.length})`),
    h('ul', {}, trace.indirect.map((use) => h('li', {},
      direction === 'upstream'
        ? [h('span', { class: 'how' }, `${index.node(use.node)?.label ?? use.node}: ${use.how} on `), columnLink(index, use.column), h('span', { class: 'how' }, via(use))]
        : [columnLink(index, use.column), h('span', { class: 'how' }, ` ${use.how}${via(use)} in `), nodeLink(index, use.node)]))));
}

function nodeLink(index: DocsIndex, id: string): HTMLElement {
  const node = index.node(id);
  return node ? h('a', { href: nodeHref(id) }, node.label) : h('span', {}, id);
}

function emptyText(index: DocsIndex, root: ColumnKey, direction: string, trace: Trace): string {
  const node = index.node(root.node);
  if (direction === 'downstream') return 'No column of another model is computed from this column' + (trace.indirect.length > 0 ? '; it decides which rows other nodes have (below).' : '.');
  if (node && (node.type === 'source' || node.type === 'seed')) return `A ${node.type} column: this is where its lineage starts.`;
  return index.lineage(root.node) ? 'The lineage of this column has no upstream columns (a constant or an expression without columns).' : 'No column lineage is recorded for this node.';
}

/** `songplays.user_id ← passthrough (via plays) ← staging_events.user_id`. */
function pathText(index: DocsIndex, path: TraceEdge[], direction: 'upstream' | 'downstream'): HTMLElement[] {
  const first = direction === 'upstream' ? path[0].to : path[0].from;
  const parts: HTMLElement[] = [columnLink(index, first)];
  for (const edge of path) {
    const via = edge.via.length > 0 ? ` via ${edge.via.join(', ')}` : '';
    parts.push(h('span', { class: `how how-${edge.how}` }, direction === 'upstream' ? ` ← ${edge.how}${via} ← ` : ` → ${edge.how}${via} → `));
    parts.push(columnLink(index, direction === 'upstream' ? edge.from : edge.to));
  }
  return parts;
}

function columnLink(index: DocsIndex, key: ColumnKey): HTMLElement {
  return index.node(key.node) ? h('a', { class: 'column-ref', href: nodeHref(key.node, key.column) }, columnLabel(index, key)) : h('span', { class: 'column-ref unknown' }, columnLabel(index, key));
}

function columnLabel(index: DocsIndex, key: ColumnKey): string {
  return `${index.node(key.node)?.label ?? key.node}.${key.column}`;
}

/** The trace as boxes and arrows laid out by dagre, left (upstream) to right. */
function columnGraph(index: DocsIndex, trace: Trace): SVGSVGElement {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 110, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const column of trace.columns) graph.setNode(keyOf(column), { width: boxWidth(index, column), height: BOX_H });
  trace.edges.forEach((edge, i) => graph.setEdge(keyOf(edge.from), keyOf(edge.to), { width: 90, height: 16, labelpos: 'c' }, String(i)));
  dagre.layout(graph);
  const size = graph.graph();
  const svg = <SVGSVGElement>svgElement('svg', { class: 'column-graph', width: size.width ?? 0, height: size.height ?? 0, viewBox: `0 0 ${size.width} ${size.height}`, role: 'img' });
  svg.appendChild(svgElement('defs', {}, svgElement('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    svgElement('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#64748b' }))));
  trace.edges.forEach((edge, i) => {
    const routed = graph.edge({ v: keyOf(edge.from), w: keyOf(edge.to), name: String(i) });
    const d = routed.points.map((p: { x: number; y: number }, j: number) => `${j === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
    svg.appendChild(svgElement('path', { d, class: `edge how-${edge.how}`, 'marker-end': 'url(#arrow)' }));
    const title = edge.via.length > 0 ? `${edge.how} via ${edge.via.join(', ')}` : edge.how;
    svg.appendChild(svgElement('text', { x: routed.x, y: routed.y - 4, class: 'edge-label', 'text-anchor': 'middle' }, edge.how, svgElement('title', {}, title)));
  });
  for (const column of trace.columns) svg.appendChild(columnBox(index, column, graph.node(keyOf(column)), column === trace.root));
  return svg;
}

function columnBox(index: DocsIndex, key: ColumnKey, at: { x: number; y: number; width: number; height: number }, isRoot: boolean): SVGElement {
  const node = index.node(key.node);
  const group = svgElement('a', { href: nodeHref(key.node, key.column), class: `column-box${isRoot ? ' root' : ''}`, 'data-column': columnLabel(index, key) });
  const [x, y] = [at.x - at.width / 2, at.y - at.height / 2];
  group.appendChild(svgElement('rect', { x, y, width: at.width, height: at.height, rx: 6 }));
  group.appendChild(svgElement('rect', { x, y, width: 5, height: at.height, rx: 2, style: `fill:${TYPE_COLORS[node?.type ?? ''] ?? '#475569'}`, class: 'stripe' }));
  group.appendChild(svgElement('text', { x: x + 12, y: y + 15, class: 'box-node' }, node?.label ?? key.node));
  group.appendChild(svgElement('text', { x: x + 12, y: y + 31, class: 'box-column' }, key.column));
  return group;
}

function boxWidth(index: DocsIndex, key: ColumnKey): number {
  const longest = Math.max((index.node(key.node)?.label ?? key.node).length * 6.2, key.column.length * 7.4);
  return Math.min(300, Math.max(110, longest + 26));
}

function svgElement(tag: string, attributes: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElement {
  const element = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

import type { LineageHow } from '../../lineage/types.js';
import type { DocsIndex } from './docs-index.js';

/** A column of a node: `node` is a unique id (or the reference as written, when unknown). */
export interface ColumnKey {
  node: string;
  column: string;
}

/** One step of column lineage, always pointing downstream (`from` feeds `to`). */
export interface TraceEdge {
  from: ColumnKey;
  to: ColumnKey;
  how: LineageHow;
  via: string[];
}

/** What tracing one column found: the columns, the edges between them, and what stayed unknown. */
export interface Trace {
  root: ColumnKey;
  columns: ColumnKey[];
  edges: TraceEdge[];
  /** Per column: what its lineage could not resolve, or the node's lineage error. */
  unresolved: { column: ColumnKey; what: string }[];
}

/** Upper bound on the columns one trace visits, so a wide, deep graph cannot hang the page. */
const MAX_COLUMNS = 400;

/** The string form of a column key (columns compare case-insensitively, as Postgres folds them). */
export function keyOf(key: ColumnKey): string {
  return `${key.node}::${key.column.toLowerCase()}`;
}

/** Every column `root` is computed from, transitively, with how each step computes it. */
export function traceUpstream(index: DocsIndex, root: ColumnKey): Trace {
  return walk(root, (key, trace) => {
    const lineage = index.lineage(key.node);
    if (lineage?.error) trace.unresolved.push({ column: key, what: `lineage could not be computed: ${lineage.error}` });
    const column = lineage?.columns.find((c) => c.column.toLowerCase() === key.column.toLowerCase());
    for (const what of column?.unresolved ?? []) trace.unresolved.push({ column: key, what });
    return (column?.edges ?? []).map((edge) => {
      const from = { node: index.resolve(edge.from.node) ?? edge.from.node, column: edge.from.column };
      return { next: from, edge: { from, to: key, how: edge.how, via: edge.via } };
    });
  });
}

/** Every column computed from `root`, transitively. */
export function traceDownstream(index: DocsIndex, root: ColumnKey): Trace {
  const feeds = downstreamMap(index);
  return walk(root, (key) => (feeds.get(keyOf(key)) ?? []).map((edge) => ({ next: edge.to, edge })));
}

/** Breadth-first from the root, following `step`, each column once. */
function walk(root: ColumnKey, step: (key: ColumnKey, trace: Trace) => { next: ColumnKey; edge: TraceEdge }[]): Trace {
  const trace: Trace = { root, columns: [root], edges: [], unresolved: [] };
  const seen = new Set([keyOf(root)]);
  const queue = [root];
  while (queue.length > 0 && trace.columns.length < MAX_COLUMNS) {
    const key = queue.shift()!;
    for (const { next, edge } of step(key, trace)) {
      trace.edges.push(edge);
      if (seen.has(keyOf(next))) continue;
      seen.add(keyOf(next));
      trace.columns.push(next);
      queue.push(next);
    }
  }
  return trace;
}

const downstreamCache = new WeakMap<DocsIndex, Map<string, TraceEdge[]>>();

/** Inverts the upstream edges of every node once: column → the columns it feeds. */
function downstreamMap(index: DocsIndex): Map<string, TraceEdge[]> {
  const cached = downstreamCache.get(index);
  if (cached) return cached;
  const feeds = new Map<string, TraceEdge[]>();
  for (const [nodeId, lineage] of Object.entries(index.data.lineage)) {
    const node = index.resolve(nodeId) ?? nodeId;
    for (const column of lineage.columns) {
      for (const edge of column.edges) {
        const from = { node: index.resolve(edge.from.node) ?? edge.from.node, column: edge.from.column };
        const list = feeds.get(keyOf(from)) ?? [];
        list.push({ from, to: { node, column: column.column }, how: edge.how, via: edge.via });
        feeds.set(keyOf(from), list);
      }
    }
  }
  downstreamCache.set(index, feeds);
  return feeds;
}

/**
 * The paths from the root to the ends of the trace (sources upstream, last consumers downstream),
 * each a list of edges in walking order; at most `limit` of them.
 */
export function tracePaths(trace: Trace, direction: 'upstream' | 'downstream', limit = 50): TraceEdge[][] {
  const next = new Map<string, TraceEdge[]>();
  for (const edge of trace.edges) {
    const at = keyOf(direction === 'upstream' ? edge.to : edge.from);
    next.set(at, [...(next.get(at) ?? []), edge]);
  }
  const paths: TraceEdge[][] = [];
  const extend = (at: ColumnKey, path: TraceEdge[], seen: Set<string>): void => {
    if (paths.length >= limit) return;
    const steps = (next.get(keyOf(at)) ?? []).filter((edge) => !seen.has(keyOf(direction === 'upstream' ? edge.from : edge.to)));
    if (steps.length === 0) {
      if (path.length > 0) paths.push(path);
      return;
    }
    for (const edge of steps) {
      const onward = direction === 'upstream' ? edge.from : edge.to;
      extend(onward, [...path, edge], new Set([...seen, keyOf(onward)]));
    }
  };
  extend(trace.root, [], new Set([keyOf(trace.root)]));
  return paths;
}

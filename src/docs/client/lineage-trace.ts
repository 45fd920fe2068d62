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

/**
 * A column used in a filter or join of a node: it decides which rows the node has, so it bears on
 * every column of it (the library lists these once per node, as `indirect`).
 */
export interface IndirectUse {
  node: string;
  column: ColumnKey;
  how: LineageHow;
  via: string[];
}

/** What tracing one column found: the columns, the edges between them, and what stayed unknown. */
export interface Trace {
  root: ColumnKey;
  columns: ColumnKey[];
  edges: TraceEdge[];
  /** Upstream: the filter/join columns of the nodes passed through. Downstream: the nodes whose rows the columns decide. */
  indirect: IndirectUse[];
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
  const nodesSeen = new Set<string>();
  return walk(root, (key, trace) => {
    const lineage = index.lineage(key.node);
    if (lineage?.error) trace.unresolved.push({ column: key, what: `lineage could not be computed: ${lineage.error}` });
    if (lineage && !nodesSeen.has(key.node)) {
      nodesSeen.add(key.node);
      for (const edge of lineage.indirect ?? []) trace.indirect.push({ node: key.node, column: resolved(index, edge.from), how: edge.how, via: edge.via });
    }
    const column = lineage?.columns.find((c) => c.column.toLowerCase() === key.column.toLowerCase());
    for (const what of column?.unresolved ?? []) trace.unresolved.push({ column: key, what });
    return (column?.edges ?? []).map((edge) => {
      const from = resolved(index, edge.from);
      return { next: from, edge: { from, to: key, how: edge.how, via: edge.via } };
    });
  });
}

function resolved(index: DocsIndex, ref: ColumnKey): ColumnKey {
  return { node: index.resolve(ref.node) ?? ref.node, column: ref.column };
}

/** Every column computed from `root`, transitively, and the nodes whose rows they decide. */
export function traceDownstream(index: DocsIndex, root: ColumnKey): Trace {
  const { feeds, decides } = downstreamMaps(index);
  return walk(root, (key, trace) => {
    trace.indirect.push(...(decides.get(keyOf(key)) ?? []).map((use) => ({ ...use, column: key })));
    return (feeds.get(keyOf(key)) ?? []).map((edge) => ({ next: edge.to, edge }));
  });
}

/** Breadth-first from the root, following `step`, each column once. */
function walk(root: ColumnKey, step: (key: ColumnKey, trace: Trace) => { next: ColumnKey; edge: TraceEdge }[]): Trace {
  const trace: Trace = { root, columns: [root], edges: [], indirect: [], unresolved: [] };
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

/** Column → the columns it feeds, and column → the nodes whose rows it decides (filters, joins). */
interface DownstreamMaps {
  feeds: Map<string, TraceEdge[]>;
  decides: Map<string, IndirectUse[]>;
}

const downstreamCache = new WeakMap<DocsIndex, DownstreamMaps>();

/** Inverts the upstream edges of every node once. */
function downstreamMaps(index: DocsIndex): DownstreamMaps {
  const cached = downstreamCache.get(index);
  if (cached) return cached;
  const maps: DownstreamMaps = { feeds: new Map(), decides: new Map() };
  const add = <T>(map: Map<string, T[]>, key: string, item: T) => map.set(key, [...(map.get(key) ?? []), item]);
  for (const [nodeId, lineage] of Object.entries(index.data.lineage)) {
    const node = index.resolve(nodeId) ?? nodeId;
    for (const column of lineage.columns) {
      for (const edge of column.edges) {
        const from = resolved(index, edge.from);
        add(maps.feeds, keyOf(from), { from, to: { node, column: column.column }, how: edge.how, via: edge.via });
      }
    }
    for (const edge of lineage.indirect ?? []) {
      const from = resolved(index, edge.from);
      add(maps.decides, keyOf(from), { node, column: from, how: edge.how, via: edge.via });
    }
  }
  downstreamCache.set(index, maps);
  return maps;
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

import type { Graph } from './types.js';

/**
 * Every node reachable from `start` along `edges` within `depth` steps (unbounded by default),
 * excluding the start nodes themselves unless one is reached from another. Breadth-first, so a
 * node is counted at its shortest distance, the same as dbt's depth-limited `2+model`.
 */
export function reach(
  edges: ReadonlyMap<string, readonly string[]>,
  start: Iterable<string>,
  depth = Infinity,
): Set<string> {
  const found = new Set<string>();
  let frontier = [...start];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of edges.get(id) ?? []) {
        if (found.has(neighbour)) continue;
        found.add(neighbour);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return found;
}

/** The ancestors of `id` up to `depth` generations back (all by default), without `id` itself. */
export function ancestors(graph: Graph, id: string, depth?: number): Set<string> {
  return reach(graph.parents, [knownId(graph, id)], depth);
}

/** The descendants of `id` up to `depth` generations down (all by default), without `id` itself. */
export function descendants(graph: Graph, id: string, depth?: number): Set<string> {
  return reach(graph.children, [knownId(graph, id)], depth);
}

// An unknown id here is a bug in the caller, not bad user input, hence a plain Error.
function knownId(graph: Graph, id: string): string {
  if (!graph.nodes.has(id)) throw new Error(`unknown node id '${id}'`);
  return id;
}

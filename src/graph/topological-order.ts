import { deepToposort } from './deep-toposort.js';
import { compareIds } from './compare-ids.js';
import type { Graph } from './types.js';

type Edges = ReadonlyMap<string, readonly string[]>;

/**
 * Orders ids parents first, or returns undefined when the edges hold a cycle.
 *
 * toposort finds the cycle and a valid order, but its depth-first order depends on how the input
 * happens to be listed. We re-sort its result by generation (the longest path from a root), then
 * by id: still parents first, independent of input order, and each generation is a batch of nodes
 * that could run side by side. toposort recurses once per level of depth: deepToposort gives deep
 * graphs (a chain of 50,000 models) a stack to match.
 */
export function orderIds(ids: readonly string[], parents: Edges): string[] | undefined {
  const sorted = sortWithToposort(ids, parents);
  if (sorted === undefined) return undefined;
  const generation = new Map<string, number>();
  for (const id of sorted) {
    const depths = (parents.get(id) ?? []).map((parent) => (generation.get(parent) ?? 0) + 1);
    generation.set(id, Math.max(0, ...depths));
  }
  return sorted.sort((a, b) => generation.get(a)! - generation.get(b)! || compareIds(a, b));
}

function sortWithToposort(ids: readonly string[], parents: Edges): string[] | undefined {
  const edges: [string, string][] = [];
  for (const id of ids) for (const parent of parents.get(id) ?? []) edges.push([parent, id]);
  try {
    return deepToposort([...ids], edges);
  } catch (error) {
    // toposort reports a cycle as a plain Error naming one node; the caller extracts the chain.
    if (error instanceof Error && error.message.startsWith('Cyclic dependency')) return undefined;
    throw error;
  }
}

/** All node ids in a deterministic topological order (parents first; ties broken by id). */
export function topologicalOrder(graph: Graph, ids?: Iterable<string>): string[] {
  if (ids === undefined) return [...graph.order];
  const unique = [...new Set(ids)];
  for (const id of unique) if (!graph.rank.has(id)) throw new Error(`topologicalOrder: unknown node id '${id}'`);
  return unique.sort((a, b) => graph.rank.get(a)! - graph.rank.get(b)!);
}

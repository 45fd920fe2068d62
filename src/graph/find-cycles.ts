import type { Diagnostic } from '../diagnostics.js';
import { GraphErrors } from './error-codes.js';
import { labelWithFile, nodeLabel, nodeLocation } from './describe-node.js';
import { reach } from './traverse.js';
import type { GraphNode } from './types.js';

/** The edges of a graph that toposort refused, plus its nodes to name them. */
export interface CyclicGraph {
  nodes: ReadonlyMap<string, GraphNode>;
  /** All ids, sorted. */
  ids: readonly string[];
  parents: ReadonlyMap<string, readonly string[]>;
  children: ReadonlyMap<string, readonly string[]>;
}

/**
 * One SPK201 diagnostic per strongly connected component: the shortest cycle through its
 * alphabetically first node, so the same project always prints the same chain.
 */
export function findCycles(graph: CyclicGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const covered = new Set<string>();
  for (const id of onOrBetweenCycles(graph)) {
    if (covered.has(id)) continue;
    const downstream = reach(graph.children, [id]);
    covered.add(id);
    if (!downstream.has(id)) continue;
    const upstream = reach(graph.parents, [id]);
    const component = new Set([...downstream].filter((other) => upstream.has(other)));
    for (const member of component) covered.add(member);
    diagnostics.push(cycleDiagnostic(graph.nodes, shortestCycle(graph.children, id, component)));
  }
  return diagnostics;
}

/** Drops nodes no cycle passes through: repeatedly, those without parents, then without children. */
function onOrBetweenCycles(graph: CyclicGraph): string[] {
  const kept = new Set(graph.ids);
  for (const edges of [graph.parents, graph.children]) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const id of kept) {
        if ((edges.get(id) ?? []).some((other) => kept.has(other))) continue;
        kept.delete(id);
        changed = true;
      }
    }
  }
  return graph.ids.filter((id) => kept.has(id));
}

/** Breadth-first from `start` back to itself; children are sorted, so ties resolve by id. */
function shortestCycle(
  children: ReadonlyMap<string, readonly string[]>,
  start: string,
  component: ReadonlySet<string>,
): string[] {
  const previous = new Map<string, string>();
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const child of children.get(id) ?? []) {
        if (child === start) return [...pathTo(previous, id, start), start];
        if (!component.has(child) || previous.has(child)) continue;
        previous.set(child, id);
        next.push(child);
      }
    }
    frontier = next;
  }
  throw new Error(`shortestCycle: '${start}' is not on a cycle`);
}

function pathTo(previous: ReadonlyMap<string, string>, end: string, start: string): string[] {
  const path = [end];
  while (path[0] !== start) path.unshift(previous.get(path[0])!);
  return path;
}

function cycleDiagnostic(nodes: ReadonlyMap<string, GraphNode>, chain: string[]): Diagnostic {
  const [first, last] = [nodes.get(chain[0])!, nodes.get(chain[chain.length - 2])!];
  return {
    code: GraphErrors.cycle,
    message: `dependency cycle: ${chain.map((id) => labelWithFile(nodes.get(id)!)).join(' → ')}`,
    location: nodeLocation(first),
    node: first.id,
    hint:
      'each arrow points to a node that refs the one before it; remove one of these refs, ' +
      `e.g. ref('${nodeLabel(last)}') in ${labelWithFile(first)}`,
  };
}

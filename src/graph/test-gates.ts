/**
 * How `build` runs tests (dbt's add_test_edges, core/dbt/graph/graph.py): a model's tests run
 * right after it, and a node waits for the tests on its parents, so a failed test skips everything
 * downstream. A test gates a child of one of its parents only when all of the test's parents are
 * upstream of that child, which keeps a relationships test between two models from making a cycle.
 */
import { reach } from './traverse.js';
import type { Graph } from './types.js';

/** For each selected node, the selected tests it must wait for (beyond its own parents). */
export function testGates(graph: Graph, ids: readonly string[]): Map<string, string[]> {
  const selected = new Set(ids);
  const upstream = memoized((id) => reach(graph.parents, [id]));
  const gates = new Map<string, string[]>();
  for (const test of ids.filter((id) => graph.nodes.get(id)!.kind === 'test')) {
    const parents = graph.parents.get(test) ?? [];
    const children = new Set(parents.flatMap((parent) => graph.children.get(parent) ?? []));
    for (const child of children) {
      if (!selected.has(child) || graph.nodes.get(child)!.kind === 'test') continue;
      if (!parents.every((parent) => upstream(child).has(parent))) continue;
      gates.set(child, [...(gates.get(child) ?? []), test]);
    }
  }
  return gates;
}

/** `ids` (in topological order) with each test moved right after the last of its selected parents. */
export function testsAfterParents(graph: Graph, ids: readonly string[]): string[] {
  const isTest = (id: string) => graph.nodes.get(id)!.kind === 'test';
  const others = ids.filter((id) => !isTest(id));
  const position = new Map(others.map((id, index) => [id, index]));
  const after = new Map<number, string[]>();
  for (const test of ids.filter(isTest)) {
    const slot = Math.max(-1, ...(graph.parents.get(test) ?? []).map((parent) => position.get(parent) ?? -1));
    after.set(slot, [...(after.get(slot) ?? []), test]);
  }
  return [...(after.get(-1) ?? []), ...others.flatMap((id, index) => [id, ...(after.get(index) ?? [])])];
}

function memoized(compute: (id: string) => Set<string>): (id: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (id) => {
    if (!cache.has(id)) cache.set(id, compute(id));
    return cache.get(id)!;
  };
}

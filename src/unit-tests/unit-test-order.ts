/**
 * Where unit tests go in a run (dbt 1.8's build): each runs before its model, and the model (so
 * everything downstream) is skipped when one fails. A unit test reads nothing from the warehouse,
 * so it waits for nothing.
 */
import type { Graph } from '../graph/types.js';

/** `ids` (in run order) with each unit test moved right before its model. */
export function unitTestsBeforeModels(graph: Graph, ids: readonly string[]): string[] {
  const isUnit = (id: string) => graph.nodes.get(id)?.kind === 'unit_test';
  const before = new Map<string, string[]>();
  const loose: string[] = [];
  for (const id of ids.filter(isUnit)) {
    const model = graph.nodes.get(id)!.dependsOn[0];
    if (ids.includes(model)) before.set(model, [...(before.get(model) ?? []), id]);
    else loose.push(id);
  }
  return [...loose, ...ids.filter((id) => !isUnit(id)).flatMap((id) => [...(before.get(id) ?? []), id])];
}

/** `gates` plus, for each selected model, its selected unit tests; unit tests themselves wait for nothing. */
export function withUnitTestGates(graph: Graph, ids: readonly string[], gates: Map<string, string[]>): Map<string, string[]> {
  const selected = new Set(ids);
  for (const id of ids) {
    const node = graph.nodes.get(id)!;
    if (node.kind !== 'unit_test') continue;
    gates.delete(id);
    const model = node.dependsOn[0];
    if (selected.has(model)) gates.set(model, [...(gates.get(model) ?? []), id]);
  }
  return gates;
}

/** True when every id is a unit test: the run needs no warehouse at all. */
export function onlyUnitTests(graph: Graph, ids: readonly string[]): boolean {
  return ids.length > 0 && ids.every((id) => graph.nodes.get(id)?.kind === 'unit_test');
}

/**
 * dbt's indirect selection of tests (https://docs.getdbt.com/reference/node-selection/test-selection-examples):
 * selecting a model also selects the tests on it. `eager` (dbt's default) takes every test with
 * any selected parent, `cautious` only tests whose parents are all selected, `buildable` tests whose
 * parents are all selected or upstream of the selection, `empty` none. Exclusion is always eager:
 * excluding a model excludes every test that touches it. Unit tests (one parent: their model) alike.
 */
import { union } from './set-algebra.js';
import { reach } from './traverse.js';
import type { Graph } from './types.js';

/** The modes of `--indirect-selection`. */
export const INDIRECT_SELECTION_MODES = ['eager', 'cautious', 'buildable', 'empty'] as const;

/** One of INDIRECT_SELECTION_MODES. */
export type IndirectSelection = (typeof INDIRECT_SELECTION_MODES)[number];

/** The selected ids plus the tests the selection reaches indirectly. */
export function withIndirectTests(graph: Graph, selected: ReadonlySet<string>, mode: IndirectSelection): Set<string> {
  const result = new Set(selected);
  if (mode === 'empty') return result;
  const upstream = mode === 'buildable' ? union([selected, reach(graph.parents, selected)]) : selected;
  for (const id of graph.order) {
    const parents = graph.parents.get(id) ?? [];
    const kind = graph.nodes.get(id)!.kind;
    if ((kind !== 'test' && kind !== 'unit_test') || parents.length === 0) continue;
    const any = parents.some((parent) => selected.has(parent));
    if (mode === 'eager' ? any : any && parents.every((parent) => upstream.has(parent))) result.add(id);
  }
  return result;
}

/** The excluded ids plus every test with an excluded parent (none added in `empty` mode). */
export function withExcludedTests(graph: Graph, excluded: ReadonlySet<string>, mode: IndirectSelection): Set<string> {
  return withIndirectTests(graph, excluded, mode === 'empty' ? 'empty' : 'eager');
}

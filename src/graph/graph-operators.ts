import type { SelectorCriteria } from './selector.js';
import { union } from './set-algebra.js';
import { reach } from './traverse.js';
import type { Graph } from './types.js';

/**
 * Widens what a method matched by the selector's graph operators. As in dbt, each operator
 * starts from the matched nodes themselves, and the results are unioned.
 */
export function applyGraphOperators(
  graph: Graph,
  criteria: SelectorCriteria,
  matched: ReadonlySet<string>,
): Set<string> {
  const sets: ReadonlySet<string>[] = [matched];
  if (criteria.childrensParents) sets.push(childrensParents(graph, matched));
  if (criteria.parents !== undefined) sets.push(reach(graph.parents, matched, criteria.parents));
  if (criteria.children !== undefined) sets.push(reach(graph.children, matched, criteria.children));
  return union(sets);
}

/** `@`: the nodes, their descendants, and every ancestor of those (what a rebuild needs to exist). */
function childrensParents(graph: Graph, matched: ReadonlySet<string>): Set<string> {
  const downstream = union([matched, reach(graph.children, matched)]);
  return union([downstream, reach(graph.parents, downstream)]);
}

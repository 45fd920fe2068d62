/**
 * The selector box speaks sparkify's own selection grammar: the CLI's parser and set algebra
 * (src/graph) are bundled into the page, run over a Graph built from the embedded data, so
 * `+songplays`, `tag:dimension,+songplays` or `2+x` select here exactly what `sparkify ls` lists.
 */
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { selectNodes } from '../../graph/select-nodes.js';
import type { Graph, GraphNode } from '../../graph/types.js';
import type { SiteNode } from '../site/site-data.js';
import type { DocsIndex } from './docs-index.js';

/** The outcome of a selector: the ids, or the problems to show under the box. */
export type SelectionResult = { ids: string[]; problems?: undefined } | { ids?: undefined; problems: Diagnostic[] };

const KINDS: Record<string, GraphNode['kind'] | undefined> = {
  model: 'model', source: 'source', seed: 'seed', snapshot: 'snapshot', test: 'test', unit_test: 'unit_test',
};

/** The graph of every selectable resource (macros and docs are not nodes of the DAG). */
export function buildSelectionGraph(index: DocsIndex): Graph {
  const nodes = new Map<string, GraphNode>();
  for (const node of index.data.nodes) {
    const kind = KINDS[node.type];
    if (kind) nodes.set(node.id, graphNode(node, kind));
  }
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const id of nodes.keys()) {
    parents.set(id, [...new Set(index.node(id)!.parents.filter((p) => nodes.has(p)))].sort());
    children.set(id, []);
  }
  for (const [id, list] of parents) for (const parent of list) children.get(parent)!.push(id);
  for (const list of children.values()) list.sort();
  const order = topologicalOrder([...nodes.keys()].sort(), parents, children);
  return { nodes, parents, children, order, rank: new Map(order.map((id, i) => [id, i])) };
}

function graphNode(node: SiteNode, kind: GraphNode['kind']): GraphNode {
  return {
    id: node.id, kind, name: node.name, sourceName: node.sourceName, path: node.path,
    tags: node.tags, materialized: node.materialized, testType: node.test?.kind, testName: node.test?.testName, dependsOn: node.parents,
  };
}

/** Kahn's algorithm; ids with no order between them keep id order. A cycle's nodes go last. */
function topologicalOrder(ids: string[], parents: Map<string, string[]>, children: Map<string, string[]>): string[] {
  const waiting = new Map(ids.map((id) => [id, parents.get(id)!.length]));
  const ready = ids.filter((id) => waiting.get(id) === 0);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    order.push(ready[i]);
    for (const child of children.get(ready[i])!) {
      const left = waiting.get(child)! - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  const placed = new Set(order);
  return [...order, ...ids.filter((id) => !placed.has(id))];
}

/** Evaluates what the user typed (space: union, comma: intersection, `+`/`n+`/`@` operators). */
export function evaluateSelector(graph: Graph, text: string): SelectionResult {
  try {
    return { ids: selectNodes(graph, [text], undefined, 'empty') };
  } catch (error) {
    if (error instanceof SparkifyError) return { problems: error.diagnostics };
    throw error;
  }
}

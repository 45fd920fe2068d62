import { closestName, SparkifyError, type Diagnostic } from '../diagnostics.js';
import { GraphErrors } from './error-codes.js';
import { compareIds } from './compare-ids.js';
import { labelWithFile, nodeLabel, nodeLocation } from './describe-node.js';
import { findCycles } from './find-cycles.js';
import { orderIds } from './topological-order.js';
import type { Graph, GraphNode } from './types.js';

/** Builds the DAG; throws SparkifyError with every problem (cycle as a whole chain, dangling parent ids). */
export function buildGraph(nodes: GraphNode[]): Graph {
  const diagnostics: Diagnostic[] = [];
  const byId = indexNodes(nodes, diagnostics);
  const ids = [...byId.keys()].sort(compareIds);
  const parents = linkParents(byId, ids, diagnostics);
  const children = invert(ids, parents);
  const order = orderIds(ids, parents);
  if (order === undefined) diagnostics.push(...findCycles({ nodes: byId, ids, parents, children }));
  if (diagnostics.length > 0 || order === undefined) throw new SparkifyError(diagnostics);
  return { nodes: byId, parents, children, order, rank: new Map(order.map((id, index) => [id, index])) };
}

/** Nodes by id; a second node with the same id is reported and dropped. */
function indexNodes(nodes: GraphNode[], diagnostics: Diagnostic[]): Map<string, GraphNode> {
  const byId = new Map<string, GraphNode>();
  for (const node of nodes) {
    const first = byId.get(node.id);
    if (first === undefined) {
      byId.set(node.id, node);
      continue;
    }
    diagnostics.push({
      code: GraphErrors.duplicateId,
      message: `${nodeLabel(node)} is declared twice: ${first.path} and ${node.path}`,
      location: nodeLocation(node),
      node: node.id,
      hint: 'rename or remove one of them',
    });
  }
  return byId;
}

/** Sorted, deduplicated parents of each node; ids that name no node are reported and dropped. */
function linkParents(byId: ReadonlyMap<string, GraphNode>, ids: string[], diagnostics: Diagnostic[]) {
  const parents = new Map<string, string[]>();
  for (const id of ids) {
    const node = byId.get(id)!;
    const unique = [...new Set(node.dependsOn)].sort(compareIds);
    for (const missing of unique.filter((parent) => !byId.has(parent))) {
      diagnostics.push(danglingParent(node, missing, ids));
    }
    parents.set(id, unique.filter((parent) => byId.has(parent)));
  }
  return parents;
}

// The compiler resolves ref()/source() first, so this mostly catches bugs in whatever builds the nodes.
function danglingParent(node: GraphNode, missing: string, ids: string[]): Diagnostic {
  const suggestion = closestName(missing, ids);
  return {
    code: GraphErrors.unknownDependency,
    message: `${labelWithFile(node)} depends on '${missing}', which is not a node of the project`,
    location: nodeLocation(node),
    node: node.id,
    hint: suggestion ? `did you mean '${suggestion}'?` : 'declare it, or remove the dependency',
  };
}

/** Children of each id, sorted because `ids` is. */
function invert(ids: string[], parents: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) for (const parent of parents.get(id)!) children.get(parent)!.push(id);
  return children;
}

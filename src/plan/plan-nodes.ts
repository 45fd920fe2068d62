import type { Manifest, ManifestNode } from '../compile/manifest.js';
import type { Dialect } from './dialect.js';
import type { NodePlan } from './types.js';

/** The pure plan phase: the statements that build each selected node, in the given order. */
export function planNodes(manifest: Manifest, orderedIds: string[], dialect: Dialect): NodePlan[] {
  return orderedIds.map((id) => planNode(manifest.nodes[id], dialect));
}

function planNode(node: ManifestNode, dialect: Dialect): NodePlan {
  if (node.kind === 'source') {
    return {
      id: node.id,
      description: `source ${node.sourceName}.${node.name}`,
      path: node.path,
      runPath: `sources/${node.sourceName}/${node.name}.sql`,
      statements: dialect.loadSource(node),
    };
  }
  const materialized = node.config.materialized;
  return {
    id: node.id,
    description: `${materialized} model ${node.relation.schema}.${node.relation.identifier}`,
    path: node.path,
    runPath: node.path,
    statements: materialized === 'view' ? dialect.buildView(node) : dialect.buildTable(node),
  };
}

/** The text `compile` writes and prints for a plan: each statement followed by `;` and a blank line. */
export function renderPlan(plan: NodePlan): string {
  return plan.statements.map((s) => `${s.sql};\n`).join('\n');
}

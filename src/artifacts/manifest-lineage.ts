/** Column lineage in manifest.json: each node's `meta.sparkify.lineage`, with dbt's node ids. */
import type { LineageEdge, NodeLineage, ProjectLineage } from '../lineage/types.js';
import type { DbtIdMap } from './dbt-ids.js';

/** Puts each node's lineage (internal ids turned into dbt's) under its `meta.sparkify`. */
export function addLineage(nodes: Record<string, unknown>, lineage: ProjectLineage, ids: DbtIdMap): void {
  for (const [id, node] of Object.entries(lineage)) {
    const entry = nodes[ids.toDbt(id)] as { meta?: { sparkify?: Record<string, unknown> } } | undefined;
    if (!entry) continue;
    entry.meta = { ...entry.meta, sparkify: { ...entry.meta?.sparkify, lineage: withDbtIds(node, ids) } };
  }
}

function withDbtIds(node: NodeLineage, ids: DbtIdMap): NodeLineage {
  const edge = (e: LineageEdge): LineageEdge => ({ ...e, from: { ...e.from, node: ids.toDbt(e.from.node) }, via: e.via.map((v) => (v.includes('.') ? ids.toDbt(v) : v)) });
  return { ...node, node: ids.toDbt(node.node), columns: node.columns.map((c) => ({ ...c, edges: c.edges.map(edge) })), indirect: node.indirect.map(edge) };
}

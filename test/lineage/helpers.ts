/** Fixtures of the lineage tests: a small shop's source tables and a compact form of edges to assert on. */
import { computeLineage } from '../../src/lineage/index.js';
import type { LineageEdge, LineageInputNode, NodeLineage, ProjectLineage } from '../../src/lineage/index.js';

/** Two source tables and a seed, in schema `raw` (and `public` for the seed). */
export const SHOP: LineageInputNode[] = [
  { id: 'source.shop.orders', relation: { schema: 'raw', identifier: 'orders' }, columns: ['id', 'customer_id', 'amount', 'status', 'created_at'] },
  { id: 'source.shop.customers', relation: { schema: 'raw', identifier: 'customers' }, columns: ['id', 'name', 'email', 'region'] },
  { id: 'seed.regions', relation: { schema: 'public', identifier: 'regions' }, columns: ['region', 'label'] },
];

/** The lineage of a project of the shop's tables and models given as `name → sql` (built in public). */
export function lineageOfModels(models: Record<string, string>, extra: LineageInputNode[] = []): ProjectLineage {
  const nodes = Object.entries(models).map(([name, sql]): LineageInputNode => ({
    id: `model.${name}`,
    relation: { schema: 'public', identifier: name },
    sql,
    dependsOn: Object.keys(models).filter((other) => other !== name && sql.includes(`public.${other}`)).map((other) => `model.${other}`),
  }));
  return computeLineage({ nodes: [...SHOP, ...nodes, ...extra], searchPath: ['public'] });
}

/** The lineage of one model `m` over the shop's tables. */
export function lineageOf(sql: string): NodeLineage {
  return lineageOfModels({ m: sql })['model.m'];
}

/** An edge as one line: `source.shop.orders.amount aggregate via paid>recent`. */
export function edgeText(edge: LineageEdge): string {
  return `${edge.from.node}.${edge.from.column} ${edge.how}${edge.via.length > 0 ? ` via ${edge.via.join('>')}` : ''}`;
}

/** Every output column with its edges (then `? reason` for each unresolved one) as lines, in output order. */
export function columnsText(lineage: NodeLineage): Array<[string, string[]]> {
  return lineage.columns.map((c) => [c.column, [...c.edges.map(edgeText), ...c.unresolved.map((u) => `? ${u}`)]]);
}

/** The node's filter/join edges as lines. */
export function indirectText(lineage: NodeLineage): string[] {
  return lineage.indirect.map(edgeText);
}

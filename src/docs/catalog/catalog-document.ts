import { CATALOG_V1, type CatalogStat, type CatalogTable, type DbtCatalog } from '../artifacts/dbt-catalog.js';
import type { DbtManifest } from '../artifacts/dbt-manifest.js';
import type { WarehouseRelation } from './warehouse-relation.js';

/** What the catalog document needs besides the relations. */
export interface CatalogContext {
  generatedAt: string;
  sparkifyVersion: string;
  rowEstimateLabel: string;
}

/** The schemas the manifest's relations live in (what the catalog must read). */
export function manifestSchemas(manifest: DbtManifest): string[] {
  const schemas = [...Object.values(manifest.nodes), ...Object.values(manifest.sources)]
    .filter((node) => node.resource_type !== 'test' && node.schema)
    .map((node) => node.schema!);
  return [...new Set(schemas)].sort();
}

/**
 * dbt's catalog.json v1 from the warehouse's relations: each relation that a model, seed, snapshot
 * or source of the manifest names, under its unique_id (relations the project does not know about
 * are left out, as dbt does). Column keys are the warehouse's names.
 */
export function catalogDocument(manifest: DbtManifest, relations: WarehouseRelation[], context: CatalogContext): DbtCatalog {
  const byRelation = new Map(relations.map((relation) => [key(relation.schema, relation.name), relation]));
  const document: DbtCatalog = { metadata: metadata(context), nodes: {}, sources: {}, errors: null };
  for (const node of Object.values(manifest.nodes)) {
    if (node.resource_type === 'test' || !node.schema) continue;
    const found = byRelation.get(key(node.schema, node.alias ?? node.name));
    if (found) document.nodes[node.unique_id] = catalogTable(found, node.unique_id, context);
  }
  for (const source of Object.values(manifest.sources)) {
    const found = source.schema ? byRelation.get(key(source.schema, source.identifier ?? source.name)) : undefined;
    if (found) document.sources[source.unique_id] = catalogTable(found, source.unique_id, context);
  }
  return document;
}

/** A catalog with no relation: `docs generate --empty-catalog`. */
export function emptyCatalog(context: CatalogContext): DbtCatalog {
  return { metadata: metadata(context), nodes: {}, sources: {}, errors: null };
}

function metadata(context: CatalogContext): DbtCatalog['metadata'] {
  return { dbt_schema_version: CATALOG_V1, dbt_version: context.sparkifyVersion, generated_at: context.generatedAt, invocation_id: null, env: {} };
}

function key(schema: string, name: string): string {
  return `${schema.toLowerCase()}.${name.toLowerCase()}`;
}

function catalogTable(relation: WarehouseRelation, uniqueId: string, context: CatalogContext): CatalogTable {
  const stats: Record<string, CatalogStat> = {};
  const add = (id: string, label: string, value: CatalogStat['value'], description: string) => (stats[id] = { id, label, value, include: true, description });
  if (relation.rows) add('row_count', relation.rows.exact ? 'Row count' : context.rowEstimateLabel, relation.rows.value, relation.rows.exact ? 'Rows counted when the docs were generated' : 'From the warehouse\'s statistics');
  if (relation.bytes !== undefined) add('bytes', 'Size', relation.bytes, 'Storage the relation takes, indexes included');
  for (const [id, value] of Object.entries(relation.extra)) add(id, id, value, 'From SVV_TABLE_INFO');
  stats.has_stats = { id: 'has_stats', label: 'Has Stats?', value: Object.keys(stats).length > 0, include: false, description: 'Indicates whether there are statistics for this table' };
  return {
    metadata: { type: relation.type, schema: relation.schema, name: relation.name, database: null, comment: relation.comment, owner: relation.owner },
    columns: Object.fromEntries(relation.columns.map((column) => [column.name, { type: column.type, index: column.index, name: column.name, comment: column.comment }])),
    stats, unique_id: uniqueId,
  };
}

/** dbt's catalog.json (schema v1): the warehouse's view of each relation the project builds or reads. */
import type { DbtArtifactMetadata } from './dbt-manifest.js';

/** dbt's schema URL of catalog v1. */
export const CATALOG_V1 = 'https://schemas.getdbt.com/dbt/catalog/v1.json';

/** One statistic of a relation (row count, size, ...), as dbt's catalog records it. */
export interface CatalogStat {
  id: string;
  label: string;
  value: string | number | boolean | null;
  include: boolean;
  description?: string | null;
}

/** A column as the warehouse types it. */
export interface CatalogColumn {
  type: string;
  index: number;
  name: string;
  comment: string | null;
}

/** One relation of the catalog, keyed by the unique_id of the node it belongs to. */
export interface CatalogTable {
  metadata: { type: string; schema: string; name: string; database: string | null; comment: string | null; owner: string | null };
  columns: Record<string, CatalogColumn>;
  stats: Record<string, CatalogStat>;
  unique_id: string | null;
}

/** catalog.json. */
export interface DbtCatalog {
  metadata: DbtArtifactMetadata;
  nodes: Record<string, CatalogTable>;
  sources: Record<string, CatalogTable>;
  errors: string[] | null;
}

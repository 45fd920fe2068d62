import type { CatalogSql } from './catalog-sql.js';
import { postgresCatalogSql } from './postgres-catalog-sql.js';
import { redshiftCatalogSql } from './redshift-catalog-sql.js';

/**
 * The catalog queries of a target type. Issue 8 moves each into its engine's folder
 * (src/engines/<name>/) and this map into the engine registry.
 */
const CATALOG_SQL: Record<string, CatalogSql> = {
  pglite: postgresCatalogSql,
  postgres: postgresCatalogSql,
  redshift: redshiftCatalogSql,
};

/** The catalog queries for a target type (the PostgreSQL family's for an unknown one). */
export function catalogSqlFor(targetType: string): CatalogSql {
  return CATALOG_SQL[targetType] ?? postgresCatalogSql;
}

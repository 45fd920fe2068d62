import type { CatalogTable } from '../artifacts/dbt-catalog.js';
import type { SiteStat } from './site-data.js';

/** The catalog's statistics worth showing: included ones, `has_stats` (a flag, not a fact) left out. */
export function siteStats(table: CatalogTable): SiteStat[] {
  return Object.values(table.stats)
    .filter((stat) => stat.include && stat.id !== 'has_stats')
    .map((stat) => ({ id: stat.id, label: stat.label, value: stat.value }));
}

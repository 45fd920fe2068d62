import type { CatalogTable } from '../artifacts/dbt-catalog.js';
import type { DbtColumn } from '../artifacts/dbt-manifest.js';
import type { MarkdownRenderer } from './markdown.js';
import type { SiteColumn } from './site-data.js';
import { OWN_COLUMN_DESCRIPTIONS } from '../../plan/loads/load-ledger.js';

/** What the columns of one node are built from. */
export interface ColumnSources {
  documented: Record<string, DbtColumn> | undefined;
  catalog: CatalogTable | undefined;
  /** Column tests of the node by lower-cased column name. */
  tests: Map<string, string[]>;
  describe: (text: string) => string;
  markdown: MarkdownRenderer;
}

/**
 * The columns as dbt's docs show them: the warehouse's columns in table order with their types,
 * then documented columns the warehouse lacks. Names match case-insensitively, as Postgres folds.
 */
export function siteColumns({ documented, catalog, tests, describe, markdown }: ColumnSources): SiteColumn[] {
  const docs = new Map(Object.values(documented ?? {}).map((column) => [column.name.toLowerCase(), column]));
  const typed = Object.values(catalog?.columns ?? {}).sort((a, b) => a.index - b.index);
  const names = [...typed.map((column) => column.name), ...[...docs.values()].map((column) => column.name)];
  const seen = new Set<string>();
  const columns: SiteColumn[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const doc = docs.get(key);
    const type = typed.find((column) => column.name.toLowerCase() === key)?.type ?? doc?.data_type ?? undefined;
    // sparkify's own columns of a staging table are documented by sparkify, unless a schema file does.
    const rendered = markdown.render(describe(doc?.description || (OWN_COLUMN_DESCRIPTIONS[key] ?? '')));
    columns.push({ name: doc?.name ?? name, type, description: rendered.html, text: rendered.text, tests: tests.get(key) ?? [] });
  }
  return columns;
}

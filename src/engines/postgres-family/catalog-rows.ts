/**
 * Reading catalog rows into a WarehouseState: shared by the PostgreSQL and Redshift catalogs, whose
 * queries differ (what each engine runs) but return the same columns (schema, identifier, relkind,
 * name, type).
 */
import type { Relation } from '../../sql/quote.js';
import type { WarehouseState } from '../../plan/warehouse-state.js';
import { relationKey } from '../../plan/warehouse-state.js';

/** A row of a catalog query, as the adapter returns it. */
export type CatalogRow = Record<string, unknown>;

/** The relation a row names (columns `schema`, `identifier`). */
export function relationOf(row: CatalogRow): Relation {
  return { schema: String(row.schema), identifier: String(row.identifier) };
}

/** pg_class.relkind as the planner sees it: views (and materialized views) or tables. */
export function kindOf(relkind: unknown): 'table' | 'view' {
  const kind = String(relkind);
  return kind === 'v' || kind === 'm' ? 'view' : 'table';
}

/** Rows of the kinds query: each relation that exists, with its kind. */
export function readKinds(rows: CatalogRow[], state: WarehouseState): void {
  for (const row of rows) state.relations[relationKey(relationOf(row))] = { kind: kindOf(row.relkind) };
}

/** Rows of the columns query, in column order, onto the relations readKinds found. */
export function readColumns(rows: CatalogRow[], state: WarehouseState): void {
  for (const row of rows) {
    const entry = state.relations[relationKey(relationOf(row))];
    if (!entry) continue;
    (entry.columns ??= []).push({ name: String(row.name), type: String(row.type) });
  }
}

/** Rows of the leftovers query: side relations of no node of the project (`known`). */
export function readLeftovers(rows: CatalogRow[], state: WarehouseState, known: Set<string>): void {
  for (const row of rows) {
    const relation = relationOf(row);
    if (!known.has(relationKey(relation))) state.leftovers.push({ relation, kind: kindOf(row.relkind) });
  }
}

/** Rows of the schemas query (`schema`): which of the schemas asked about exist. */
export function readSchemas(rows: CatalogRow[], state: WarehouseState): void {
  state.schemas = rows.map((row) => String(row.schema));
}

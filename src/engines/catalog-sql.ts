import type { Relation } from '../sql/quote.js';

/**
 * The catalog queries of one engine family (SQL only; read-catalog.ts runs them). Each returns
 * rows with the column names documented here, whatever the engine calls them.
 */
export interface CatalogSql {
  /**
   * One row per table or view of the schemas: table_schema, table_name, table_type (BASE TABLE,
   * VIEW, MATERIALIZED VIEW, FOREIGN TABLE), table_comment, table_owner, row_estimate (null when
   * unknown, negative when never analysed) and total_bytes (null for views).
   */
  relations(schemas: string[]): string;
  /** One row per column: table_schema, table_name, column_index, column_name, column_type, column_comment. */
  columns(schemas: string[]): string;
  /** Counts a table's rows (named n), for tables whose estimate is unknown; absent where too costly. */
  countRows?(relation: Relation): string;
  /** How the engine's row counts are labelled: exact counts or statistics. */
  rowEstimateLabel: string;
}

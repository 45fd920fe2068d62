/** A relation as the warehouse's catalog describes it: kind, owner, columns and statistics. */
export interface WarehouseRelation {
  schema: string;
  name: string;
  /** BASE TABLE, VIEW, MATERIALIZED VIEW, FOREIGN TABLE. */
  type: string;
  comment: string | null;
  owner: string | null;
  columns: { index: number; name: string; type: string; comment: string | null }[];
  /** Row count, when known, and whether it was counted or estimated. */
  rows?: { value: number; exact: boolean };
  bytes?: number;
  /** Further engine facts worth showing (Redshift: diststyle, sortkey1). */
  extra: Record<string, string>;
}

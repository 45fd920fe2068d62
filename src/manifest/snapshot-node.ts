import type { ColumnInfo } from './test-node.js';
import type { Relation } from '../sql/quote.js';

/** How a snapshot tells a changed row: by an updated_at column, or by comparing columns. */
export type SnapshotStrategy = 'timestamp' | 'check';

/** What happens to the current row of a key the query no longer returns (dbt's hard_deletes). */
export type HardDeletes = 'ignore' | 'invalidate' | 'new_record';

/** The names of the columns a snapshot adds to the rows of its query. */
export interface MetaColumns {
  validFrom: string;
  validTo: string;
  scdId: string;
  updatedAt: string;
  /** Only present in the table with hard_deletes='new_record'. */
  isDeleted: string;
}

/** A snapshot's config, checked at compile time (snapshot-config.ts). */
export interface SnapshotConfig {
  strategy: SnapshotStrategy;
  /** Column names of unique_key, at least one. */
  uniqueKey: string[];
  /** Timestamp strategy: the column that says when a row last changed. */
  updatedAt?: string;
  /** Check strategy: the columns compared, or 'all' (every column of the query). */
  checkCols?: string[] | 'all';
  hardDeletes: HardDeletes;
  metaColumns: MetaColumns;
  /** dbt's dbt_valid_to_current: an SQL expression current rows hold in valid_to instead of NULL. */
  validToCurrent?: string;
  schema: string;
  alias?: string;
  tags: string[];
  enabled: boolean;
}

/** A compiled snapshot: a SELECT whose rows are kept as type-2 history (dbt's snapshots). */
export interface SnapshotNode {
  id: string;
  kind: 'snapshot';
  name: string;
  /** Project-relative path of the template, e.g. `snapshots/users_snapshot.sql`. */
  path: string;
  /** 1-based line of the config() call, where config problems point. */
  configLine: number;
  fqn: string[];
  relation: Relation;
  /** The installed package it comes from (dbt's package_name); absent for the project's own. */
  packageName?: string;
  config: SnapshotConfig;
  tags: string[];
  description?: string;
  /** Columns documented in a schema file, in written order (absent when none are). */
  columns?: Record<string, ColumnInfo>;
  refs: string[];
  sources: [string, string][];
  dependsOn: string[];
  /** sha256 of the template file. */
  checksum: string;
  /** The rendered SELECT, relations resolved. */
  compiledSql: string;
}

/** Snapshot node ids are `snapshot.<name>`. */
export function snapshotId(name: string): string {
  return `snapshot.${name}`;
}

import type { Relation } from '../sql/quote.js';
import type { ColumnInfo } from './test-node.js';

/** A seed as compiled: a CSV file under seeds/ loaded into a table of the same name. */
export interface SeedNode {
  id: string;
  kind: 'seed';
  name: string;
  /** Project-relative path of the CSV file, e.g. `seeds/subscription_levels.csv`. */
  path: string;
  relation: Relation;
  /** The installed package it comes from (dbt's package_name); absent for the project's own. */
  packageName?: string;
  /** In file order: the header's names with their declared (column_types) or inferred types. */
  columns: SeedColumn[];
  tags: string[];
  /** Always empty: a seed has no parents (kept so every manifest node has one). */
  dependsOn: string[];
  /** sha256 of the CSV file. */
  checksum: string;
  /** From a schema file's `seeds:` entry: its description and documented columns. */
  description?: string;
  columnDocs?: Record<string, ColumnInfo>;
  /**
   * The data rows, parsed at compile time, for targets whose plan carries them as SQL literals
   * (Redshift: no COPY FROM STDIN). Absent where the loader streams the file into COPY at run time.
   */
  rows?: SeedRow[];
}

/** One data row of a seed's CSV file: its values in header order, and where it starts. */
export interface SeedRow {
  line: number;
  values: string[];
}

/** A seed column and the type CREATE TABLE gives it. */
export interface SeedColumn {
  name: string;
  type: string;
  /** True when project.yml declared the type (seeds: <name>: column_types:). */
  declared: boolean;
}

/** Seed node ids are `seed.<name>`. */
export function seedId(name: string): string {
  return `seed.${name}`;
}

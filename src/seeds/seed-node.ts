import type { Relation } from '../sql/quote.js';

/** A seed as compiled: a CSV file under seeds/ loaded into a table of the same name. */
export interface SeedNode {
  id: string;
  kind: 'seed';
  name: string;
  /** Project-relative path of the CSV file, e.g. `seeds/subscription_levels.csv`. */
  path: string;
  relation: Relation;
  /** In file order: the header's names with their declared (column_types) or inferred types. */
  columns: SeedColumn[];
  tags: string[];
  /** Always empty: a seed has no parents (kept so every manifest node has one). */
  dependsOn: string[];
  /** sha256 of the CSV file. */
  checksum: string;
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

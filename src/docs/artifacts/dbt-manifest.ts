/**
 * The parts of dbt's manifest.json (schema v12) that the docs site reads. Only what the site uses is
 * typed; a writer may add every other key of dbt's schema. sparkify-only facts ride under each
 * node's `meta.sparkify` (see SparkifyMeta).
 */
import type { NodeLineage } from '../../lineage/types.js';

/** dbt's schema URL of manifest v12. */
export const MANIFEST_V12 = 'https://schemas.getdbt.com/dbt/manifest/v12.json';

/** `metadata` of every dbt artifact. */
export interface DbtArtifactMetadata {
  dbt_schema_version: string;
  dbt_version?: string;
  generated_at: string;
  invocation_id?: string | null;
  env?: Record<string, string>;
  project_name?: string;
  adapter_type?: string;
}

/** A column as schema files document it. */
export interface DbtColumn {
  name: string;
  description: string;
  data_type?: string | null;
  meta?: Record<string, unknown>;
  tags?: string[];
}

/** How a loaded source was last loaded (files read, rows copied, records rejected). */
export interface SourceLastLoad {
  files?: number;
  rows?: number;
  rejected?: number;
  loaded_at?: string;
}

/** `meta.sparkify` of a node: lineage of models and snapshots, load settings of loaded sources. */
export interface SparkifyMeta {
  lineage?: NodeLineage;
  load?: { location: string; jsonpaths: string; last_load?: SourceLastLoad };
}

/** Fields shared by every resource of the manifest. */
interface DbtResourceBase {
  unique_id: string;
  name: string;
  package_name: string;
  original_file_path: string;
  path?: string;
  description?: string;
}

/** A model, seed, snapshot or data test (dbt's `nodes`). */
export interface DbtNode extends DbtResourceBase {
  resource_type: 'model' | 'seed' | 'snapshot' | 'test' | 'analysis' | 'operation' | 'sql_operation';
  fqn?: string[];
  schema?: string;
  database?: string | null;
  alias?: string;
  relation_name?: string | null;
  columns?: Record<string, DbtColumn>;
  config?: Record<string, unknown> & { materialized?: string; tags?: string[] | string };
  tags?: string[];
  meta?: Record<string, unknown> & { sparkify?: SparkifyMeta };
  raw_code?: string;
  compiled_code?: string;
  depends_on?: { nodes?: string[]; macros?: string[] };
  /** Tests: the generic test and its arguments. */
  test_metadata?: { name: string; kwargs?: Record<string, unknown>; namespace?: string | null };
  column_name?: string | null;
  attached_node?: string | null;
}

/** A source table (dbt's `sources`). */
export interface DbtSource extends DbtResourceBase {
  resource_type: 'source';
  source_name: string;
  source_description?: string;
  identifier?: string;
  schema?: string;
  database?: string | null;
  relation_name?: string | null;
  loader?: string;
  fqn?: string[];
  columns?: Record<string, DbtColumn>;
  tags?: string[];
  meta?: Record<string, unknown> & { sparkify?: SparkifyMeta };
  config?: Record<string, unknown>;
}

/** A macro (dbt's `macros`). */
export interface DbtMacro extends DbtResourceBase {
  resource_type: 'macro';
  macro_sql: string;
  arguments?: { name: string; type?: string | null; description?: string }[];
  meta?: Record<string, unknown>;
}

/** A `{% docs name %}` block (dbt's `docs`). */
export interface DbtDoc extends DbtResourceBase {
  resource_type: 'doc';
  block_contents: string;
}

/** A unit test (dbt 1.8's `unit_tests`). */
export interface DbtUnitTest extends DbtResourceBase {
  resource_type: 'unit_test';
  model: string;
  given?: unknown[];
  expect?: unknown;
  depends_on?: { nodes?: string[] };
  tags?: string[];
  config?: Record<string, unknown>;
}

/** manifest.json as the site reads it. */
export interface DbtManifest {
  metadata: DbtArtifactMetadata;
  nodes: Record<string, DbtNode>;
  sources: Record<string, DbtSource>;
  macros: Record<string, DbtMacro>;
  docs: Record<string, DbtDoc>;
  unit_tests?: Record<string, DbtUnitTest>;
  parent_map?: Record<string, string[]>;
  child_map?: Record<string, string[]>;
}

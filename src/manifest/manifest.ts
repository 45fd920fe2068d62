import type { Position } from '../diagnostics.js';
import type { ColumnSpec } from './column-spec.js';
import type { Relation } from '../sql/quote.js';
import type { SeedNode } from './seed-node.js';
import type { SnapshotNode } from './snapshot-node.js';
import type { UnitTestNode } from './unit-test-node.js';
import type { ColumnInfo, TestNode } from './test-node.js';
import type { FreshnessSpec } from './freshness.js';

/** Bumped whenever the shape of manifest.json changes. */
export const MANIFEST_SCHEMA_VERSION = 'https://sparkify.dev/schemas/manifest/v1.json';

/** The materializations this version builds (each one module in src/plan/materializations/). */
export const MATERIALIZATIONS = ['table', 'view', 'incremental', 'ephemeral'] as const;

/** One of MATERIALIZATIONS. */
export type Materialization = (typeof MATERIALIZATIONS)[number];

/** The config a model ends up with: project defaults, then its own `config()` call. */
export interface ModelConfig {
  materialized: Materialization;
  schema: string;
  alias?: string;
  tags: string[];
  enabled: boolean;
  /** Any further keys given to config() (dist, sort, unique_key, ...), kept for later phases. */
  extra: Record<string, unknown>;
}

/** A compiled model: what it is, where it came from and the SQL its template rendered to. */
export interface ModelNode {
  id: string;
  kind: 'model';
  name: string;
  /** Project-relative path of the template, e.g. `models/marts/users.sql` (`dbt_packages/<pkg>/models/...` in a package). */
  path: string;
  fqn: string[];
  relation: Relation;
  config: ModelConfig;
  /** The installed package the model comes from (dbt's package_name); absent for the project's own. */
  packageName?: string;
  description?: string;
  /** Columns documented in a schema file, in written order (absent when none are). */
  columns?: Record<string, ColumnInfo>;
  /** Names of referenced models and `[source, table]` pairs, in first-use order. */
  refs: string[];
  sources: [string, string][];
  /** Ids of the sources whose loads it follows (loaded_since_last_build): it records the loads it consumed. */
  followsLoads?: string[];
  dependsOn: string[];
  /** sha256 of the template file, to tell an edited model from an unchanged one. */
  checksum: string;
  /** The rendered SELECT (or whatever the template produced), exactly as the plan embeds it. */
  compiledSql: string;
  /** Incremental models: how new rows are merged, and the SQL rendered with is_incremental() true. */
  incremental?: IncrementalSpec;
  /** pre_hook/post_hook statements, rendered (`this` resolved); run inside the model's transaction. */
  hooks?: ModelHooks;
  /**
   * The template reads `execute` or asks the warehouse (run_query, statement, adapter.get_relation,
   * ...): the run renders it again with `execute` true before building it (src/jinja/context/introspection.ts).
   */
  introspects?: true;
}

/** The strategies an incremental model may use to add its new rows. */
export const INCREMENTAL_STRATEGIES = ['append', 'delete+insert', 'merge'] as const;

/** One of INCREMENTAL_STRATEGIES. */
export type IncrementalStrategy = (typeof INCREMENTAL_STRATEGIES)[number];

/**
 * An incremental model is rendered both ways at compile time (compile cannot know whether the
 * table exists): `compiledSql` builds it from scratch, `compiledSql` here selects the new rows.
 * The planner picks one with the warehouse state at build time.
 */
export interface IncrementalSpec {
  strategy: IncrementalStrategy;
  /** Column names of unique_key; empty when none was given. */
  uniqueKey: string[];
  /** config(full_refresh=...): true always rebuilds, false ignores --full-refresh. */
  fullRefresh?: boolean;
  compiledSql: string;
}

/** SQL statements run before and after a model's build statements, in its transaction. */
export interface ModelHooks {
  pre: string[];
  post: string[];
}

/** How timestamp columns are read: `auto` (ISO strings) or epoch milliseconds/seconds. */
export type TimeFormat = 'auto' | 'epochmillisecs' | 'epochsecs';

/**
 * A source table as compiled: its relation and how it is loaded. A table declared in sources.yml with
 * a `location` is loaded by sparkify; one declared under `sources:` of a schema file (dbt's sources)
 * reads a table something else loads: `existing` is set, its load fields are empty and nothing is
 * planned for it.
 */
export interface SourceNode {
  id: string;
  kind: 'source';
  sourceName: string;
  name: string;
  path: string;
  line: number;
  relation: Relation;
  location: string;
  jsonpaths: string;
  maxerrors: number;
  timeformat: TimeFormat;
  truncatecolumns: boolean;
  /** AWS region of the location's S3 bucket, when sources.yml names one. */
  region?: string;
  /** `accept_invalid_chars` of sources.yml: the replacement character (Redshift ACCEPTINVCHARS). */
  acceptInvalidChars?: string;
  /** `origin_columns: true`: each staged row records its file and line (ORIGIN_COLUMNS). */
  originColumns?: true;
  columns: ColumnSpec[];
  tags: string[];
  description?: string;
  /** Where sources.yml declares the table (the loader's errors point there). */
  position: Position;
  /** Set for a source over a table that exists already (dbt's sources): never loaded, never dropped. */
  existing?: true;
  /** dbt's freshness block and the column (or expression) `sparkify source freshness` takes max() of. */
  freshness?: FreshnessSpec;
  loadedAtField?: string;
  /** dbt's `loader` (who loads it: documentation), `meta` and `database`, kept for the artifacts. */
  loader?: string;
  meta?: Record<string, unknown>;
  database?: string;
  /** Column docs of a schema-file source (descriptions, data types), in written order. */
  columnDocs?: Record<string, ColumnInfo>;
}

/** A node of the manifest. */
export type ManifestNode = ModelNode | SourceNode | SeedNode | TestNode | SnapshotNode | UnitTestNode;

/** The output of the compile phase: every node, its relations and SQL. Deterministic JSON. */
export interface Manifest {
  schemaVersion: string;
  projectName: string;
  target: { name: string; type: string; schema: string };
  /** Nodes by id, in id order. */
  nodes: Record<string, ManifestNode>;
  parentMap: Record<string, string[]>;
  childMap: Record<string, string[]>;
  /** on_run_start/on_run_end of project.yml, rendered; present only when the project has some. */
  hooks?: RunHooks;
  /** `{% docs %}` blocks of the .md files under the model paths, by name (absent when there are none). */
  docs?: Record<string, DocBlock>;
}

/** A `{% docs name %}` block: its text and where it is written. */
export interface DocBlock {
  name: string;
  text: string;
  file: string;
  line: number;
}

/** Statements run once at the start and once at the end of `build`. */
export interface RunHooks {
  onRunStart: string[];
  onRunEnd: string[];
}

/** Node ids are `model.<name>` and `source.<source>.<table>`. */
export function modelId(name: string): string {
  return `model.${name}`;
}

/** See modelId. */
export function sourceId(sourceName: string, table: string): string {
  return `source.${sourceName}.${table}`;
}

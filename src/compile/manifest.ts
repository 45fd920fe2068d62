import type { ColumnSpec } from '../project/types.js';
import type { Relation } from '../sql/quote.js';

/** Bumped whenever the shape of manifest.json changes. */
export const MANIFEST_SCHEMA_VERSION = 'https://sparkify.dev/schemas/manifest/v1.json';

/** The config a model ends up with: project defaults, then its own `config()` call. */
export interface ModelConfig {
  materialized: string;
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
  /** Project-relative path of the template, e.g. `models/marts/users.sql`. */
  path: string;
  fqn: string[];
  relation: Relation;
  config: ModelConfig;
  description?: string;
  /** Names of referenced models and `[source, table]` pairs, in first-use order. */
  refs: string[];
  sources: [string, string][];
  dependsOn: string[];
  /** sha256 of the template file, to tell an edited model from an unchanged one. */
  checksum: string;
  /** The rendered SELECT (or whatever the template produced), exactly as the plan embeds it. */
  compiledSql: string;
}

/** A source table as compiled: its relation and how it is loaded. */
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
  timeformat: string;
  truncatecolumns: boolean;
  columns: ColumnSpec[];
  tags: string[];
  description?: string;
}

/** A node of the manifest. */
export type ManifestNode = ModelNode | SourceNode;

/** The output of the compile phase: every node, its relations and SQL. Deterministic JSON. */
export interface Manifest {
  schemaVersion: string;
  projectName: string;
  target: { name: string; type: string; schema: string };
  /** Nodes by id, in id order. */
  nodes: Record<string, ManifestNode>;
  parentMap: Record<string, string[]>;
  childMap: Record<string, string[]>;
}

/** Node ids are `model.<name>` and `source.<source>.<table>`. */
export function modelId(name: string): string {
  return `model.${name}`;
}

/** See modelId. */
export function sourceId(sourceName: string, table: string): string {
  return `source.${sourceName}.${table}`;
}

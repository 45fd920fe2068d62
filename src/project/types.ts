/** Shapes of a parsed project: project.yml (project, targets, vars) and sources.yml. */

import type { Diagnostic } from '../diagnostics.js';

/** Defaults that every model starts from, overridden by `config()` in the template. */
export interface ModelDefaults {
  materialized: string;
  schema?: string;
  tags: string[];
}

/** Where a value was written: project-relative file and 1-based line. */
export interface Position {
  file: string;
  line: number;
  column?: number;
}

interface TargetBase {
  name: string;
  /** Schema that models and sources land in unless they say otherwise. */
  schema: string;
  /** How many nodes may build at once (an adapter with one connection runs them one by one). */
  threads: number;
  position: Position;
  /** The selected target's `vars:`, merged over project vars (and under --vars). */
  vars?: Record<string, unknown>;
  /** How the loader reaches `s3://` source locations (issue 3); credentials come from the AWS chain. */
  s3?: S3Settings;
}

/** A target's `s3:` block. Never credentials: those come from the environment or the AWS profile chain. */
export interface S3Settings {
  region?: string;
  /** An S3-compatible endpoint URL (MinIO, a local server); absent means AWS's own. */
  endpoint?: string;
  /** Path-style addressing (`host/bucket/key`); defaults to true when `endpoint` is set. */
  forcePathStyle?: boolean;
}

/** The embedded PGlite warehouse: a data directory on disk, relative to the project root. */
export interface PgliteTarget extends TargetBase {
  type: 'pglite';
  path: string;
}

/** A PostgreSQL server (issue 3). `url` or the separate fields. Secret values are listed in `secrets`. */
export interface PostgresTarget extends TargetBase {
  type: 'postgres';
  url?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  ssl?: boolean | Record<string, unknown>;
}

/**
 * Amazon Redshift (issue 3). When selected, values missing from project.yml come from the seed's
 * dwh.cfg (`config_file`): [CLUSTER] HOST, DB_NAME, DB_USER, DB_PASSWORD, DB_PORT and [IAM_ROLE] ARN.
 */
export interface RedshiftTarget extends TargetBase {
  type: 'redshift';
  host?: string;
  /** 5439 unless project.yml or DB_PORT says otherwise. */
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  /** The role COPY assumes to read S3; absent means compile prints a placeholder. */
  iamRole?: string;
  /** Region of the S3 bucket COPY reads; us-west-2 (where s3://udacity-dend lives) by default. */
  region?: string;
  configFile?: string;
  /** Set for the selected target with a config_file: whether the file exists (build needs it). */
  configFileFound?: boolean;
  /** Further secrets the config file holds (AWS keys), scrubbed from output like the password. */
  configSecrets?: string[];
  /** TLS, on by default (Redshift's default port 5439 accepts TLS). */
  ssl?: boolean | Record<string, unknown>;
}

/** A named target block of project.yml. */
export type TargetConfig = PgliteTarget | PostgresTarget | RedshiftTarget;

/** project.yml after rendering and validation. */
export interface ProjectConfig {
  /** Absolute path of the project root (the folder holding project.yml). */
  root: string;
  name: string;
  /** Folders (relative to root) holding models, macros. */
  modelPaths: string[];
  macroPaths: string[];
  /** Folders holding singular tests (`*.sql`) and, under `generic/`, generic-test macros. */
  testPaths: string[];
  /** Folders holding snapshots (`*.sql`, dbt's type-2 history tables). */
  snapshotPaths: string[];
  modelDefaults: ModelDefaults;
  /** Project vars with CLI `--vars` already merged over the defaults. */
  vars: Record<string, unknown>;
  targets: Record<string, TargetConfig>;
  defaultTarget: string;
  /** Statements `build` runs before and after the nodes (templates, rendered by compile). */
  onRunStart?: string[];
  onRunEnd?: string[];
  /** `seeds:` of project.yml, by seed name. */
  seeds?: Record<string, SeedConfig>;
}

/** Declared settings of one seed (project.yml `seeds: <name>:`). */
export interface SeedConfig {
  /** Column name → SQL type, over the inferred one. */
  columnTypes: Record<string, string>;
}

/** A column of a source table, as declared in sources.yml. */
export interface ColumnSpec {
  name: string;
  /** SQL type as written, e.g. `bigint`, `varchar(256)`, `double precision`, `numeric(10,5)`. */
  type: string;
  description?: string;
  position: Position;
}

/** A table of a source: a staging table materialized by COPY from JSON files. */
export interface SourceTable {
  sourceName: string;
  name: string;
  /** Schema of the staging table (source `schema`, else the target schema). */
  schema?: string;
  /** Relation name in the warehouse (defaults to `name`). */
  identifier: string;
  description?: string;
  /** Rendered location: folder (recursive), file or glob, relative to root or absolute, or `s3://` (Redshift). */
  location: string;
  /** `auto` maps keys to column names; otherwise the (rendered) path of a JSONPaths file. */
  jsonpaths: 'auto' | string;
  /** Bad records tolerated before the load fails (Redshift MAXERROR); 0 by default. */
  maxerrors: number;
  /** How timestamp columns are read: `auto` (ISO strings) or `epochmillisecs`/`epochsecs`. */
  timeformat: 'auto' | 'epochmillisecs' | 'epochsecs';
  /** Cut strings that are too long for their varchar instead of rejecting the record. */
  truncatecolumns: boolean;
  /**
   * `accept_invalid_chars`: the character that replaces each invalid UTF-8 byte and lone surrogate
   * escape (Redshift's ACCEPTINVCHARS); absent, records holding them are bad records.
   */
  acceptInvalidChars?: string;
  columns: ColumnSpec[];
  tags: string[];
  position: Position;
}

/** Everything read from project.yml and sources.yml. */
export interface LoadedProject {
  config: ProjectConfig;
  sources: SourceTable[];
  /** The target chosen by `--target`, SPARKIFY_TARGET or the default. */
  target: TargetConfig;
  /** Secret values (passwords, keys) that must never be printed; the CLI scrubs them from output. */
  secrets: string[];
  /** Problems that do not stop the command, e.g. a missing dwh.cfg during compile (placeholders used). */
  warnings: Diagnostic[];
}

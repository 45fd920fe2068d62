/** Shapes of a parsed project: project.yml (project, targets, vars) and sources.yml. */

import type { Diagnostic, Position } from '../diagnostics.js';
import type { ColumnSpec } from '../manifest/column-spec.js';
import type { TimeFormat } from '../manifest/manifest.js';
import type { TargetConfig } from '../engines/target-config.js';
import type { FolderConfigNode } from './dbt/folder-configs.js';
import type { InstalledPackage } from './packages/installed-packages.js';
import type { FreshnessSpec } from '../manifest/freshness.js';
import type { ColumnDoc, TestSpec } from './schema-types.js';

/** Defaults that every model starts from, overridden by `config()` in the template. */
export interface ModelDefaults {
  materialized: string;
  schema?: string;
  tags: string[];
  /** From dbt_project.yml folder configs: an alias, enabled, and config() keys (unique_key, hooks, ...). */
  alias?: string;
  enabled?: boolean;
  extra?: Record<string, unknown>;
}


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
  /** Folders holding seeds (`*.csv`); dbt's `seed-paths`, `seeds` by default. */
  seedPaths?: string[];
  /** Where artifacts and compiled files go (dbt's `target-path`), relative to the root; `target` by default. */
  targetPath?: string;
  /** What `sparkify clean` removes (dbt's `clean-targets`); the target path by default. */
  cleanTargets?: string[];
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
  /** Set when the project comes from dbt_project.yml: dbt's defaults and schema naming apply. */
  flavor?: 'dbt';
  /** `dispatch:`: a macro namespace → the packages adapter.dispatch searches for it, in order. */
  dispatch?: Record<string, string[]>;
  /** dbt_project.yml's per-folder configs (`models:`, `seeds:`, ...), see project/dbt/folder-configs.ts. */
  folderConfigs?: Partial<Record<'models' | 'seeds' | 'snapshots' | 'data_tests', FolderConfigNode>>;
}

/** Declared settings of one seed (project.yml `seeds: <name>:`). */
export interface SeedConfig {
  /** Column name → SQL type, over the inferred one. */
  columnTypes: Record<string, string>;
  /** dbt_project.yml's `+schema` (a custom schema, named as the project names model schemas), `+alias`, `+tags`, `+enabled`. */
  schema?: string;
  alias?: string;
  tags?: string[];
  enabled?: boolean;
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
  /** `auto` maps keys to column names (`auto ignorecase`: whatever their case); otherwise the (rendered) path of a JSONPaths file. */
  jsonpaths: 'auto' | 'auto ignorecase' | string;
  /** Bad records tolerated before the load fails (Redshift MAXERROR); 0 by default. */
  maxerrors: number;
  /** How timestamp columns are read: `auto` (ISO strings) or `epochmillisecs`/`epochsecs`. */
  timeformat: TimeFormat;
  /** Cut strings that are too long for their varchar instead of rejecting the record. */
  truncatecolumns: boolean;
  /** AWS region of the location's S3 bucket, over the target's (Redshift's COPY REGION, the loader's S3 client). */
  region?: string;
  /**
   * `accept_invalid_chars`: the character that replaces each invalid UTF-8 byte and lone surrogate
   * escape (Redshift's ACCEPTINVCHARS); absent, records holding them are bad records.
   */
  acceptInvalidChars?: string;
  /** `origin_columns: true`: each staged row also records its file and line. */
  originColumns?: true;
  columns: ColumnSpec[];
  tags: string[];
  position: Position;
  /** Set for dbt's sources over existing tables (schema files): nothing loads them; location etc. are empty. */
  existing?: true;
  freshness?: FreshnessSpec;
  loadedAtField?: string;
  loader?: string;
  meta?: Record<string, unknown>;
  database?: string;
  /** Tests declared on the table (`data_tests:`) and its documented columns, compiled with the models' tests. */
  tests?: TestSpec[];
  columnDocs?: ColumnDoc[];
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
  /** The packages installed under dbt_packages/ (by `sparkify deps`), their vars merged with the project's. */
  packages: InstalledPackage[];
}

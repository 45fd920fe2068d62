/**
 * One warehouse engine, everything sparkify knows about it behind one object: how its target block
 * reads, how it connects and locks, the SQL it speaks, its secrets, and what it can do — as data.
 * registry.ts maps a target `type` to its engine; nothing outside src/engines/ asks for a type by name.
 */
import type { MapReader } from '../config/map-reader.js';
import type { ConfigFunction } from '../config/render-config.js';
import type { Position } from '../diagnostics.js';
import type { S3Settings } from '../load/s3/s3-settings.js';
import type { Dialect } from '../plan/dialect.js';
import type { SqlQuoting } from '../sql/quote.js';
import type { Adapter } from './adapter.js';
import type { CatalogSql } from './catalog-sql.js';

/** What an engine can and cannot do; callers branch on these, never on the engine's name. */
export interface EngineCapabilities {
  /** Several sessions can run at once (false for PGlite: one in-process connection). */
  multipleConnections: boolean;
  /** DDL can be rolled back inside a transaction. */
  transactionalDdl: boolean;
  /**
   * Where a source's rows come from: `client` when sparkify's loader streams them into COPY (FROM
   * STDIN, PGlite's /dev/blob), `warehouse` when the engine reads the files itself (Redshift's COPY
   * FROM 's3://…', so the locations must be on S3 and this machine needs no AWS access).
   */
  sourceLoad: 'client' | 'warehouse';
  /**
   * The engine's COPY runs on this process's main thread (PGlite), so the loader has a core less
   * for parsing than with a server in its own process.
   */
  copyInProcess: boolean;
  /** Seeds load as streamed COPY (`copy`), or as INSERT … VALUES literals the plan carries (no COPY from a client). */
  seedLoad: 'copy' | 'insert-literals';
  /** Longest identifier the engine keeps; longer ones are refused rather than truncated. */
  maxIdentifierBytes: number;
  /** '...' literals read a backslash as an escape (Redshift), so quoting doubles backslashes too. */
  backslashEscapesInLiterals: boolean;
  /**
   * Quoted names are folded to lower case (Redshift), so relations are named, quoted and looked up
   * folded (`DimTest` is `dimtest`); PostgreSQL keeps a quoted name's case.
   */
  foldsIdentifiers: boolean;
  /** Prefixes a dispatched macro `x` is looked up by, most specific first: `redshift__x`, `postgres__x`, `default__x`. */
  macroFallbacks: readonly string[];
  /** The warehouse is a data directory inside the project (`sparkify clean --warehouse` removes it). */
  embeddedDataDir: boolean;
  /** How two builds on one target are kept apart (see Engine.acquireBuildLock). */
  buildLock: 'data-dir-lock' | 'advisory-lock' | 'table-lock';
}

/** What every target block has, whatever its engine. */
export interface TargetBase {
  name: string;
  /** The engine's registry key (`pglite`, `postgres`, `redshift`, …). */
  type: string;
  /** Schema that models and sources land in unless they say otherwise. */
  schema: string;
  /** How many nodes may build at once (an adapter with one connection runs them one by one). */
  threads: number;
  position: Position;
  /** The selected target's `vars:`, merged over project vars (and under --vars). */
  vars?: Record<string, unknown>;
  /** How the loader reaches `s3://` source locations; credentials come from the AWS chain. */
  s3?: S3Settings;
}

/** What an engine gets to read its target block: the block, the common fields, and whether it is selected. */
export interface TargetReading {
  block: MapReader;
  /** Name, schema, threads, position and s3, already read. */
  base: Omit<TargetBase, 'type'>;
  /** Only the selected target must be complete and reads its config files and vars. */
  selected: boolean;
  /** The project root, for files the target names (Redshift's dwh.cfg). */
  root: string;
}

/** A warehouse engine. `T` is its own target type; callers hold it as a TargetConfig. */
export interface Engine<T extends TargetBase = TargetBase> {
  /** The `type:` of its targets. */
  readonly type: string;
  /**
   * The adapter type dbt's tools and packages see (artifacts' adapter_type): PGlite is PostgreSQL
   * compiled to WASM, so it presents itself as `postgres`.
   */
  readonly dbtAdapterType: string;
  readonly capabilities: EngineCapabilities;
  /** The catalog queries `docs generate` reads columns, types, row counts and sizes with. */
  readonly docsCatalog: CatalogSql;
  /** How its SQL quotes identifiers (within capabilities.maxIdentifierBytes) and literals. */
  readonly quoting: SqlQuoting;
  /** Keys its target block may hold besides type, schema, threads, vars and s3. */
  readonly targetKeys: readonly string[];
  /** Its target block; problems are reported into the block's file, undefined when unusable. */
  readTarget(reading: TargetReading): T | undefined;
  /** Builds its adapter (opens nothing yet; the driver modules load here, on first use). */
  createAdapter(root: string, target: T): Promise<Adapter>;
  /** The SQL it speaks (pure: no connection). */
  dialect(target: T): Dialect;
  /**
   * Takes the lock that keeps two builds (or snapshot runs) of `projectName` on this target apart,
   * held until the returned release runs, or fails naming the holder. `adapter` is open.
   */
  acquireBuildLock(adapter: Adapter, target: T, projectName: string): Promise<() => Promise<void>>;
  /** Secret values of the target (passwords, keys), scrubbed from all output. */
  secrets(target: T): string[];
  /** The database its target connects to, when its config says (dbt writes it on every node); null for none. */
  database(target: T): string | null;
  /**
   * Its output in a dbt profiles.yml (`type:` the engine's type), read as its target; undefined when
   * unusable (reported). Absent: the engine has no profiles.yml form.
   */
  readProfileOutput?(output: MapReader, name: string): T | undefined;
  /** What templates see of the target beyond name, schema and threads (dbt's target.database/user/host/port); never a password. */
  templateFields(target: T): { database: string | null; user: string | null; [key: string]: unknown };
  /** Where it connects, for `sparkify debug`: `user@host:port/db` or the data dir, never a password. */
  describe(target: T, user?: string): string;
  /** The data directory of an embedded warehouse, relative to the root (capabilities.embeddedDataDir). */
  dataDir?(target: T): string;
  /** Removes the embedded warehouse (never one another process holds); returns what it removed. */
  removeWarehouse?(root: string, target: T): void;
  /**
   * Functions config values may call (Redshift: dwh_cfg). With `target` undefined: the stand-ins
   * every other block gets, which say where the function works.
   */
  configFunctions?(context: { config?: unknown }): Record<string, ConfigFunction>;
}

import type { BadRecord } from '../load/types.js';
import type { Relation } from '../sql/quote.js';

/** What one statement returned. */
export interface StatementResult {
  /** Command tag: SELECT, CREATE, COPY, ... */
  command: string;
  rowCount: number | null;
  rows: Record<string, unknown>[];
  columns: string[];
}

/** What a parametrised query returned: column names and rows as arrays, in column order. */
export interface QueryRows {
  /** Each column's name and, where the engine says, its type's oid (PostgreSQL family). */
  columns: { name: string; typeId?: number }[];
  rows: unknown[][];
}

/** One connection: statements on it run in order and share a transaction. */
export interface Session {
  execute(sql: string): Promise<StatementResult>;
  /**
   * Runs one statement with `$n` bind parameters and returns its rows as arrays (two columns may
   * share a name): what templates ask the warehouse at run time (run_query, get_columns_in_relation).
   */
  query(sql: string, params: unknown[]): Promise<QueryRows>;
  /** Runs a `COPY ... FROM` statement, feeding it COPY text-format chunks; returns the rows copied. */
  copyFrom(sql: string, chunks: AsyncIterable<Buffer>): Promise<number>;
  /**
   * For engines that load files themselves (Redshift COPY from S3): the records the last such COPY
   * on this session rejected while loading `into`, read back from the engine. Absent where
   * sparkify's loader feeds COPY.
   */
  loadErrors?(into: Relation): Promise<BadRecord[]>;
  /**
   * Asks the engine to cancel the statement this session is running (a server: from another
   * connection), so a stopped run ends within seconds; the statement then fails. Absent where a
   * statement cannot be interrupted (PGlite runs in-process: the run stops between statements).
   */
  cancel?(): Promise<void>;
}

/** What differs between engines, as data rather than `if (type === ...)` in callers. */
export interface AdapterCapabilities {
  /** Several sessions can run at once (false for PGlite: one in-process connection). */
  multipleConnections: boolean;
  /** DDL can be rolled back (Postgres yes, Redshift partly). */
  transactionalDdl: boolean;
}

/** The kind of an existing relation. */
export type RelationKind = 'table' | 'view';

/** Options of Adapter.open. */
export interface OpenOptions {
  /** Told about a slow step before it starts (creating an embedded warehouse), so no wait is silent. */
  notice?: (message: string) => void;
}

/** A warehouse connection behind one small interface. */
export interface Adapter {
  readonly type: string;
  readonly capabilities: AdapterCapabilities;
  /** Connects (and for embedded engines, takes the data directory's lock: see Engine.acquireBuildLock). */
  open(options?: OpenOptions): Promise<void>;
  /** Closes connections and releases locks; safe to call twice. */
  close(): Promise<void>;
  /**
   * Releases at once, without waiting, what the process holds outside it (PGlite's lock file): the
   * process exits right after (a second Ctrl-C). Connections end with the process.
   */
  abandon?(): void;
  /** Runs `work` on one dedicated connection, released afterwards. */
  withSession<T>(work: (session: Session) => Promise<T>): Promise<T>;
  /** Whether a relation exists, and what it is. */
  relationKind(relation: Relation): Promise<RelationKind | undefined>;
}

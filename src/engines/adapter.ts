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

/** One connection: statements on it run in order and share a transaction. */
export interface Session {
  execute(sql: string): Promise<StatementResult>;
  /** Runs a `COPY ... FROM` statement, feeding it COPY text-format chunks; returns the rows copied. */
  copyFrom(sql: string, chunks: AsyncIterable<Buffer>): Promise<number>;
  /**
   * For engines that load files themselves (Redshift COPY from S3): the records the last such COPY
   * on this session rejected while loading `into`, read back from the engine. Absent where
   * sparkify's loader feeds COPY.
   */
  loadErrors?(into: Relation): Promise<BadRecord[]>;
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

/** A warehouse connection behind one small interface. */
export interface Adapter {
  readonly type: string;
  readonly capabilities: AdapterCapabilities;
  /** Connects (and for embedded engines, takes the data directory's lock: see Engine.acquireBuildLock). */
  open(): Promise<void>;
  /** Closes connections and releases locks; safe to call twice. */
  close(): Promise<void>;
  /** Runs `work` on one dedicated connection, released afterwards. */
  withSession<T>(work: (session: Session) => Promise<T>): Promise<T>;
  /** Whether a relation exists, and what it is. */
  relationKind(relation: Relation): Promise<RelationKind | undefined>;
}

import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Adapter, QueryRows, RelationKind, Session, StatementResult } from '../adapter.js';
import type { Relation } from '../../sql/quote.js';
import { relationKindQuery } from '../postgres-family/relation-kind-query.js';
import { DataDirLock } from './data-dir-lock.js';
import { copyPristineDataDir } from './pristine-data-dir.js';
import { createPglite } from './create-pglite.js';
import type { OpenOptions } from '../adapter.js';

/**
 * PostgreSQL's default is 128MB, and PGlite touches all of it at start: ~100 MB more resident
 * memory in every command that opens the warehouse. Bulk loads go through a 16 MB ring whatever
 * the size (COPY's bulk-write strategy), and the project's tables fit, so a smaller pool costs
 * nothing we measured (issue 13: a rebuild within 250 MB).
 */
const SHARED_BUFFERS = '16MB';

/**
 * The embedded warehouse: PGlite (Postgres in WASM) on an on-disk data directory. In-memory PGlite
 * slows COPY down quadratically as a table grows, so we always use a directory. PGlite is one
 * connection: sessions take turns (a queue here; it was a knex pool of one, whose import with
 * lodash was ~300 modules of every build's start-up, issue 13).
 */
export class PgliteAdapter implements Adapter {
  readonly type = 'pglite';
  readonly capabilities = { multipleConnections: false, transactionalDdl: true };
  private readonly lock: DataDirLock;
  private db?: PGlite;
  /** The session in progress (or the last one): the next waits for it. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string, private readonly displayPath: string) {
    this.lock = new DataDirLock(`${dataDir}.lock`, displayPath);
  }

  async open(options: OpenOptions = {}): Promise<void> {
    this.lock.acquire();
    try {
      mkdirSync(dirname(this.dataDir), { recursive: true }); // PGlite does not create parents
      if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
        await this.create(options);
        // The copy and PGlite's start take ~0.3 s each on a new warehouse: a line between them (issue 13: no silence over 1 s).
        options.notice?.(`Starting PGlite on the new warehouse ${this.displayPath}`);
      }
      const db = createPglite(this.dataDir, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] });
      await db.waitReady;
      this.db = db;
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  /** A new warehouse is a copy of the machine's pristine database; without one, PGlite's own initdb. */
  private async create(options: OpenOptions): Promise<void> {
    options.notice?.(`Creating the embedded warehouse ${this.displayPath} (a copy of this machine's pristine PGlite database)`);
    try {
      // An empty folder (made by hand, or left by a crash before PGlite wrote anything) is replaced.
      if (existsSync(this.dataDir)) rmdirIfEmpty(this.dataDir);
      await copyPristineDataDir(this.dataDir, { notice: options.notice });
    } catch (error) {
      if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: no pristine PGlite copy (${(error as Error).message}): initdb in place\n`);
    }
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    try {
      await this.turn.catch(() => undefined);
      if (db && !db.closed) await db.close();
    } finally {
      this.lock.release();
    }
  }

  /** The lock file goes at once; the data directory recovers on the next open, as after a crash. */
  abandon(): void {
    this.lock.release();
  }

  async withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const db = this.requireDb();
    const run = this.turn.then(() => work(new PgliteSession(db)));
    this.turn = run.catch(() => undefined);
    return run;
  }

  async relationKind(relation: Relation): Promise<RelationKind | undefined> {
    return this.withSession((session) => relationKindQuery(session, relation));
  }

  private requireDb(): PGlite {
    if (!this.db) throw new Error('the PGlite adapter is not open');
    return this.db;
  }
}

class PgliteSession implements Session {
  constructor(private readonly db: PGlite) {}

  async execute(sql: string): Promise<StatementResult> {
    const result = await this.db.query<Record<string, unknown>>(sql);
    return {
      command: result.command ?? '',
      rowCount: result.rowCount ?? result.affectedRows ?? null,
      rows: result.rows,
      columns: result.fields.map((f) => f.name),
    };
  }

  async query(sql: string, params: unknown[]): Promise<QueryRows> {
    const result = await this.db.query<unknown[]>(sql, params, { rowMode: 'array' });
    return { columns: result.fields.map((f) => ({ name: f.name, typeId: f.dataTypeID })), rows: result.rows };
  }

  /** PGlite reads COPY input from a virtual `/dev/blob` file: one COPY per chunk keeps memory flat. */
  async copyFrom(sql: string, chunks: AsyncIterable<Buffer>): Promise<number> {
    let rows = 0;
    for await (const chunk of chunks) {
      const result = await this.db.query(sql, [], { blob: new Blob([chunk as Uint8Array<ArrayBuffer>]) });
      rows += result.affectedRows ?? 0;
    }
    return rows;
  }
}

function rmdirIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty: PGlite decides what it is.
  }
}

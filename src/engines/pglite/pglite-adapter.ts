import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import type { Adapter, QueryRows, RelationKind, Session, StatementResult } from '../adapter.js';
import type { Relation } from '../../sql/quote.js';
import { DataDirLock } from './data-dir-lock.js';
import { relationKindQuery } from '../postgres-family/relation-kind-query.js';

/**
 * The embedded warehouse: PGlite (Postgres in WASM) on an on-disk data directory. In-memory PGlite
 * slows COPY down quadratically as a table grows, so we always use a directory. knex manages the
 * single connection; statements go straight to the PGlite instance because knex.raw would rewrite
 * every `?` in our SQL into a bind parameter.
 */
export class PgliteAdapter implements Adapter {
  readonly type = 'pglite';
  readonly capabilities = { multipleConnections: false, transactionalDdl: true };
  private readonly lock: DataDirLock;
  private db?: PGlite;
  private knex?: Knex;

  constructor(private readonly dataDir: string, displayPath: string) {
    this.lock = new DataDirLock(`${dataDir}.lock`, displayPath);
  }

  async open(): Promise<void> {
    this.lock.acquire();
    try {
      mkdirSync(dirname(this.dataDir), { recursive: true }); // PGlite does not create parents
      const db = new PGlite(this.dataDir);
      await db.waitReady;
      this.db = db;
      this.knex = knexFactory({ client: ClientPgLite, connection: () => ({ pglite: db }) as object });
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  async close(): Promise<void> {
    const knex = this.knex;
    this.knex = undefined;
    try {
      if (knex) await knex.destroy();
      else if (this.db && !this.db.closed) await this.db.close();
    } finally {
      this.db = undefined;
      this.lock.release();
    }
  }

  async withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const client = this.requireKnex().client;
    const connection = (await client.acquireConnection()) as PGlite;
    try {
      return await work(new PgliteSession(connection));
    } finally {
      await client.releaseConnection(connection);
    }
  }

  async relationKind(relation: Relation): Promise<RelationKind | undefined> {
    const row = await relationKindQuery(this.requireKnex(), relation);
    return row;
  }

  private requireKnex(): Knex {
    if (!this.knex) throw new Error('the PGlite adapter is not open');
    return this.knex;
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

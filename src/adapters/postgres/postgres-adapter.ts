import knexFactory, { type Knex } from 'knex';
import type pg from 'pg';
import type { PostgresTarget } from '../../project/types.js';
import type { Relation } from '../../sql/quote.js';
import type { Adapter, RelationKind, Session } from '../adapter.js';
import { relationKindQuery } from '../postgres-catalog.js';
import { acquirePostgresBuildLock } from './build-lock.js';
import { connectionError } from './connection-error.js';
import { connectionSettings } from './connection-settings.js';
import { PostgresSession } from './postgres-session.js';

/**
 * A PostgreSQL server through knex's `pg` client: knex keeps a pool of `threads` connections, and
 * each session runs its statements on one raw pg connection taken from it.
 */
export class PostgresAdapter implements Adapter {
  readonly type = 'postgres';
  readonly capabilities = { multipleConnections: true, transactionalDdl: true };
  private knex?: Knex;
  private releaseBuildLock?: () => Promise<void>;

  constructor(private readonly target: PostgresTarget) {}

  /** Creates the pool and connects once, so a wrong host or password fails here with SPK41x. */
  async open(): Promise<void> {
    this.knex = knexFactory({
      client: 'pg',
      connection: connectionSettings(this.target) as Knex.PgConnectionConfig,
      pool: { min: 0, max: Math.max(1, this.target.threads) },
      // knex would print connection errors with stack traces, past the CLI's secret scrubber;
      // they reach the user as SPK41x (connectionError) instead.
      log: { warn: ignore, error: ignore, deprecate: ignore, debug: ignore },
    });
    try {
      await this.withConnection(async () => undefined);
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const releaseLock = this.releaseBuildLock;
    this.releaseBuildLock = undefined;
    await releaseLock?.().catch(() => undefined);
    const knex = this.knex;
    this.knex = undefined;
    if (knex) await knex.destroy();
  }

  withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    return this.withConnection((client) => work(new PostgresSession(client)));
  }

  /** A session-level advisory lock on a connection of its own (build-lock.ts); close() releases it too. */
  async acquireBuildLock(projectName: string): Promise<() => Promise<void>> {
    const release = await acquirePostgresBuildLock(this.target, projectName);
    this.releaseBuildLock = release;
    return async () => {
      if (this.releaseBuildLock === release) this.releaseBuildLock = undefined;
      await release();
    };
  }

  async relationKind(relation: Relation): Promise<RelationKind | undefined> {
    return relationKindQuery(this.requireKnex(), relation);
  }

  private async withConnection<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const pool = this.requireKnex().client;
    let client: pg.Client;
    try {
      client = (await pool.acquireConnection()) as pg.Client;
    } catch (error) {
      throw connectionError(error, this.target);
    }
    try {
      return await work(client);
    } finally {
      await pool.releaseConnection(client);
    }
  }

  private requireKnex(): Knex {
    if (!this.knex) throw new Error('the PostgreSQL adapter is not open');
    return this.knex;
  }
}

function ignore(): void {}

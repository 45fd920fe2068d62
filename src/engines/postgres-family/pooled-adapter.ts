import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import type { Relation } from '../../sql/quote.js';
import type { Adapter, AdapterCapabilities, RelationKind, Session } from '../adapter.js';
import { relationKindQuery } from './relation-kind-query.js';

/**
 * A server of the PostgreSQL family through a knex pool of `threads` connections (PostgreSQL, and
 * Redshift through knex's `redshift` client). Each session runs its statements on one raw pg
 * connection taken from the pool; subclasses say how a connection fails and what a session adds.
 */
export abstract class PooledAdapter implements Adapter {
  abstract readonly type: string;
  readonly capabilities: AdapterCapabilities = { multipleConnections: true, transactionalDdl: true };
  private knex?: Knex;

  constructor(
    private readonly knexClient: 'pg' | 'redshift',
    private readonly connection: pg.ClientConfig,
    private readonly threads: number,
  ) {}

  /** The error a failed connection attempt becomes (SPK41x, with the target's file and line). */
  protected abstract connectError(error: unknown): Error;

  /** The session over one pooled connection; `cancel` cancels the statement it is running. */
  protected abstract session(client: pg.Client, cancel: () => Promise<void>): Session;

  /** Creates the pool and connects once, so a wrong host or password fails here, before any node runs. */
  async open(): Promise<void> {
    this.knex = knexFactory({
      client: this.knexClient,
      connection: this.connection as Knex.PgConnectionConfig,
      pool: { min: 0, max: Math.max(1, this.threads) },
      // knex would print connection errors with stack traces, past the CLI's secret scrubber;
      // they reach the user through connectError instead.
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
    const knex = this.knex;
    this.knex = undefined;
    if (knex) await knex.destroy();
  }

  withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    return this.withConnection((client) => work(this.session(client, () => this.cancelBackend(client))));
  }

  /**
   * Cancels what `client` is running with pg_cancel_backend, sent on a connection of its own (the
   * pool may be full, and the busy one cannot take another statement). Its server pid comes from the
   * BackendKeyData message every session starts with.
   */
  private async cancelBackend(client: pg.Client): Promise<void> {
    const pid = (client as unknown as { processID?: number | null }).processID;
    if (!pid) return;
    const canceller = new pg.Client({ ...this.connection, application_name: 'sparkify (cancel)' });
    canceller.on('error', ignore);
    try {
      await canceller.connect();
      await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    } finally {
      await canceller.end().catch(ignore);
    }
  }

  async relationKind(relation: Relation): Promise<RelationKind | undefined> {
    return this.withSession((session) => relationKindQuery(session, relation));
  }

  private async withConnection<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const pool = this.requireKnex().client;
    let client: pg.Client;
    try {
      client = (await pool.acquireConnection()) as pg.Client;
    } catch (error) {
      throw this.connectError(error);
    }
    try {
      return await work(client);
    } finally {
      await pool.releaseConnection(client);
    }
  }

  private requireKnex(): Knex {
    if (!this.knex) throw new Error(`the ${this.type} adapter is not open`);
    return this.knex;
  }
}

function ignore(): void {}

import { setTimeout as sleep } from 'node:timers/promises';
import knexFactory, { type Knex } from 'knex';
import type pg from 'pg';
import { SparkifyError } from '../../diagnostics.js';
import type { RedshiftTarget } from '../../project/types.js';
import type { Relation } from '../../sql/quote.js';
import type { Adapter, RelationKind, Session } from '../adapter.js';
import { relationKindQuery } from '../postgres-catalog.js';
import { PostgresSession } from '../postgres/postgres-session.js';
import { redshiftConnection } from './connection.js';
import { RedshiftSession } from './redshift-session.js';

/**
 * Amazon Redshift through knex's `redshift` client (the pg driver; port 5439 and TLS by default).
 * Thin on purpose: every statement it sends comes from the plan or from load-errors.ts, both
 * golden-tested; this file only connects, lends sessions and looks relations up in pg_catalog
 * (shared with PostgreSQL: Redshift keeps pg_class and pg_namespace).
 */
export class RedshiftAdapter implements Adapter {
  readonly type = 'redshift';
  readonly capabilities = { multipleConnections: true, transactionalDdl: true };
  private readonly connection: pg.ClientConfig;
  private knex?: Knex;

  /** Checks the target first: a missing dwh.cfg or password fails here, before any connection (SPK403). */
  constructor(private readonly target: RedshiftTarget) {
    this.connection = redshiftConnection(target);
  }

  /** Creates the pool and connects once, so a wrong endpoint or password fails before any node runs. */
  async open(): Promise<void> {
    this.knex = knexFactory({
      client: 'redshift',
      connection: this.connection as Knex.PgConnectionConfig,
      pool: { min: 0, max: Math.max(1, this.target.threads) },
      // knex would print connection errors itself, past the CLI's secret scrubber.
      log: { warn: ignore, error: ignore, deprecate: ignore, debug: ignore },
    });
    try {
      await this.withClient(async () => undefined);
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
    return this.withClient((client) => work(new RedshiftSession(new PostgresSession(client), (ms) => sleep(ms))));
  }

  async relationKind(relation: Relation): Promise<RelationKind | undefined> {
    return relationKindQuery(this.requireKnex(), relation);
  }

  private async withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
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

  private connectError(error: unknown): SparkifyError {
    const where = `${this.target.host}:${this.target.port}/${this.target.database}`;
    return new SparkifyError({
      code: 'SPK410',
      message: `cannot connect to target '${this.target.name}' (redshift at ${where}): ${(error as Error)?.message ?? String(error)}`,
      location: { file: this.target.position.file, line: this.target.position.line },
      hint: 'check [CLUSTER] in dwh.cfg, that the cluster is available, and that its security group lets this machine in on the port',
    });
  }

  private requireKnex(): Knex {
    if (!this.knex) throw new Error('the Redshift adapter is not open');
    return this.knex;
  }
}

function ignore(): void {}

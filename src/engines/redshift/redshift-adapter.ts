import type { RedshiftTarget } from './redshift-target.js';
import { EngineErrors } from '../error-codes.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { SparkifyError } from '../../diagnostics.js';
import type { Session } from '../adapter.js';
import { PooledAdapter } from '../postgres-family/pooled-adapter.js';
import { PostgresSession } from '../postgres-family/postgres-session.js';
import { redshiftConnection } from './connection.js';
import { RedshiftSession } from './redshift-session.js';
import { loadErrorView } from './redshift-target.js';

/**
 * Amazon Redshift through knex's `redshift` client (the pg driver; port 5439 and TLS by default).
 * Thin on purpose: every statement it sends comes from the plan or from load-errors.ts, both
 * golden-tested; this file only says how to connect and wraps sessions in the 1023 retry policy
 * (pooled-adapter.ts does the rest, shared with PostgreSQL).
 */
export class RedshiftAdapter extends PooledAdapter {
  readonly type = 'redshift';

  /** Checks the target first: a missing dwh.cfg or password fails here, before any connection (SPK403). */
  constructor(private readonly target: RedshiftTarget) {
    super('redshift', redshiftConnection(target), target.threads);
  }

  protected session(client: pg.Client): Session {
    return new RedshiftSession(new PostgresSession(client), (ms) => sleep(ms), undefined, loadErrorView(this.target));
  }

  protected connectError(error: unknown): SparkifyError {
    const where = `${this.target.host}:${this.target.port}/${this.target.database}`;
    return new SparkifyError({
      code: EngineErrors.unreachable,
      message: `cannot connect to target '${this.target.name}' (redshift at ${where}): ${(error as Error)?.message ?? String(error)}`,
      location: { file: this.target.position.file, line: this.target.position.line },
      hint: 'check [CLUSTER] in dwh.cfg, that the cluster is available, and that its security group lets this machine in on the port',
    });
  }
}

import type pg from 'pg';
import type { Session } from '../adapter.js';
import { PooledAdapter } from '../postgres-family/pooled-adapter.js';
import { PostgresSession } from '../postgres-family/postgres-session.js';
import { connectionError } from './connection-error.js';
import { connectionSettings } from './connection-settings.js';
import type { PostgresTarget } from './postgres-target.js';

/** A PostgreSQL server: a pool of `threads` connections (pooled-adapter.ts). */
export class PostgresAdapter extends PooledAdapter {
  readonly type = 'postgres';

  constructor(private readonly target: PostgresTarget) {
    super('pg', connectionSettings(target), target.threads);
  }

  protected connectError(error: unknown): Error {
    return connectionError(error, this.target);
  }

  protected session(client: pg.Client, cancel: () => Promise<void>): Session {
    return new PostgresSession(client, cancel);
  }
}

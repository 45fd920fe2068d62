import type { BadRecord } from '../../load/types.js';
import type { Session, StatementResult } from '../adapter.js';
import type { Relation } from '../../sql/quote.js';
import { readLoadErrors, type LoadErrorView } from './load-errors.js';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry-policy.js';

/**
 * One Redshift connection: statements go to the raw pg session (no knex.raw, which rewrites `?`).
 *
 * A serializable isolation error (1023) cancels the whole transaction, so retrying the statement
 * alone would run it outside the transaction it belongs to. This session remembers the statements
 * since BEGIN and, on 1023, rolls back, waits (retry-policy.ts) and replays them before the one that
 * failed. A statement outside a transaction is simply run again.
 */
export class RedshiftSession implements Session {
  /** Statements since BEGIN, BEGIN included; undefined outside a transaction. */
  private transaction?: string[];

  constructor(
    private readonly inner: Session,
    private readonly wait: (ms: number) => Promise<unknown>,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly errorView: LoadErrorView = 'stl_load_errors',
  ) {}

  async execute(sql: string): Promise<StatementResult> {
    const replay = this.transaction ? [...this.transaction] : [];
    for (let attempt = 1; ; attempt++) {
      try {
        if (attempt > 1) for (const earlier of replay) await this.inner.execute(earlier);
        const result = await this.inner.execute(sql);
        this.transaction = trackTransaction(this.transaction, sql);
        return result;
      } catch (error) {
        const delay = retryDelay(error, attempt, this.policy);
        if (delay === undefined) throw error;
        if (replay.length > 0) await this.inner.execute('ROLLBACK').catch(() => undefined);
        await this.wait(delay);
      }
    }
  }

  /** Redshift reads its files from S3 itself (COPY ... FROM 's3://...'); there is no client feed. */
  async copyFrom(): Promise<number> {
    throw new Error('Redshift loads sources server-side with COPY from S3; a client-fed COPY is not supported');
  }

  /** The records the last COPY of this session rejected loading `into` (STL_LOAD_ERRORS or SYS_LOAD_ERROR_DETAIL). */
  async loadErrors(into: Relation): Promise<BadRecord[]> {
    return readLoadErrors(this.errorView, into, async (sql) => (await this.inner.execute(sql)).rows);
  }
}

/**
 * The statements a 1023 retry must replay after `sql` succeeded: BEGIN starts the list, COMMIT or
 * ROLLBACK ends it, anything else joins an open one. Outside a transaction there is nothing to replay.
 */
export function trackTransaction(transaction: string[] | undefined, sql: string): string[] | undefined {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  if (word === 'BEGIN' || word === 'START') return [sql];
  if (word === 'COMMIT' || word === 'END' || word === 'ROLLBACK' || word === 'ABORT') return undefined;
  return transaction ? [...transaction, sql] : undefined;
}

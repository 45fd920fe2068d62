import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { QueryRows, Session, StatementResult } from '../adapter.js';

/**
 * One pooled connection. Statements go to the raw pg client without parameters, so pg sends them
 * with the simple query protocol and leaves `?` and `$1` alone (knex.raw would bind every `?`).
 */
export class PostgresSession implements Session {
  constructor(
    private readonly client: pg.Client,
    /** Cancels the statement in progress from another connection (see PooledAdapter). */
    private readonly cancelRunning?: () => Promise<void>,
  ) {}

  async cancel(): Promise<void> {
    await this.cancelRunning?.();
  }

  async execute(sql: string): Promise<StatementResult> {
    const reply = (await this.client.query(sql)) as pg.QueryResult | pg.QueryResult[];
    // Several statements in one text give one result each; the last one is the statement's outcome.
    const result = Array.isArray(reply) ? reply[reply.length - 1] : reply;
    return {
      command: result.command ?? '',
      rowCount: result.rowCount ?? null,
      rows: result.rows,
      columns: (result.fields ?? []).map((field) => field.name),
    };
  }

  /** With parameters pg uses the extended protocol: one statement, values bound, never spliced in. */
  async query(sql: string, params: unknown[]): Promise<QueryRows> {
    const result = await this.client.query({ text: sql, values: params, rowMode: 'array' });
    return { columns: (result.fields ?? []).map((field) => ({ name: field.name, typeId: field.dataTypeID })), rows: result.rows as unknown[][] };
  }

  /**
   * Streams the chunks into `COPY ... FROM STDIN`. pipeline() waits for 'drain' between chunks, so
   * at most one chunk is buffered; if the chunks fail (a bad record) it sends CopyFail, and a
   * server error (with its code and detail) rejects.
   */
  async copyFrom(sql: string, chunks: AsyncIterable<Buffer>): Promise<number> {
    const stream = this.client.query(copyFromStdin(sql));
    await pipeline(chunks, stream);
    return stream.rowCount;
  }
}

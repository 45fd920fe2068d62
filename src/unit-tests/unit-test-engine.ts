/**
 * The database unit tests run in: one in-memory PGlite for the whole run, started when the first
 * unit test needs it and shared by all of them. It never touches the target: unit tests need no
 * warehouse. One test at a time uses it (each inside BEGIN … ROLLBACK), even with --threads.
 */
import type { PGlite } from '@electric-sql/pglite';

/** What a unit test runs its statements on. */
export interface UnitTestDatabase {
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** Lazily started, serialised access to the in-memory database; close() when the run ends. */
export class UnitTestEngine {
  private db?: Promise<PGlite>;
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` once every earlier piece of work has finished. */
  exclusive<T>(work: (db: UnitTestDatabase) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const db = await this.start();
      return work({ query: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the database if it was started; safe to call twice. */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) await (await db).close();
  }

  private start(): Promise<PGlite> {
    // No data directory: the database lives in memory and vanishes with the run.
    this.db ??= import('@electric-sql/pglite').then(async ({ PGlite: Engine }) => {
      const db = new Engine();
      await db.waitReady;
      return db;
    });
    return this.db;
  }
}

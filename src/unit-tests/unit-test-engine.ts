/**
 * The database unit tests run in: one in-memory PGlite for the whole run, started when the first
 * unit test needs it and shared by all of them. It never touches the target: unit tests need no
 * warehouse. One test at a time uses it (each inside BEGIN … ROLLBACK), even with --threads.
 *
 * Starting it is an initdb in WASM, seconds long. With a cache folder, the first run dumps the
 * pristine instance there and later runs load that dump instead (see pristine-dump-cache.ts).
 */
import type { PGlite } from '@electric-sql/pglite';
import { untilStopped } from '../run/run-context.js';
import { pristineDumpPath, readPristineDump, writePristineDump } from './pristine-dump-cache.js';

/** What a unit test runs its statements on. */
export interface UnitTestDatabase {
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** Options of the engine. */
export interface UnitTestEngineOptions {
  /** Folder for the pristine data-dir dump (the project's `.sparkify/`); none: initdb every run. */
  cacheDir?: string;
}

/** How the database was started: loaded from the cached dump, or a fresh initdb. */
export type EngineStart = 'cache' | 'fresh';

/** Lazily started, serialised access to the in-memory database; close() when the run ends. */
export class UnitTestEngine {
  private db?: Promise<{ db: PGlite; from: EngineStart }>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: UnitTestEngineOptions = {}) {}

  /**
   * Runs `work` once every earlier piece of work has finished. A stopped run (`signal` aborted) does
   * not wait for the database to finish starting: RunCancelled at once.
   */
  exclusive<T>(work: (db: UnitTestDatabase) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const run = untilStopped(this.queue, signal).then(async () => {
      const { db } = await untilStopped(this.start(), signal);
      return work({ query: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the database if needed and tells how it was started. */
  async started(): Promise<EngineStart> {
    return (await this.start()).from;
  }

  /** Stops the database if it was started; safe to call twice. */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (db) await (await db).db.close();
  }

  private start(): Promise<{ db: PGlite; from: EngineStart }> {
    // No data directory: the database lives in memory and vanishes with the run.
    this.db ??= import('@electric-sql/pglite').then(async ({ PGlite: Engine }) => {
      const cache = this.options.cacheDir === undefined ? undefined : cachePath(this.options.cacheDir);
      const fromCache = cache && (await loadDump(Engine, cache));
      if (fromCache) return { db: fromCache, from: 'cache' as const };
      const db = new Engine();
      await db.waitReady;
      // Dumped before any test touches it, so the dump is pristine.
      if (cache) await saveDump(db, cache);
      return { db, from: 'fresh' as const };
    });
    return this.db;
  }
}

/** The dump's path, or undefined (no cache) when PGlite's version cannot be read. */
function cachePath(cacheDir: string): string | undefined {
  try {
    return pristineDumpPath(cacheDir);
  } catch (error) {
    debug(`no unit-test database cache: ${(error as Error).message}`);
    return undefined;
  }
}

/** A database loaded from the cached dump, or undefined: no dump, or one that does not load. */
async function loadDump(Engine: typeof PGlite, path: string): Promise<PGlite | undefined> {
  let db: PGlite | undefined;
  try {
    const dump = await readPristineDump(path);
    if (!dump) return undefined;
    db = new Engine({ loadDataDir: dump });
    await db.waitReady;
    return db;
  } catch (error) {
    // Silent for users: the run goes on with a fresh database and rewrites the cache.
    debug(`unit-test database cache ${path} is unreadable (${(error as Error).message}): starting afresh`);
    await db?.close().catch(() => undefined);
    return undefined;
  }
}

/** Writes the pristine database's dump; a failure only costs the next run its speed-up. */
async function saveDump(db: PGlite, path: string): Promise<void> {
  try {
    await writePristineDump(path, await db.dumpDataDir('gzip'));
  } catch (error) {
    debug(`cannot write the unit-test database cache ${path}: ${(error as Error).message}`);
  }
}

/** A line on stderr only with SPARKIFY_DEBUG set: dbt users do not want noise about a cache. */
function debug(message: string): void {
  if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: ${message}\n`);
}

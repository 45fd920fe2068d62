/**
 * The database unit tests run in: one throwaway PGlite for the whole run, started when the first
 * unit test needs it and shared by all of them. It never touches the target: unit tests need no
 * warehouse. One test at a time uses it (each inside BEGIN … ROLLBACK), even with --threads.
 *
 * It is a copy of the machine's pristine PGlite data directory in a temporary folder, removed when
 * the run ends (an initdb in WASM takes seconds; see engines/pglite/pristine-data-dir.ts). On disk
 * rather than in memory: loading a data directory into PGlite's memory file system peaked at
 * ~550 MB, a copy on disk with small shared buffers at ~190 MB. A test whose statements passed
 * before is not run again (unit-test-results.ts), so a rebuild with nothing changed starts nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { copyPristineDataDir, type PristineStart } from '../engines/pglite/pristine-data-dir.js';
import { UnitTestResults } from './unit-test-results.js';

/** What a unit test runs its statements on. */
export interface UnitTestDatabase {
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** Options of the engine. */
export interface UnitTestEngineOptions {
  /** The machine cache folder holding the pristine data directory (default: machineCacheDir()). */
  cacheDir?: string;
  /** The file remembering which tests passed (the project's `.sparkify/unit-test-results.json`); none: every test runs. */
  resultsFile?: string;
  /** Told about a slow step (the first pristine database on this machine). */
  notice?: (message: string) => void;
}

/** How the database was started: a copy of the cached pristine directory, or a fresh initdb. */
export type EngineStart = PristineStart;

/** A few MB are plenty for fixture rows; PostgreSQL's default 128 MB would sit in this process's memory. */
const SETTINGS = ['shared_buffers = 16MB'];

/** Lazily started, serialised access to the throwaway database; close() when the run ends. */
export class UnitTestEngine {
  /** Tests that passed with the same statements, on the same PGlite and sparkify. */
  readonly results: UnitTestResults;
  private db?: Promise<{ db: PGlite; from: EngineStart; folder: string }>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: UnitTestEngineOptions = {}) {
    this.results = new UnitTestResults(options.resultsFile);
  }

  /** Runs `work` once every earlier piece of work has finished. */
  exclusive<T>(work: (db: UnitTestDatabase) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const { db } = await this.start();
      return work({ query: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the database if needed and tells how it was started. */
  async started(): Promise<EngineStart> {
    return (await this.start()).from;
  }

  /** Whether the database was started in this run. */
  get wasStarted(): boolean {
    return this.db !== undefined;
  }

  /** Stops the database if it was started and removes its folder; saves the results; safe to call twice. */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    this.results.save();
    if (!db) return;
    const started = await db.catch(() => undefined);
    if (!started) return;
    const { db: pglite, folder } = started;
    try {
      await pglite.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  private start(): Promise<{ db: PGlite; from: EngineStart; folder: string }> {
    this.db ??= (async () => {
      const { PGlite: Engine } = await import('@electric-sql/pglite');
      this.options.notice?.('Starting the unit-test database (a copy of the pristine PGlite)');
      const folder = await mkdtemp(join(tmpdir(), 'sparkify-unit-test-'));
      const dataDir = join(folder, 'pgdata');
      try {
        const from = await copyPristineOr(dataDir, this.options);
        const db = new Engine(dataDir);
        await db.waitReady;
        return { db, from, folder };
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
    })();
    return this.db;
  }
}

/** Copies the pristine database to `dataDir`; when that fails, PGlite runs its own initdb there. */
async function copyPristineOr(dataDir: string, options: UnitTestEngineOptions): Promise<EngineStart> {
  try {
    return await copyPristineDataDir(dataDir, { cacheDir: options.cacheDir, notice: options.notice, settings: SETTINGS });
  } catch (error) {
    // Silent for users: the run goes on, only slower.
    debug(`no pristine PGlite copy for unit tests (${(error as Error).message}): initdb`);
    return 'fresh';
  }
}

/** A line on stderr only with SPARKIFY_DEBUG set: dbt users do not want noise about a cache. */
function debug(message: string): void {
  if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: ${message}\n`);
}

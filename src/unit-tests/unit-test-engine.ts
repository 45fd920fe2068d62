/**
 * The database unit tests run in: one throwaway PGlite for the whole run, started when the first
 * unit test needs it and shared by all of them. It never touches the target: unit tests need no
 * warehouse. One test at a time uses it (each inside BEGIN … ROLLBACK), even with --threads.
 *
 * It is a copy of the machine's pristine PGlite data directory (an initdb in WASM takes seconds; see
 * engines/pglite/pristine-data-dir.ts) in a temporary folder, removed when the run ends or the
 * process exits (unit-test-folder.ts), run on a thread of its own (unit-test-worker.ts) so that it
 * starts beside the warehouse and the loads. On disk
 * rather than in memory: loading a data directory into PGlite's memory file system peaked at
 * ~550 MB, a copy on disk with small shared buffers at ~190 MB. A test whose statements passed
 * before is not run again (unit-test-results.ts), so a rebuild with nothing changed starts nothing.
 */
import { join } from 'node:path';
import type { PristineStart } from '../engines/pglite/pristine-data-dir.js';
import { untilStopped } from '../run/run-context.js';
import type { UnitTestPlan } from './plan-unit-test.js';
import { makeUnitTestFolder, type UnitTestFolder } from './unit-test-folder.js';
import { UnitTestResults } from './unit-test-results.js';
import { WorkerDatabase } from './worker-database.js';

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
  private db?: Promise<{ db: WorkerDatabase; folder: UnitTestFolder }>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: UnitTestEngineOptions = {}) {
    this.results = new UnitTestResults(options.resultsFile);
  }

  /** Starts the database now, on its own thread, while the caller goes on (opening the warehouse, loading). */
  prepare(): void {
    if (this.db) return;
    this.start().catch(() => undefined); // a failure is reported by the first test that needs it
  }

  /**
   * Runs `work` once every earlier piece of work has finished. A stopped run (`signal` aborted) does
   * not wait for the database to finish starting: RunCancelled at once.
   */
  exclusive<T>(work: (db: UnitTestDatabase) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const run = untilStopped(this.queue, signal).then(async () => {
      const { db } = await untilStopped(this.start(), signal);
      return work({ query: (sql) => db.query(sql) });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the database if needed and tells how it was started. */
  async started(): Promise<EngineStart> {
    return (await this.start()).db.from;
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
    try {
      await started.db.close();
    } finally {
      started.folder.remove();
    }
  }

  private start(): Promise<{ db: WorkerDatabase; folder: UnitTestFolder }> {
    this.db ??= (async () => {
      this.options.notice?.('Starting the unit-test database (a copy of the pristine PGlite)');
      const folder = makeUnitTestFolder();
      try {
        const setup = { dataDir: join(folder.path, 'pgdata'), cacheDir: this.options.cacheDir, settings: SETTINGS };
        return { db: await WorkerDatabase.start(setup, this.options.notice), folder };
      } catch (error) {
        folder.remove();
        throw error;
      }
    })();
    return this.db;
  }
}

/** Whether any of `plans` is a unit test that must run (it did not pass before with the same statements). */
export function needsDatabase(plans: readonly { unitTest?: UnitTestPlan }[], engine: UnitTestEngine): boolean {
  return plans.some((plan) => plan.unitTest !== undefined && !engine.results.hasPassed(plan.unitTest));
}

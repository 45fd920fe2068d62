/** The embedded PGlite warehouse (Postgres in WASM): the default target, zero set-up. */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { PostgresDialect } from '../postgres-family/postgres-dialect.js';
import { POSTGRES_FAMILY } from '../postgres-family/family-capabilities.js';
import { sqlQuoting } from '../../sql/quote.js';
import type { Engine, EngineCapabilities } from '../engine.js';
import { DataDirLock } from './data-dir-lock.js';
import { postgresCatalogSql } from '../postgres-family/docs-catalog-sql.js';
import { pgliteOutput } from './pglite-profile.js';
import { readPgliteTarget, type PgliteTarget } from './pglite-target.js';

const capabilities: EngineCapabilities = {
  ...POSTGRES_FAMILY,
  // One in-process connection: nodes build one at a time.
  multipleConnections: false,
  sourceLoad: 'client',
  copyInProcess: true,
  seedLoad: 'copy',
  // PGlite is a PostgreSQL: a package's postgres__x runs on it.
  macroFallbacks: ['pglite', 'postgres', 'default'],
  embeddedDataDir: true,
  // open() takes the data directory's lock: one process at a time, whatever it runs.
  buildLock: 'data-dir-lock',
};

/** PGlite on an on-disk data directory (in-memory PGlite slows COPY down quadratically). */
export const pgliteEngine: Engine<PgliteTarget> = {
  type: 'pglite',
  dbtAdapterType: 'postgres',
  capabilities,
  quoting: sqlQuoting(capabilities),
  docsCatalog: postgresCatalogSql,
  targetKeys: ['path'],
  readTarget: readPgliteTarget,
  readProfileOutput: pgliteOutput,
  async createAdapter(root, target) {
    const { PgliteAdapter } = await import('./pglite-adapter.js');
    return new PgliteAdapter(resolve(root, target.path), target.path);
  },
  // PGlite's COPY reads the loader's chunks from its virtual /dev/blob file.
  dialect: () => new PostgresDialect('pglite', "'/dev/blob'"),
  async acquireBuildLock() {
    return async () => undefined; // held since open(): see capabilities.buildLock
  },
  secrets: () => [],
  database: () => null,
  // PGlite's one database and user are both `postgres`.
  templateFields: () => ({ database: 'postgres', user: 'postgres' }),
  describe: (target, user) => `${user ? `${user}@` : ''}${target.path} (embedded PGlite)`,
  dataDir: (target) => target.path,
  removeWarehouse(root, target) {
    const dataDir = resolve(root, target.path);
    const lock = new DataDirLock(`${dataDir}.lock`, target.path);
    lock.acquire(); // never delete a warehouse another process has open
    try {
      rmSync(dataDir, { recursive: true, force: true });
    } finally {
      lock.release();
    }
  },
};

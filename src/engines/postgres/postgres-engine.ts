/** A PostgreSQL server, through knex's `pg` client and pg-copy-streams. */
import { sqlQuoting } from '../../sql/quote.js';
import type { Engine, EngineCapabilities } from '../engine.js';
import { POSTGRES_FAMILY } from '../postgres-family/family-capabilities.js';
import { PostgresDialect } from '../postgres-family/postgres-dialect.js';
import { SERVER_KEYS, serverSecrets } from '../server-fields.js';
import { acquirePostgresBuildLock } from './build-lock.js';
import { postgresCatalogSql } from '../postgres-family/docs-catalog-sql.js';
import { endpointOf, formatEndpoint, urlDatabase, urlUser } from './connection-settings.js';
import { postgresOutput } from './postgres-profile.js';
import { readPostgresTarget, urlPasswords, type PostgresTarget } from './postgres-target.js';

const capabilities: EngineCapabilities = {
  ...POSTGRES_FAMILY,
  multipleConnections: true,
  sourceLoad: 'client',
  seedLoad: 'copy',
  macroFallbacks: ['postgres', 'default'],
  copyInProcess: false,
  embeddedDataDir: false,
  // A session-level advisory lock on a connection of its own (build-lock.ts).
  buildLock: 'advisory-lock',
};

/** PostgreSQL: `--threads` nodes at once, sources through COPY … FROM STDIN. */
export const postgresEngine: Engine<PostgresTarget> = {
  type: 'postgres',
  dbtAdapterType: 'postgres',
  capabilities,
  quoting: sqlQuoting(capabilities),
  docsCatalog: postgresCatalogSql,
  targetKeys: ['url', ...SERVER_KEYS],
  readTarget: readPostgresTarget,
  readProfileOutput: postgresOutput,
  async createAdapter(_root, target) {
    const { PostgresAdapter } = await import('./postgres-adapter.js');
    return new PostgresAdapter(target);
  },
  dialect: () => new PostgresDialect('postgres', 'STDIN'),
  acquireBuildLock: (_adapter, target, projectName) => acquirePostgresBuildLock(target, projectName),
  secrets: (target) => [...serverSecrets(target), ...(target.url ? urlPasswords(target.url) : [])],
  database: (target) => target.database ?? (target.url !== undefined ? urlDatabase(target.url) : undefined) ?? null,
  templateFields(target) {
    const endpoint = endpointOf(target);
    const user = target.user ?? (target.url !== undefined ? urlUser(target.url) : undefined) ?? null;
    return { database: postgresEngine.database(target), user, host: endpoint.host, port: endpoint.port };
  },
  describe(target, user) {
    const who = user ?? (target.url !== undefined ? urlUser(target.url) : undefined) ?? target.user ?? process.env.PGUSER;
    return `${who ? `${who}@` : ''}${formatEndpoint(endpointOf(target))}`;
  },
};

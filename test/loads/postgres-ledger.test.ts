import { after, before, describe } from 'node:test';
import { sparkify } from '../e2e/helpers.js';
import { serverTables } from '../postgres/helpers.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { ledgerScenarios } from './ledger-scenarios.js';
import type { Engine } from './scenarios.js';

// The same scenarios on a real PostgreSQL: each project copy builds into a database of its own.
describe('load ledger on PostgreSQL (issue 12)', () => {
  let server: PostgresServer;
  const databases = new Map<string, string>();
  const databaseOf = async (dir: string): Promise<string> => {
    if (!databases.has(dir)) {
      const name = `ledger_${databases.size}`;
      await server.query(`create database ${name}`, 'postgres');
      databases.set(dir, name);
    }
    return databases.get(dir)!;
  };
  const engine: Engine = {
    build: async (dir, args = []) => sparkify(dir, ['build', '--target', 'pg', ...args], { SPARKIFY_PG_URL: server.url(await databaseOf(dir)) }),
    cli: async (dir) => ({ args: ['--target', 'pg'], env: { SPARKIFY_PG_URL: server.url(await databaseOf(dir)) } }),
    tables: async (dir) => serverTables(scoped(server, await databaseOf(dir))),
    query: async (dir, sql) => server.query(sql, await databaseOf(dir)),
    ledger: async (dir) => server.query('select file_key, load_id, rows_loaded from public.staging_events__sparkify_ledger order by file_key', await databaseOf(dir)),
  };
  before(async () => {
    server = await startPostgresServer();
  });
  after(() => server?.stop());
  ledgerScenarios(() => engine);
});

/** The server, its queries run on `database`. */
function scoped(server: PostgresServer, database: string): PostgresServer {
  return { ...server, query: (sql, on = database) => server.query(sql, on) } as PostgresServer;
}

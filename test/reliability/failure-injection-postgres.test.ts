import pg from 'pg';
import { PostgresAdapter } from '../../src/engines/postgres/postgres-adapter.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { digestSql, failureInjectionSuite } from './failure-injection-suite.js';

// A native PostgreSQL server started for this file; a separate pg client reads during each build.
let server: PostgresServer | undefined;

failureInjectionSuite({
  name: 'PostgreSQL',
  copySource: 'STDIN',
  open: async () => {
    server = await startPostgresServer();
    const adapter = new PostgresAdapter({
      name: 'pg', type: 'postgres', schema: 'public', threads: 2, position: { file: 'project.yml', line: 1 }, url: server.url(),
    });
    await adapter.open();
    return adapter;
  },
  reader: async () => {
    const client = new pg.Client({ connectionString: server!.url() });
    await client.connect();
    return {
      digest: async (relation, rows) => (await client.query<{ digest: string }>(digestSql(relation, rows))).rows[0].digest,
      close: () => client.end(),
    };
  },
  dispose: async () => server?.stop(),
});

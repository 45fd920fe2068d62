import { PostgresAdapter } from '../../src/engines/postgres/postgres-adapter.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { snapshotSuite } from './snapshot-suite.js';

// A native PostgreSQL server started for this file (test/support/postgres-server.ts).
let server: PostgresServer | undefined;

snapshotSuite({
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
  dispose: async () => server?.stop(),
});

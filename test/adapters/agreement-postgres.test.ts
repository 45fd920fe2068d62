import { PostgresAdapter } from '../../src/engines/postgres/postgres-adapter.js';
import type { Adapter } from '../../src/engines/adapter.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { agreementSuite } from './agreement-suite.js';

// A native PostgreSQL server started for this file (test/support/postgres-server.ts).
let server: PostgresServer | undefined;

async function connect(url: string): Promise<Adapter> {
  const adapter = new PostgresAdapter({ name: 'pg', type: 'postgres', schema: 'public', threads: 2, position: { file: 'project.yml', line: 1 }, url });
  await adapter.open();
  return adapter;
}

agreementSuite({
  name: 'PostgreSQL',
  copySource: 'STDIN',
  open: async () => {
    server = await startPostgresServer();
    return connect(server.url());
  },
  openAs: (user, password) => connect(`postgres://${user}:${password}@${server!.host}:${server!.port}/${server!.database}`),
  dispose: async () => server?.stop(),
});

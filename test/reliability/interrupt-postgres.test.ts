import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { digestSql, interruptSuite, SIDE_RELATIONS_SQL, TABLES } from './interrupt-suite.js';

// A real PostgreSQL server: the running statements are cancelled with pg_cancel_backend.
let server: PostgresServer;

interruptSuite({
  name: 'PostgreSQL',
  args: ['--target', 'pg', '--threads', '4'],
  env: () => ({ SPARKIFY_PG_URL: server.url() }),
  setUp: async () => {
    server = await startPostgresServer();
  },
  tearDown: async () => server?.stop(),
  digests: async () => {
    const digests: Record<string, string> = {};
    for (const table of TABLES) {
      digests[table] = await server.query<{ digest: string }>(digestSql(table)).then((rows) => rows[0].digest, () => 'absent');
    }
    return digests;
  },
  execute: async (_dir, sql) => void (await server.query(sql)),
  stubbornSeconds: 8,
  blockedFraction: 0,
  stubbornRunning: async () => {
    for (let i = 0; i < 300; i++) {
      const rows = await server.query("select 1 from pg_stat_activity where state = 'active' and query like '%sparkify_test_stubborn(%' and pid <> pg_backend_pid()");
      if (rows.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the stubborn statement never started');
  },
  // The forced exit left its backend sleeping: the server ends it once the function returns.
  settle: async () => {
    for (let i = 0; i < 150; i++) {
      const busy = await server.query("select 1 from pg_stat_activity where application_name like 'sparkify%' and state = 'active'");
      if (busy.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  },
  leftovers: async () => {
    const side = (await server.query<{ relname: string }>(SIDE_RELATIONS_SQL)).map((r) => r.relname);
    const locks = (await server.query<{ n: string }>("select count(*) as n from pg_locks where locktype = 'advisory'"))[0].n;
    // The server ends a session some moments after its client went away.
    const sessions = await server.query<{ application_name: string }>(
      "select application_name from pg_stat_activity where application_name like 'sparkify%' and state <> 'idle'");
    return [...side, ...(locks === '0' ? [] : [`${locks} advisory lock(s)`]), ...sessions.map((s) => `session ${s.application_name}`)];
  },
});

import type { PostgresTarget } from '../../src/engines/postgres/postgres-target.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PostgresAdapter } from '../../src/engines/postgres/postgres-adapter.js';
import { SparkifyError } from '../../src/diagnostics.js';
import { freeLoopbackPort } from '../support/free-port.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';

const PLANTED = 's3cr3t-planted';

// Connecting: url or separate fields; each way of failing is a SPK41x naming the target and
// host:port/database, with a hint, and without the password.
describe('connecting to PostgreSQL', () => {
  let server: PostgresServer;
  before(async () => {
    server = await startPostgresServer();
  });
  after(() => server?.stop());

  const target = (fields: Partial<PostgresTarget>): PostgresTarget => ({
    name: 'pg', type: 'postgres', schema: 'public', threads: 1, position: { file: 'project.yml', line: 21 }, ...fields,
  });

  const openFails = async (fields: Partial<PostgresTarget>): Promise<SparkifyError> => {
    const adapter = new PostgresAdapter(target(fields));
    try {
      await adapter.open();
    } catch (error) {
      assert.ok(error instanceof SparkifyError, `a SparkifyError, got ${error}`);
      assert.equal(error.message.includes(PLANTED), false, 'no password in the message');
      assert.equal(JSON.stringify(error.diagnostics).includes(PLANTED), false, 'no password in the diagnostics');
      return error;
    } finally {
      await adapter.close();
    }
    assert.fail('expected open() to fail');
  };

  test('connects with host/port/database/user/password as well as with a url', async () => {
    const adapter = new PostgresAdapter(target({
      host: server.host, port: server.port, database: server.database, user: server.user, password: server.password,
    }));
    await adapter.open();
    const rows = await adapter.withSession(async (s) => (await s.execute('SELECT current_database() AS db')).rows);
    await adapter.close();
    await adapter.close();
    assert.deepEqual(rows, [{ db: server.database }]);
  });

  test('refused: SPK410 with host:port/database and a hint', async () => {
    const port = await freeLoopbackPort();
    const error = await openFails({ url: `postgres://postgres:${PLANTED}@127.0.0.1:${port}/sparkify` });
    assert.equal(error.diagnostics[0].code, 'SPK410');
    assert.match(error.message, new RegExp(`target 'pg' \\(postgres at 127\\.0\\.0\\.1:${port}/sparkify\\): the server cannot be reached`));
    assert.match(error.message, /project\.yml:21/);
    assert.match(error.diagnostics[0].hint!, /SPARKIFY_PG_URL/);
  });

  test('wrong password: SPK411', async () => {
    const error = await openFails({ url: server.url().replace(server.password, PLANTED) });
    assert.equal(error.diagnostics[0].code, 'SPK411');
    assert.match(error.message, /authentication failed.*password authentication failed for user "postgres"/);
  });

  test('wrong password in the separate fields: SPK411', async () => {
    const error = await openFails({ host: server.host, port: server.port, database: server.database, user: 'postgres', password: PLANTED });
    assert.equal(error.diagnostics[0].code, 'SPK411');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${server.port}/${server.database}`));
  });

  test('unknown database: SPK412 naming the database', async () => {
    const error = await openFails({ url: server.url('no_such_db') });
    assert.equal(error.diagnostics[0].code, 'SPK412');
    assert.match(error.message, new RegExp(`:${server.port}/no_such_db\\): the database does not exist`));
    assert.equal(error.message.includes(server.password), false);
  });

  test('TLS asked of a server without it: SPK413', async () => {
    const error = await openFails({ url: server.url(), ssl: true });
    assert.equal(error.diagnostics[0].code, 'SPK413');
    assert.match(error.message, /does not support SSL/);
  });
});

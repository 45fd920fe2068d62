import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';

// The harness itself: a real server that answers, runs as a non-root user, and leaves nothing behind.
describe('the PostgreSQL test server', () => {
  let server: PostgresServer;
  before(async () => {
    server = await startPostgresServer();
  });
  after(() => server?.stop());

  test('answers on the loopback port with the test database', async () => {
    const [row] = await server.query<{ db: string; version: string }>('select current_database() as db, version() as version');
    assert.equal(row.db, 'sparkify_test');
    assert.match(row.version, /^PostgreSQL \d+/);
  });

  test('starts a second server beside the first and removes its folder when stopped', async () => {
    const second = await startPostgresServer('other');
    assert.notEqual(second.port, server.port);
    const [row] = await second.query<{ db: string; dir: string }>("select current_database() as db, current_setting('data_directory') as dir");
    assert.equal(row.db, 'other');
    assert.ok(existsSync(row.dir));
    await second.stop();
    await second.stop();
    assert.equal(existsSync(row.dir), false);
  });
});

/**
 * Issue 8: Redshift gets a build lock too. Its SQL is golden-checked against AWS's documentation,
 * and the same statements run on a real PostgreSQL (which has LOCK and statement_timeout as well),
 * so the mechanism — the second build waits a few seconds, then stops naming the lock — is shown
 * working, not only printed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { acquireTableLock, holderQuery, LOCK_WAIT_MS, lockStatements, lockTable } from '../../src/engines/redshift/build-lock.js';
import { assertGolden } from '../golden.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';

test('the lock statements, as AWS documents LOCK, statement_timeout and STV_LOCKS', () => {
  // https://docs.aws.amazon.com/redshift/latest/dg/r_LOCK.html ("LOCK [ TABLE ] table_name"; held until the
  //   transaction commits or rolls back; no NOWAIT),
  // https://docs.aws.amazon.com/redshift/latest/dg/r_statement_timeout.html ("SET statement_timeout TO ms"),
  // https://docs.aws.amazon.com/redshift/latest/dg/r_STV_LOCKS.html (table_id, lock_owner_pid),
  // https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_NEW.html (IF NOT EXISTS).
  const table = lockTable('public', 'sparkify');
  assertGolden('redshift/build-lock.sql', [...lockStatements(table), holderQuery(table)].map((s) => `${s};\n`).join('\n'));
});

describe('the table lock on a real server', () => {
  let server: PostgresServer;
  const target = () => ({ name: 'prod', schema: 'public', connection: { connectionString: server.url() } });

  before(async () => {
    server = await startPostgresServer();
  });
  after(async () => {
    await server?.stop();
  });

  test('a second build waits, then stops with SPK404; once released the lock is free again', async () => {
    const release = await acquireTableLock(target(), 'sparkify');
    const started = Date.now();
    const refused = await acquireTableLock(target(), 'sparkify').then(() => undefined, (error: unknown) => error);
    assert.ok(refused instanceof SparkifyError, `expected SPK404, got ${String(refused)}`);
    assert.equal(refused.diagnostics[0].code, 'SPK404');
    assert.match(refused.diagnostics[0].message, /a build is already running on target prod/);
    assert.ok(Date.now() - started >= LOCK_WAIT_MS - 500, 'it waited for the lock first');
    // Another project on the same schema has a lock of its own.
    await (await acquireTableLock(target(), 'other'))();
    await release();
    await (await acquireTableLock(target(), 'sparkify'))();
  });

  test('a build process that dies releases its lock with its session', async () => {
    await acquireTableLock(target(), 'sparkify');
    await server.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name like 'sparkify build%'`);
    await (await acquireTableLock(target(), 'sparkify'))();
  });
});

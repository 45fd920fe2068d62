/**
 * Issue 14, connections: no password and none in PGPASSWORD or ~/.pgpass is an immediate SPK415
 * (not a 60 s hang and a SASL message); trust authentication needs none; socket URLs
 * (percent-encoded host, `?host=`) connect; a bad port is named as one; a server that never answers
 * fails after the target's connect_timeout.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { PostgresAdapter } from '../../src/engines/postgres/postgres-adapter.js';
import type { PostgresTarget } from '../../src/engines/postgres/postgres-target.js';
import { copyProject, sparkify } from '../e2e/helpers.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { tempDir } from '../support/temp-dir.js';

const target = (fields: Partial<PostgresTarget>): PostgresTarget => ({
  name: 'pg', type: 'postgres', schema: 'public', threads: 1, position: { file: 'project.yml', line: 21 }, ...fields,
});

/** The current database through `fields`, or the error opening it gave. */
async function currentDatabase(fields: Partial<PostgresTarget>): Promise<string | SparkifyError> {
  const adapter = new PostgresAdapter(target(fields));
  try {
    await adapter.open();
    const rows = await adapter.withSession(async (s) => (await s.execute('SELECT current_database() AS db')).rows);
    return String(rows[0].db);
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  } finally {
    await adapter.close();
  }
}

/** Runs `body` with env variables set (undefined removes one), restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  };
  apply(vars);
  try {
    return await body();
  } finally {
    apply(saved);
  }
}

const NO_PASSWORD_ENV = { PGPASSWORD: undefined, PGPASSFILE: '/nonexistent/pgpass' };

describe('connecting with password authentication (SCRAM), over TCP and a socket', () => {
  let server: PostgresServer;
  let scratch: string;
  before(async () => {
    server = await startPostgresServer('sparkify_test', { socket: 'password' });
    scratch = tempDir('sparkify-pgpass-');
  });
  after(async () => {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('no password anywhere: SPK415 at once, naming the user and where a password can go', async () => {
    const started = Date.now();
    const result = await withEnv(NO_PASSWORD_ENV, () => currentDatabase({ url: `postgres://postgres@127.0.0.1:${server.port}/${server.database}` }));
    assert.ok(result instanceof SparkifyError, `an error, got ${result}`);
    assert.equal(result.diagnostics[0].code, 'SPK415');
    assert.match(result.message, /project\.yml:21.*asks for a password for user 'postgres'.*target 'pg' gives none/);
    assert.match(result.diagnostics[0].hint!, /PGPASSWORD.*~\/\.pgpass/);
    assert.ok(Date.now() - started < 5_000, `failed after ${Date.now() - started} ms`);
  });

  test('no password in host/user fields: SPK415 too', async () => {
    const result = await withEnv(NO_PASSWORD_ENV, () => currentDatabase({ host: server.host, port: server.port, database: server.database, user: 'postgres' }));
    assert.ok(result instanceof SparkifyError);
    assert.equal(result.diagnostics[0].code, 'SPK415');
    assert.match(result.diagnostics[0].hint!, /`password:`/);
  });

  test('the password from PGPASSWORD, then from the password file', async () => {
    const url = `postgres://postgres@127.0.0.1:${server.port}/${server.database}`;
    assert.equal(await withEnv({ PGPASSWORD: server.password }, () => currentDatabase({ url })), server.database);
    const file = join(scratch, 'pgpass');
    writeFileSync(file, `127.0.0.1:${server.port}:*:postgres:${server.password}\n`, { mode: 0o600 });
    assert.equal(await withEnv({ PGPASSWORD: undefined, PGPASSFILE: file }, () => currentDatabase({ url })), server.database);
  });

  test('a socket URL: the folder as a percent-encoded host, or as ?host=', async () => {
    const dir = server.socketDir!;
    const password = encodeURIComponent(server.password);
    const encoded = `postgres://postgres:${password}@${encodeURIComponent(dir)}:${server.port}/${server.database}`;
    assert.equal(await currentDatabase({ url: encoded }), server.database);
    const query = `postgres://postgres:${password}@/${server.database}?host=${dir}&port=${server.port}`;
    assert.equal(await currentDatabase({ url: query }), server.database);
  });
});

describe('connecting with trust authentication on the socket', () => {
  let server: PostgresServer;
  before(async () => {
    server = await startPostgresServer('sparkify_test', { socket: 'trust' });
  });
  after(() => server?.stop());

  test('no password is asked for, so none is needed', async () => {
    const url = `postgres://postgres@${encodeURIComponent(server.socketDir!)}:${server.port}/${server.database}`;
    assert.equal(await withEnv(NO_PASSWORD_ENV, () => currentDatabase({ url })), server.database);
  });
});

describe('connect_timeout', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  before(async () => {
    // Accepts connections and never answers, as a firewall that drops packets looks to a client.
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  after(() => {
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  test('a server that never answers fails after the target\'s connect_timeout, as unreachable', async () => {
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const result = await currentDatabase({ url: `postgres://me:pw@127.0.0.1:${port}/db`, connectTimeout: 1 });
    const took = Date.now() - started;
    assert.ok(result instanceof SparkifyError, `an error, got ${result}`);
    assert.equal(result.diagnostics[0].code, 'SPK410');
    assert.ok(took >= 900 && took < 5_000, `failed after ${took} ms`);
  });
});

describe('a bad port in the URL', () => {
  test('is named as a port, not as a bad URL, and the password is not printed', () => {
    const dir = copyProject();
    for (const [url, expected] of [
      ['postgres://me:pw-Hidden9@127.0.0.1:99999/db', /names port 99999, which is not a port number \(1 to 65535\)/],
      ['postgres://me:pw-Hidden9@127.0.0.1:54x2/db', /has a port that is not a number \(1 to 65535\)/],
    ] as const) {
      const result = sparkify(dir, ['compile', '--target', 'pg'], { SPARKIFY_PG_URL: url });
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, expected);
      assert.doesNotMatch(result.stdout + result.stderr, /Hidden9|not a postgres/);
    }
  });
});

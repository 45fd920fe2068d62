import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { acquirePostgresBuildLock, buildLockKey } from '../../src/engines/postgres/build-lock.js';
import { copyProject, REPO_ROOT, sparkify, withWarehouse } from '../e2e/helpers.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { startCli } from '../support/spawn-cli.js';
import { liteTables, serverTables } from './helpers.js';
import { tempDir } from '../support/temp-dir.js';

// Issue 4: two builds at once on one PostgreSQL target — the second stops on the advisory lock.
describe('the build lock on PostgreSQL', () => {
  let server: PostgresServer;
  let dir: string;
  let data: string;
  let vars: string;
  const env = () => ({ SPARKIFY_PG_URL: server.url() });
  const args = () => ['build', '--target', 'pg', '--vars', vars];
  const locked = /a build is already running on target pg \(pid (\d+)/;

  before(async () => {
    server = await startPostgresServer();
    dir = copyProject({ withData: false });
    data = tempDir('sparkify-lock-data-');
    // Larger than the sample, so the first build is still running when the second asks for the lock.
    const gen = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/scripts/generate-data.js'), '--scale', '20', '--out', data], { encoding: 'utf8' });
    assert.equal(gen.status, 0, gen.stderr);
    vars = JSON.stringify({ data_root: data });
  });
  after(async () => {
    await server?.stop();
    if (data) rmSync(data, { recursive: true, force: true });
  });

  test('the key depends on the project and the schema only', () => {
    assert.equal(buildLockKey('sparkify', 'public'), buildLockKey('sparkify', 'public'));
    assert.notEqual(buildLockKey('sparkify', 'public'), buildLockKey('sparkify', 'analytics'));
    assert.notEqual(buildLockKey('sparkify', 'public'), buildLockKey('other', 'public'));
  });

  test('a build while the lock is held stops with the holder\'s pid and a hint to wait', async () => {
    const target = { name: 'pg', type: 'postgres' as const, schema: 'public', threads: 1, position: { file: 'project.yml', line: 1 }, url: server.url() };
    const release = await acquirePostgresBuildLock(target, 'sparkify');
    try {
      const [holder] = await server.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = 'sparkify build (pid ${process.pid})'`);
      const result = sparkify(dir, args(), env());
      assert.notEqual(result.code, 0);
      const output = result.stdout + result.stderr;
      assert.match(output, locked, output);
      assert.equal(Number(locked.exec(output)![1]), holder.pid);
      assert.match(output, /SPK404/);
      assert.match(output, /wait for that build to finish/);
      assert.doesNotMatch(output, /OK loaded source/);
    } finally {
      await release();
    }
    assert.deepEqual(await server.query(`select 1 from pg_locks where locktype = 'advisory'`), [], 'released');
  });

  test('two builds started at once: exactly one succeeds, the other names the running one', async () => {
    const first = startCli(dir, args(), env());
    const second = startCli(dir, args(), env());
    const results = await Promise.all([first.done, second.done]);
    const winners = results.filter((r) => r.code === 0);
    const losers = results.filter((r) => r.code !== 0);
    assert.equal(winners.length, 1, results.map((r) => r.stdout + r.stderr).join('\n----\n'));
    assert.equal(losers.length, 1);
    assert.match(losers[0].stdout + losers[0].stderr, locked);
    assert.match(winners[0].stdout, /Done\. PASS=\d+ WARN=0 ERROR=0 SKIP=0/);
    assert.deepEqual(await server.query(`select 1 from pg_locks where locktype = 'advisory'`), [], 'the winner released the lock');
  });

  test('the tables are right afterwards: equal to a clean PGlite build of the same data', async () => {
    const reference = sparkify(dir, ['build', '--vars', vars]);
    assert.equal(reference.code, 0, reference.stderr);
    const lite = await withWarehouse(dir, liteTables);
    assert.deepEqual(await serverTables(server), lite);
  });
});

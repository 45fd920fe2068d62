import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyProject, SHARED_DATA, sparkify } from '../e2e/helpers.js';
import { freeLoopbackPort } from '../support/free-port.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { rowsSql } from './helpers.js';
import { skipWithoutSharedData } from '../support/shared-data.js';
/** Skipped, with what is missing, on a clone without ../shared/sparkify-data; an error in CI. */
const NO_SAMPLE = skipWithoutSharedData();

const PLANTED = 's3cr3t-planted';
const BAD_FILE = 'shared-data/log_data/2018/11/2018-11-02-events.json';

// What a user sees when a PostgreSQL build goes wrong: a bad record, an unreachable server.
describe('sparkify build --target pg when something is wrong', { skip: NO_SAMPLE }, () => {
  let server: PostgresServer;
  let dir: string;
  const vars = () => JSON.stringify({ data_root: join(dir, 'shared-data') });
  const build = (url: string) => sparkify(dir, ['build', '--target', 'pg', '--vars', vars()], { SPARKIFY_PG_URL: url });

  before(async () => {
    server = await startPostgresServer();
    dir = copyProject({ withData: false });
    // dereference: ../shared/sparkify-data may be a link (the skip message suggests one); copying the link would edit the real sample.
    cpSync(SHARED_DATA, join(dir, 'shared-data'), { recursive: true, dereference: true });
    const first = build(server.url());
    assert.equal(first.code, 0, first.stderr + first.stdout);
  });
  after(() => server?.stop());

  test('a malformed record fails the load with path:line:column and leaves the staging table as it was', async () => {
    const before = await server.query(rowsSql('staging_events'));
    const file = join(dir, BAD_FILE);
    chmodSync(file, 0o644); // shared/ is copied without write bits
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2].replace('"auth":', '"auth"');
    writeFileSync(file, lines.join('\n'));
    const result = build(server.url());
    assert.equal(result.code, 1, result.stderr + result.stdout);
    assert.match(result.stderr, new RegExp(`${BAD_FILE.replace(/\//g, '\\/')}:3:\\d+: malformed JSON`));
    assert.match(result.stdout, /ERROR building source sparkify\.staging_events/);
    assert.match(result.stdout, /SKIP/);
    assert.deepEqual(await server.query(rowsSql('staging_events')), before);
    // Side relations of a run (the ledger and consumed-loads tables are sparkify's own and stay).
    const leftovers = await server.query("select relname from pg_class where relname ~ '__sparkify_(new|old)_'");
    assert.deepEqual(leftovers, [], 'the half-loaded table was rolled back');
  });

  test('an unreachable server: SPK410 naming target and address, without the password', async () => {
    const port = await freeLoopbackPort();
    const result = build(`postgres://postgres:${PLANTED}@127.0.0.1:${port}/sparkify`);
    assert.equal(result.code, 2, result.stderr + result.stdout);
    assert.match(result.stderr, new RegExp(`cannot connect to target 'pg' \\(postgres at 127\\.0\\.0\\.1:${port}/sparkify\\): the server cannot be reached`));
    assert.match(result.stderr, /\[SPK410\]\n\s+hint: start the server/);
    assert.doesNotMatch(result.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
    assertNowhere(PLANTED, result);
  });

  test('a wrong password: SPK411, and the password is printed nowhere', async () => {
    const result = build(server.url().replace(server.password, PLANTED));
    assert.equal(result.code, 2, result.stderr + result.stdout);
    assert.match(result.stderr, /authentication failed[\s\S]*\[SPK411\]/);
    assertNowhere(PLANTED, result);
  });

  function assertNowhere(secret: string, result: { stdout: string; stderr: string }): void {
    assert.equal(result.stdout.includes(secret), false, 'stdout');
    assert.equal(result.stderr.includes(secret), false, 'stderr');
    assert.ok(existsSync(join(dir, 'target')));
    for (const file of filesUnder(join(dir, 'target'))) assert.equal(readFileSync(file, 'utf8').includes(secret), false, file);
  }
});

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * `sparkify debug` through the real CLI (issue 3): one line per check, OK or FAIL with what to fix,
 * credentials masked, exit 0 only when nothing failed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { editFile, REPO_ROOT, sparkify, type CliResult } from '../e2e/helpers.js';
import { s3ProjectCopy } from '../s3/s3-project.js';
import { freeLoopbackPort } from '../support/free-port.js';
import { startS3Server, TEST_SECRET, testAwsEnv, type LocalS3 } from '../support/s3-server.js';

/** The status and name of each check line, e.g. `OK source sparkify.staging_songs`. */
function checks(result: CliResult): string[] {
  return [...result.stdout.matchAll(/^(OK|FAIL|SKIP) +([^:\n]+):/gm)].map(([, status, name]) => `${status} ${name}`);
}

function assertClean(result: CliResult): void {
  assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
  assert.notEqual(result.code, 2, result.stderr);
}

describe('sparkify debug on the embedded warehouse', () => {
  let s3: LocalS3;
  let dir: string;

  before(async () => {
    s3 = await startS3Server();
    await s3.createBucket('sparkify');
    await s3.uploadFolder('sparkify', join(REPO_ROOT, 'data'));
    dir = s3ProjectCopy(s3.endpoint);
  });
  after(async () => s3?.stop());

  test('all checks pass on the repo project: exit 0, one OK line per check', () => {
    const result = sparkify(dir, ['debug']);
    assertClean(result);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(checks(result), ['OK project files', 'OK models', 'OK connection', 'OK source sparkify.staging_events', 'OK source sparkify.staging_songs',
      'OK ledger sparkify.staging_events', 'OK ledger sparkify.staging_songs']);
    // Nothing built yet: no ledger, the next build loads every file (issue 12).
    assert.match(result.stdout, /^OK +ledger sparkify\.staging_events: no load ledger yet: the next build loads all 30 files$/m);
    assert.match(result.stdout, /^OK +connection: postgres@\.sparkify\/dev \(embedded PGlite\), PostgreSQL [\d.]+.*; postgres can create in schema public$/m);
    assert.match(result.stdout, /^OK +source sparkify\.staging_events: data\/log_data holds 30 files; JSONPaths file data\/log_json_path\.json maps 18 columns$/m);
    assert.match(result.stdout, /^All 7 checks passed\.$/m);
  });

  test('a missing data folder fails its sources with the fix: exit 1', () => {
    const result = sparkify(dir, ['debug', '--vars', '{"data_root": "missing"}']);
    assertClean(result);
    assert.equal(result.code, 1);
    assert.deepEqual(checks(result), ['OK project files', 'OK models', 'OK connection', 'FAIL source sparkify.staging_events', 'FAIL source sparkify.staging_songs',
      'OK ledger sparkify.staging_events', 'OK ledger sparkify.staging_songs']);
    assert.match(result.stdout, /^OK +ledger sparkify\.staging_events: the location cannot be listed \(see the source check\)$/m);
    assert.match(result.stdout, /^ +sources\.yml:5: source table sparkify\.staging_events: location "missing\/log_data" \(.*\) does not exist \[SPK301\]\n +hint: check the location in sources\.yml/m);
    assert.match(result.stdout, /^2 of 7 checks failed\.$/m);
  });

  test('S3 prefixes are listed on the local server', () => {
    const result = sparkify(dir, ['debug', '--vars', '{"data_root": "s3://sparkify"}'], testAwsEnv());
    assertClean(result);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /^OK +source sparkify\.staging_events: s3:\/\/sparkify\/log_data lists 30 objects on its first page; JSONPaths file s3:\/\/sparkify\/log_json_path\.json maps 18 columns$/m);
    assert.match(result.stdout, /^OK +source sparkify\.staging_songs: s3:\/\/sparkify\/song_data lists 20 objects on its first page$/m);
    const missing = sparkify(dir, ['debug', '--vars', '{"data_root": "s3://sparkify/nowhere"}'], testAwsEnv());
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /^FAIL +source sparkify\.staging_events: s3:\/\/sparkify\/nowhere\/log_data cannot be loaded\n.*holds no objects .*\[SPK301\]/m);
    for (const run of [result, missing]) assert.ok(!run.stdout.includes(TEST_SECRET) && !run.stderr.includes(TEST_SECRET));
  });

  test('a warehouse in use by another process fails the connection check, with the fix', () => {
    mkdirSync(join(dir, '.sparkify'), { recursive: true });
    writeFileSync(join(dir, '.sparkify/dev.lock'), String(process.pid)); // this test process: alive
    try {
      const result = sparkify(dir, ['debug']);
      assertClean(result);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /^FAIL +connection: cannot connect to \.sparkify\/dev \(embedded PGlite\)\n +the embedded warehouse \.sparkify\/dev is in use by pid \d+ \[SPK401\]\n +hint: /m);
    } finally {
      writeFileSync(join(dir, '.sparkify/dev.lock'), '');
    }
  });

  test('a project file with an error: FAIL with file:line, the other checks not run', () => {
    const broken = s3ProjectCopy(s3.endpoint);
    editFile(broken, 'sources.yml', (text) => text.replace('jsonpaths: auto', 'jsonpaths: auto\n        maxerors: 3'));
    const result = sparkify(broken, ['debug']);
    assertClean(result);
    assert.equal(result.code, 1);
    assert.deepEqual(checks(result), ['FAIL project files', 'SKIP models, connection and sources']);
    assert.match(result.stdout, /sources\.yml:\d+:\d+: unknown key `maxerors`/);
  });
});

describe('sparkify debug on server targets', () => {
  test('PostgreSQL that does not answer: FAIL as user@host:port/db, the password never printed', async () => {
    const dir = s3ProjectCopy('http://127.0.0.1:9');
    const port = await freeLoopbackPort();
    const result = sparkify(dir, ['debug', '--target', 'pg'], { SPARKIFY_PG_URL: `postgres://alice:pw-Never-Shown@127.0.0.1:${port}/warehouse` });
    assertClean(result);
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`^FAIL +connection: cannot connect to alice@127\\.0\\.0\\.1:${port}/warehouse\\n`, 'm'));
    assert.match(result.stdout, /^OK +source sparkify\.staging_events: /m);
    assert.ok(!(result.stdout + result.stderr).includes('pw-Never-Shown'));
  });

  test('a Redshift target is reported (checked or not), never a crash, password never printed', async () => {
    const dir = s3ProjectCopy('http://127.0.0.1:9');
    const port = await freeLoopbackPort();
    editFile(dir, 'project.yml', (text) => `${text}
  rs:
    type: redshift
    host: 127.0.0.1
    port: ${port}
    database: dev
    user: awsuser
    password: Rs-Never-Shown-1
    iam_role: arn:aws:iam::123456789012:role/sparkify
    schema: public
    vars:
      data_root: data
`);
    const result = sparkify(dir, ['debug', '--target', 'rs']);
    assertClean(result);
    assert.match(result.stdout, /^(SKIP +connection: not checked: .*|FAIL +connection: cannot connect to awsuser@127\.0\.0\.1:\d+\/dev)$/m);
    assert.ok(!(result.stdout + result.stderr).includes('Rs-Never-Shown-1'));
  });
});

/**
 * What a user reads when an S3 location cannot be read (issue 3): a missing bucket, an empty
 * prefix, denied access, an unreachable endpoint, a missing JSONPaths object. Each is a
 * SparkifyError at the table in sources.yml, naming the s3:// location, with a hint.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics.js';
import { SparkifyError } from '../../src/diagnostics.js';
import { openSourceStream } from '../../src/load/index.js';
import type { LoadOptions } from '../../src/load/types.js';
import type { SourceTable } from '../../src/project/types.js';
import { REPO_ROOT } from '../e2e/helpers.js';
import { load, sourceTable } from '../load/helpers.js';
import { freeLoopbackPort } from '../support/free-port.js';
import { startDeniedServer, startS3Server, useTestAwsEnv, type LocalS3 } from '../support/s3-server.js';

/** Asserts the load fails with one diagnostic, at sources.yml:5, and returns it. */
async function failure(table: SourceTable, options: LoadOptions): Promise<Diagnostic> {
  let diagnostic: Diagnostic | undefined;
  await assert.rejects(load(table, options), (error: unknown) => {
    assert.ok(error instanceof SparkifyError, String(error));
    assert.equal(error.diagnostics.length, 1);
    [diagnostic] = error.diagnostics;
    assert.deepEqual(diagnostic.location, { file: 'sources.yml', line: 5 });
    assert.equal(diagnostic.node, 'source.sparkify.staging');
    return true;
  });
  return diagnostic!;
}

describe('S3 locations that cannot be read', () => {
  let s3: LocalS3;
  let options: LoadOptions;

  before(async () => {
    useTestAwsEnv();
    s3 = await startS3Server();
    await s3.createBucket('sparkify');
    await s3.put('sparkify', 'log_data/a.json', '{"id": 1, "name": "a"}\n');
    options = { root: REPO_ROOT, s3: { endpoint: s3.endpoint } };
  });
  after(async () => s3?.stop());

  test('a bucket that does not exist: SPK320', async () => {
    const d = await failure(sourceTable({ location: 's3://no-such-bucket/log_data' }), options);
    assert.equal(d.code, 'SPK320');
    assert.match(d.message, /the S3 bucket "no-such-bucket" of s3:\/\/no-such-bucket\/log_data does not exist \(at http:\/\/127\.0\.0\.1:\d+\)/);
    assert.match(d.hint!, /bucket name/);
  });

  test('a prefix with no objects: SPK301, as an empty folder', async () => {
    const d = await failure(sourceTable({ location: 's3://sparkify/song_data' }), options);
    assert.equal(d.code, 'SPK301');
    assert.match(d.message, /location "s3:\/\/sparkify\/song_data" holds no objects/);
    assert.match(d.hint!, /every object whose key starts with the prefix is read/);
  });

  test('an access key the server does not know: SPK321 with a hint about credentials and IAM', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAUNKNOWN';
    try {
      const d = await failure(sourceTable({ location: 's3://sparkify/log_data' }), options);
      assert.equal(d.code, 'SPK321');
      assert.match(d.message, /access to s3:\/\/sparkify\/log_data was denied \(InvalidAccessKeyId: /);
      assert.match(d.hint!, /AWS_ACCESS_KEY_ID.*IAM policy allows s3:ListBucket/);
    } finally {
      useTestAwsEnv();
    }
  });

  test('a server answering 403 AccessDenied: SPK321', async () => {
    const denied = await startDeniedServer();
    try {
      const d = await failure(sourceTable({ location: 's3://sparkify/log_data' }), { root: REPO_ROOT, s3: { endpoint: denied.endpoint } });
      assert.equal(d.code, 'SPK321');
      assert.match(d.message, /access to s3:\/\/sparkify\/log_data was denied \(AccessDenied: Access Denied\)/);
      assert.match(d.hint!, /credentials/);
    } finally {
      await denied.stop();
    }
  });

  test('an endpoint nothing listens on: SPK322 after the SDK retries', async () => {
    const endpoint = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const d = await failure(sourceTable({ location: 's3://sparkify/log_data' }), { root: REPO_ROOT, s3: { endpoint } });
    assert.equal(d.code, 'SPK322');
    assert.equal(d.message, `source table sparkify.staging: cannot reach ${endpoint} to read s3://sparkify/log_data (ECONNREFUSED, after retries)`);
    assert.match(d.hint!, /s3\.endpoint/);
  });

  test('a JSONPaths object that does not exist: SPK302; one in a missing bucket: SPK320', async () => {
    const table = sourceTable({ location: 's3://sparkify/log_data', jsonpaths: 's3://sparkify/paths.json' });
    const missing = await failure(table, options);
    assert.equal(missing.code, 'SPK302');
    assert.match(missing.message, /JSONPaths file s3:\/\/sparkify\/paths\.json of source table sparkify\.staging cannot be read \(no S3 object s3:\/\/sparkify\/paths\.json\)/);
    const noBucket = await failure({ ...table, jsonpaths: 's3://elsewhere/paths.json' }, options);
    assert.equal(noBucket.code, 'SPK320');
  });

  test('files() reports the same errors before any row is read', async () => {
    const stream = openSourceStream(sourceTable({ location: 's3://no-such-bucket/x' }), options);
    await assert.rejects(stream.files(), (error: unknown) => error instanceof SparkifyError && error.diagnostics[0].code === 'SPK320');
  });

  test('an s3:// location without a bucket: SPK323', async () => {
    const d = await failure(sourceTable({ location: 's3:///log_data' }), options);
    assert.equal(d.code, 'SPK323');
  });
});

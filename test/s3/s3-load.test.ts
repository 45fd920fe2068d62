/**
 * The loader on S3 (issue 3), over HTTP against s3rver on loopback: listing every page of a
 * prefix, Redshift's prefix semantics, streaming, and the same rows as from local files.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatDiagnostic, SparkifyError } from '../../src/diagnostics.js';
import { openSourceStream } from '../../src/load/index.js';
import { loadProject } from '../../src/project/index.js';
import type { SourceTable } from '../../src/project/types.js';
import { REPO_ROOT, SHARED_DATA } from '../e2e/helpers.js';
import { load, sourceTable } from '../load/helpers.js';
import { startS3Server, useTestAwsEnv, type LocalS3 } from '../support/s3-server.js';

/** The staging tables as the repo's sources.yml declares them, with data_root pointing at `root`. */
function stagingTables(root: string): SourceTable[] {
  return loadProject(REPO_ROOT, { env: {}, varsText: JSON.stringify({ data_root: root }) }).sources;
}

describe('source locations on S3', () => {
  let s3: LocalS3;
  const settings = () => ({ endpoint: s3.endpoint });

  before(async () => {
    useTestAwsEnv();
    s3 = await startS3Server();
    await s3.createBucket('sparkify');
    await s3.uploadFolder('sparkify', SHARED_DATA);
    await s3.createBucket('keys');
    const keys = ['p/a.json', 'p/', 'p/sub/', 'p/sub/b.json', 'p/Z.json', 'p/é.json', 'p/z.json', 'pq.json', 'other/c.json'];
    for (const key of keys) await s3.put('keys', key, key.endsWith('/') ? '' : `{"id": 1, "name": "${key}"}\n`);
  });
  after(async () => s3?.stop());

  test('the real sample loads from S3 exactly as from local files', async () => {
    const local = stagingTables(SHARED_DATA);
    const remote = stagingTables('s3://sparkify');
    assert.equal(remote[0].location, 's3://sparkify/log_data');
    assert.equal(remote[0].jsonpaths, 's3://sparkify/log_json_path.json');
    for (const [k, table] of remote.entries()) {
      const fromS3 = await load(table, { root: REPO_ROOT, s3: settings() });
      const fromDisk = await load(local[k], { root: REPO_ROOT });
      assert.equal(fromS3.text, fromDisk.text, table.name);
      assert.deepEqual({ ...fromS3.stats, bytes: 0 }, { ...fromDisk.stats, bytes: 0 });
      assert.equal(fromS3.stats.bytes, fromDisk.stats.bytes);
    }
    const [events, songs] = remote;
    assert.equal((await load(events, { root: REPO_ROOT, s3: settings() })).stats.rows, 8056);
    assert.equal((await load(songs, { root: REPO_ROOT, s3: settings() })).stats.rows, 71);
  });

  test('parsed in a worker thread (issue 13), S3 files load as in the main thread, several fetched at once', async () => {
    for (const table of stagingTables('s3://sparkify')) {
      const inWorker = await load(table, { root: REPO_ROOT, s3: settings(), parseIn: 'worker' });
      const inMain = await load(table, { root: REPO_ROOT, s3: settings(), parseIn: 'main' });
      assert.equal(inWorker.text, inMain.text, table.name);
      assert.deepEqual(inWorker.stats, inMain.stats);
    }
  });

  test('files() lists every page of the prefix, named s3://bucket/key, in key order', async () => {
    const [events, songs] = stagingTables('s3://sparkify');
    const local = stagingTables(SHARED_DATA);
    for (const [k, table] of [events, songs].entries()) {
      const onePage = await openSourceStream(table, { root: REPO_ROOT, s3: settings() }).files();
      const pagesOfTwo = await openSourceStream(table, { root: REPO_ROOT, s3: settings(), listPageSize: 2 }).files();
      const expected = (await openSourceStream(local[k], { root: REPO_ROOT }).files()).map((file) => `s3://sparkify/${file.slice(SHARED_DATA.length + 1)}`);
      assert.deepEqual(onePage, expected);
      assert.deepEqual(pagesOfTwo, expected);
    }
  });

  test('more objects than one page of 1000: all listed', async () => {
    await s3.createBucket('many');
    const keys = Array.from({ length: 1003 }, (_, k) => `logs/part-${String(k).padStart(4, '0')}.json`);
    for (let at = 0; at < keys.length; at += 50) {
      await Promise.all(keys.slice(at, at + 50).map((key, j) => s3.put('many', key, `{"id": ${at + j}}\n`)));
    }
    const table = sourceTable({ location: 's3://many/logs' });
    const stream = openSourceStream(table, { root: REPO_ROOT, s3: settings() });
    assert.deepEqual(await stream.files(), keys.map((key) => `s3://many/${key}`));
    const { rows } = await load(table, { root: REPO_ROOT, s3: settings() });
    assert.deepEqual(rows.map((row) => Number(row[0])), keys.map((_, k) => k));
  });

  test('a prefix matches every key starting with it; folder markers are skipped; byte order', async () => {
    const files = (location: string) => openSourceStream(sourceTable({ location }), { root: REPO_ROOT, s3: settings() }).files();
    assert.deepEqual(await files('s3://keys/p'), [
      's3://keys/p/Z.json', 's3://keys/p/a.json', 's3://keys/p/sub/b.json', 's3://keys/p/z.json', 's3://keys/p/é.json', 's3://keys/pq.json',
    ]);
    assert.deepEqual(await files('s3://keys/p/sub/'), ['s3://keys/p/sub/b.json']);
    assert.equal((await files('s3://keys')).length, 7);
  });

  test('records split across small reads load the same', async () => {
    const [events] = stagingTables('s3://sparkify');
    const whole = await load(events, { root: REPO_ROOT, s3: settings() });
    const small = await load(events, { root: REPO_ROOT, s3: settings(), readBytes: 997, chunkBytes: 4096 });
    assert.equal(small.text, whole.text);
  });

  test('a bad record is named by its s3:// URL, line and column', async () => {
    await s3.put('keys', 'bad/2018/11/x.json', '{"id": 1, "name": "a"}\n{"id": 2, "name": "b"}\n{"id": 3, "name": }\n');
    const table = sourceTable({ location: 's3://keys/bad' });
    await assert.rejects(load(table, { root: REPO_ROOT, s3: settings() }), (error: unknown) => {
      assert.ok(error instanceof SparkifyError);
      const [d] = error.diagnostics;
      assert.equal(d.code, 'SPK310');
      assert.match(formatDiagnostic(d), /^s3:\/\/keys\/bad\/2018\/11\/x\.json:3:\d+: malformed JSON/);
      return true;
    });
    const tolerant = await load({ ...table, maxerrors: 1 }, { root: REPO_ROOT, s3: settings() });
    assert.deepEqual(tolerant.stats.rejected.map((bad) => [bad.file, bad.line]), [['s3://keys/bad/2018/11/x.json', 3]]);
  });

  test('an object is streamed: memory stays flat while a large object loads', async () => {
    const record = `{"id": 1, "name": "${'x'.repeat(900)}"}\n`;
    const size = 96 * 1024 * 1024;
    await s3.put('keys', 'big/one.json', Buffer.from(record.repeat(Math.ceil(size / record.length))));
    const table = sourceTable({ location: 's3://keys/big', columns: sourceTable().columns.map((c) => ({ ...c, type: c.type.replace('varchar(20)', 'text') })) });
    const baseline = process.memoryUsage();
    let peak = 0;
    let rows = 0;
    const stream = openSourceStream(table, { root: REPO_ROOT, s3: settings(), chunkBytes: 1024 * 1024 });
    for await (const chunk of stream.chunks()) {
      rows += chunk.length > 0 ? 1 : 0;
      const now = process.memoryUsage();
      peak = Math.max(peak, now.arrayBuffers - baseline.arrayBuffers + now.heapUsed - baseline.heapUsed);
    }
    assert.ok(stream.stats.bytes >= size, `read ${stream.stats.bytes} bytes`);
    assert.ok(peak < size / 2, `peak growth ${(peak / 1048576).toFixed(1)} MiB for a ${size / 1048576} MiB object`);
  });
});

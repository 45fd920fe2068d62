/**
 * The load ledger over S3 (issue 12), PGlite reading s3rver on loopback: the ledger keys on the
 * object's URL and its ETag, a new object is the only one read, an overwritten one reloads in full.
 */
import assert from 'node:assert/strict';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, sparkify, withWarehouse } from '../e2e/helpers.js';
import { liteTables } from '../postgres/helpers.js';
import { startS3Server, testAwsEnv, type LocalS3 } from '../support/s3-server.js';
import { s3ProjectCopy } from '../s3/s3-project.js';
import { assertSameTables, dayFile, fromScratch, type Engine } from './scenarios.js';

const ROOT = JSON.stringify({ data_root: 's3://sparkify' });

describe('load ledger over S3 on PGlite (issue 12)', () => {
  let s3: LocalS3;
  let dir: string;
  const engine: Engine = {
    build: (project, args = []) => sparkify(project, ['build', ...args], testAwsEnv()),
    tables: (project) => withWarehouse(project, liteTables),
    query: (project, sql) => withWarehouse(project, async (db) => (await db.query<Record<string, unknown>>(sql)).rows),
    ledger: (project) => withWarehouse(project, async (db) => (await db.query<{ file_key: string; load_id: string; rows_loaded: number }>(
      'select file_key, load_id, rows_loaded from public.staging_events__sparkify_ledger order by file_key')).rows),
  };
  const build = () => {
    const result = sparkify(dir, ['build', '--vars', ROOT], testAwsEnv());
    assert.equal(result.code, 0, result.stdout + result.stderr);
    return result;
  };

  before(async () => {
    s3 = await startS3Server();
    await s3.createBucket('sparkify');
    await s3.uploadFolder('sparkify', join(REPO_ROOT, 'data'));
    dir = s3ProjectCopy(s3.endpoint, { withData: false });
  });
  after(async () => s3?.stop());

  test('29 objects, then the 30th: only it is read, and the tables equal a build from scratch of the files', async () => {
    const day30 = dayFile(30).replace(/^data\//, '');
    const body = readFileSync(join(REPO_ROOT, dayFile(30)));
    await s3.client.send(new (await import('@aws-sdk/client-s3')).DeleteObjectCommand({ Bucket: 'sparkify', Key: day30 }));
    build();
    await s3.put('sparkify', day30, body);
    const second = build();
    assert.match(second.stdout, /OK loaded source sparkify\.staging_events \.+ \[1 new file, 12 rows; 29 unchanged in/);
    const ledger = await engine.ledger(dir);
    assert.equal(ledger.length, 30);
    assert.ok(ledger.every((entry) => entry.file_key.startsWith('s3://sparkify/log_data/')));
    assertSameTables(await engine.tables(dir), await fromScratch(engine));
  });

  test('an object written again (a new ETag) reloads the source in full and says so', async () => {
    const key = dayFile(12).replace(/^data\//, '');
    const lines = readFileSync(join(REPO_ROOT, dayFile(12)), 'utf8').trimEnd().split('\n');
    await s3.put('sparkify', key, `${lines.slice(0, -1).join('\n')}\n`);
    const changed = build();
    assert.match(changed.stdout, /full reload: 1 file changed since loaded \(s3:\/\/sparkify\/log_data\/2018\/11\/2018-11-12-events\.json\)/);
    assert.match(changed.stdout, /full rebuild: source sparkify\.staging_events was reloaded in full/);
  });

  test('origin_columns over S3: the change reloads in full, and each row names its object\'s URL and line', async () => {
    const sources = join(dir, 'sources.yml');
    writeFileSync(sources, readFileSync(sources, 'utf8').replace('        timeformat: auto\n', '        timeformat: auto\n        origin_columns: true\n'));
    const reloaded = build();
    assert.match(reloaded.stdout, /full reload: its columns, JSONPaths or load options in sources\.yml changed since it was loaded/);
    const rows = await engine.query(dir, 'select _sparkify_file as file, _sparkify_line as line, ts from public.staging_events order by 1, 2');
    const objects = new Map<string, string[]>();
    for (const row of rows) {
      const url = String(row.file);
      assert.match(url, /^s3:\/\/sparkify\/log_data\/2018\/11\/2018-11-\d\d-events\.json$/);
      if (!objects.has(url)) {
        const object = await s3.client.send(new GetObjectCommand({ Bucket: 'sparkify', Key: url.replace('s3://sparkify/', '') }));
        objects.set(url, (await object.Body!.transformToString()).split('\n'));
      }
      const record = JSON.parse(objects.get(url)![Number(row.line) - 1]) as { ts: number };
      assert.equal(String(record.ts), String(row.ts), `${url}:${String(row.line)}`);
    }
    assert.equal(objects.size, 30);
  });
});


/**
 * Issue 14 through the real CLI on PostgreSQL (the PGlite twin is test/e2e/load-hardening.test.ts):
 * bad bytes, deep nesting and a bad seed value fail at the file, line and column to edit, and leave
 * the tables as they were; accept_invalid_chars loads the bad bytes replaced.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyProject, editFile, sparkify } from '../e2e/helpers.js';
import { plantBadBytes, plantBadSeedValue, plantDeepSong } from '../support/bad-input.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { rowsSql } from './helpers.js';

const at = (p: { file: string; line: number; column: number }) => `${p.file}:${p.line}:${p.column}`.replace(/[./]/g, (c) => `\\${c}`);

describe('bad input on PostgreSQL', () => {
  let server: PostgresServer;
  let dir: string;
  const build = (...args: string[]) => sparkify(dir, [...args, '--target', 'pg'], { SPARKIFY_PG_URL: server.url() });

  before(async () => {
    server = await startPostgresServer();
    dir = copyProject();
    const first = build('build', '--select', 'source:sparkify+', 'subscription_levels');
    assert.equal(first.code, 0, first.stdout + first.stderr);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('invalid UTF-8 fails the load at file:line:column (SPK311) and leaves the table; accept_invalid_chars loads ??', async () => {
    const before = await server.query(rowsSql('staging_events'));
    const planted = plantBadBytes(dir);
    const failed = build('build', '--select', 'source:sparkify.staging_events');
    assert.equal(failed.code, 1, failed.stdout + failed.stderr);
    assert.match(failed.stderr, new RegExp(`${at(planted)}: invalid UTF-8: bytes ff fe are not a character \\[SPK311\\]`));
    assert.deepEqual(await server.query(rowsSql('staging_events')), before);

    editFile(dir, 'sources.yml', (text) => text.replace('timeformat: auto', "timeformat: auto\n        accept_invalid_chars: '?'"));
    const loaded = build('build', '--select', 'source:sparkify.staging_events');
    assert.equal(loaded.code, 0, loaded.stdout + loaded.stderr);
    assert.match(loaded.stdout, /replaced 2 invalid characters in 1 record \(accept_invalid_chars\)/);
    const rows = await server.query<{ n: number }>("select count(*)::int as n from public.staging_events where artist like '%??'");
    assert.equal(rows[0].n, 1);
  });

  test('a song nested 50,000 deep is SPK312 at its line, not a database error', () => {
    const planted = plantDeepSong(dir);
    const result = build('build', '--select', 'source:sparkify.staging_songs');
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`${at(planted)}: arrays and objects nested deeper than 1000 levels \\[SPK312\\]`));
    assert.doesNotMatch(result.stderr + result.stdout, /database error|Maximum call stack/);
    rmSync(join(dir, planted.file));
  });

  test('a bad value in a declared seed column names the CSV line and column (SPK357), and the seed keeps its rows', async () => {
    const before = await server.query(rowsSql('subscription_levels'));
    const planted = plantBadSeedValue(dir);
    const result = build('seed');
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`${at(planted)}: seed 'subscription_levels': column "is_paying" \\(boolean\\): invalid input syntax for type boolean: "maybe" \\[SPK357\\]`));
    assert.deepEqual(await server.query(rowsSql('subscription_levels')), before);
  });
});

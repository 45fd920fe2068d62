/**
 * Issue 14 through the real CLI on PGlite: bad bytes, deep nesting, a bad seed value and a missing
 * data folder each fail at the file, line and column to edit, with a code and a hint; the failed
 * node leaves its table as it was. (test/postgres/load-hardening.test.ts runs the same on PostgreSQL.)
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { plantBadBytes, plantBadSeedValue, plantDeepSong } from '../support/bad-input.js';
import { copyProject, editFile, sparkify, tableDigest, withWarehouse } from './helpers.js';

const at = (p: { file: string; line: number; column: number }) => `${p.file}:${p.line}:${p.column}`.replace(/[./]/g, (c) => `\\${c}`);

describe('bad input on PGlite', () => {
  let dir: string;
  before(() => {
    dir = copyProject();
    const first = sparkify(dir, ['build', '--select', 'source:sparkify+', 'subscription_levels']);
    assert.equal(first.code, 0, first.stdout + first.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('invalid UTF-8 in a log file fails the load at file:line:column (SPK311); accept_invalid_chars loads it as ??', async () => {
    const before = await withWarehouse(dir, (db) => tableDigest(db, 'staging_events'));
    const planted = plantBadBytes(dir);
    const failed = sparkify(dir, ['build', '--select', 'source:sparkify.staging_events']);
    assert.equal(failed.code, 1, failed.stdout + failed.stderr);
    assert.match(failed.stderr, new RegExp(`${at(planted)}: invalid UTF-8: bytes ff fe are not a character \\[SPK311\\]\\n\\s+hint: .*accept_invalid_chars: '\\?'`));
    assert.equal(await withWarehouse(dir, (db) => tableDigest(db, 'staging_events')), before);

    editFile(dir, 'sources.yml', (text) => text.replace('timeformat: auto', "timeformat: auto\n        accept_invalid_chars: '?'"));
    const loaded = sparkify(dir, ['build', '--select', 'source:sparkify.staging_events']);
    assert.equal(loaded.code, 0, loaded.stdout + loaded.stderr);
    // The load ledger (issue 12) reloads in full, since the option and the planted file changed, and says so first.
    assert.match(loaded.stdout, /OK loaded source sparkify\.staging_events .*\n[\d:]+\s+full reload: its columns, JSONPaths or load options in sources\.yml changed since it was loaded; 1 file changed since loaded \(.*2018-11-01-events\.json\)\n[\d:]+\s+replaced 2 invalid characters in 1 record \(accept_invalid_chars\)/);
    const results = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')) as { results: { unique_id?: string; replaced?: unknown }[] };
    assert.ok(JSON.stringify(results).includes('"replaced":{"chars":2,"records":1}'), 'run_results.json records the replacements');
    const rows = await withWarehouse(dir, (db) => db.query<{ n: number }>("select count(*)::int as n from public.staging_events where artist like '%??'"));
    assert.equal(rows.rows[0].n, 1);
  });

  test('a song nested 50,000 deep is SPK312 at its line, never a stack overflow labelled a database error', () => {
    const planted = plantDeepSong(dir);
    const result = sparkify(dir, ['build', '--select', 'source:sparkify.staging_songs']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`${at(planted)}: arrays and objects nested deeper than 1000 levels \\[SPK312\\]`));
    assert.doesNotMatch(result.stderr + result.stdout, /database error|Maximum call stack/);
    rmSync(join(dir, planted.file));
  });

  test('a bad value in a declared seed column names the CSV line and column (SPK357)', () => {
    const planted = plantBadSeedValue(dir);
    const result = sparkify(dir, ['seed']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, new RegExp(`${at(planted)}: seed 'subscription_levels': column "is_paying" \\(boolean\\): invalid input syntax for type boolean: "maybe" \\[SPK357\\]\\n\\s+hint: fix the value`));
  });

  test('a missing data folder is named, with the nearest existing one', () => {
    const result = sparkify(dir, ['build', '--select', 'source:sparkify.staging_songs', '--vars', '{"data_root": "dat"}']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /location "dat\/song_data" \(.*\/dat\/song_data\) does not exist \[SPK301\]\n\s+hint: did you mean data\/song_data\?/);
  });
});

/**
 * Issue 14: golden files are written only when asked (UPDATE_GOLDENS=1), never by a test that finds
 * its golden file missing; tests on the real sample say what is missing when it is absent, and fail
 * in CI rather than skip.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertGoldenIn } from '../golden.js';
import { SHARED_DATA_DIR, skipWithoutSharedData } from '../support/shared-data.js';
import { tempDir } from '../support/temp-dir.js';

const scratch = tempDir('sparkify-policies-');
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('golden files', () => {
  test('a missing golden file fails the test and is not written', () => {
    assert.throws(() => assertGoldenIn(scratch, 'missing.sql', 'select 1', {}), /missing: run the test with UPDATE_GOLDENS=1/);
    assert.equal(existsSync(join(scratch, 'missing.sql')), false);
  });

  test('UPDATE_GOLDENS=1 writes it (and rewrites a changed one); then it is compared', () => {
    assertGoldenIn(scratch, 'sub/asked.sql', 'select 1', { UPDATE_GOLDENS: '1' });
    assert.equal(readFileSync(join(scratch, 'sub/asked.sql'), 'utf8'), 'select 1');
    assertGoldenIn(scratch, 'sub/asked.sql', 'select 1', {});
    assert.throws(() => assertGoldenIn(scratch, 'sub/asked.sql', 'select 2', {}), /differs from test\/golden\/sub\/asked\.sql \(UPDATE_GOLDENS=1 to accept\)/);
    assertGoldenIn(scratch, 'sub/asked.sql', 'select 2', { UPDATE_GOLDENS: '1' });
    assert.equal(readFileSync(join(scratch, 'sub/asked.sql'), 'utf8'), 'select 2');
  });
});

describe('the real sample beside the repository', () => {
  test('present: the tests on it run', () => {
    const dir = join(scratch, 'sample');
    mkdirSync(join(dir, 'log_data'), { recursive: true });
    mkdirSync(join(dir, 'song_data'));
    writeFileSync(join(dir, 'log_json_path.json'), '{}');
    assert.equal(skipWithoutSharedData(dir, { CI: 'true' }), false);
    assert.equal(skipWithoutSharedData(SHARED_DATA_DIR, {}), false, 'this checkout has ../shared/sparkify-data');
  });

  test('absent on a clone: skipped with what is missing and how to get it', () => {
    const dir = join(scratch, 'no-such-sample');
    const reason = skipWithoutSharedData(dir, {});
    assert.equal(typeof reason, 'string');
    assert.match(reason as string, /needs the public Sparkify sample at .*no-such-sample \(missing: log_data, song_data, log_json_path\.json\)/);
    assert.match(reason as string, /ln -s/);
  });

  test('absent in CI: an error, not a skip', () => {
    assert.throws(() => skipWithoutSharedData(join(scratch, 'no-such-sample'), { CI: 'true' }), /CI must run the tests on the real sample/);
  });
});

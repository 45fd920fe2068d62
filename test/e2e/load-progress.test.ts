import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyProject, sparkify } from './helpers.js';

// Regression: the progress line of a source whose load failed halfway said "done", next to the error.
test('a load that fails after some files ends its progress line with "failed", not "done"', () => {
  const dir = copyProject();
  // The last of the 30 event files gets a record that is not JSON; staging_events allows no bad record.
  appendFileSync(join(dir, 'data/log_data/2018/11/2018-11-30-events.json'), '{"artist": \n');
  const result = sparkify(dir, ['build', '--select', 'source:sparkify.staging_events']);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout + result.stderr, /SPK310/);
  assert.match(result.stderr, /^sparkify\.staging_events: failed after [\d.]+ s, at 29\/30 files, [\d,]+ rows, /m);
  assert.doesNotMatch(result.stderr, /staging_events: done/);
});

test('a load that finishes still ends on "done"', () => {
  const dir = copyProject();
  const result = sparkify(dir, ['build', '--select', 'source:sparkify.staging_songs']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /^sparkify\.staging_songs: done, (\d+)\/\1 files, /m);
});

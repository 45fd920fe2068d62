import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { copyProject, editFile, sparkify } from '../e2e/helpers.js';
import { readRunResults } from '../support/run-results.js';

const runResults = readRunResults;
const statusOf = (dir: string, id: string) => runResults(dir).results.find((r) => r.id === id)?.status;

describe('the Sparkify project\'s unit tests through the CLI', () => {
  test('sparkify test --select test_type:unit passes with no warehouse at all', () => {
    const dir = copyProject({ withData: false });
    // A PostgreSQL target nobody listens on: unit tests must not even try to connect.
    const run = sparkify(dir, ['test', '--select', 'test_type:unit', '--target', 'pg'], { SPARKIFY_PG_URL: 'postgres://nobody@127.0.0.1:1/none' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /Running 3 unit tests/);
    for (const name of ['users::latest_level_wins', 'songplays::matched_and_unmatched_plays', 'songplays::incremental_adds_only_newer_plays']) {
      assert.match(run.stdout, new RegExp(`\\d of 3 PASS ${name} \\.+ \\[PASS in`));
    }
    assert.match(run.stdout, /Done\. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3/);
    assert.deepEqual(runResults(dir).results.map((r) => [r.id, r.status]).sort(), [
      ['unit_test.songplays.incremental_adds_only_newer_plays', 'pass'],
      ['unit_test.songplays.matched_and_unmatched_plays', 'pass'],
      ['unit_test.users.latest_level_wins', 'pass'],
    ]);
    const local = sparkify(dir, ['test', '--select', 'test_type:unit']);
    assert.equal(local.code, 0, local.stdout + local.stderr);
    // .sparkify/ now remembers which unit tests passed: the warehouse would be its dev/ folder.
    assert.equal(existsSync(join(dir, '.sparkify', 'dev')), false, 'the embedded warehouse was created');
    assert.ok(existsSync(join(dir, '.sparkify', 'unit-test-results.json')), 'the unit tests that passed were not remembered');
  });

  test('a broken users.sql fails its unit test with the diff, and build skips users and what reads it', () => {
    const dir = copyProject();
    // The earliest event instead of the latest: user 10's level is free, not paid.
    editFile(dir, 'models/dimensions/users.sql', (sql) => sql.replace('order by ts desc', 'order by ts asc'));
    const unit = sparkify(dir, ['test', '--select', 'test_type:unit']);
    assert.equal(unit.code, 1, unit.stdout + unit.stderr);
    assert.match(unit.stdout, /FAIL 2 users::latest_level_wins \.+ \[FAIL 2 in/);
    assert.match(unit.stdout, /actual differs from expected \(- missing, \+ unexpected\):\n.*\| @@ \| user_id \| first_name \| last_name \| gender \| level \|\n.*\n.*\| -  \| 10 +\| Ann +\| Lee +\| F +\| paid  \|\n.*\| \+  \| 10 +\| Ann +\| Lee +\| F +\| free  \|/);
    assert.match(unit.stderr, /models\/dimensions\/schema\.yml:\d+: unit test users::latest_level_wins failed: actual differs from expected \(1 row missing, 1 row unexpected\) \[SPK685\]/);

    const build = sparkify(dir, ['build']);
    assert.equal(build.code, 1, build.stdout + build.stderr);
    assert.match(build.stdout, /FAIL 2 users::latest_level_wins .*\n(.*\n)*.*SKIP table model public\.users /);
    assert.equal(statusOf(dir, 'unit_test.users.latest_level_wins'), 'fail');
    assert.equal(statusOf(dir, 'model.users'), 'skipped');
    assert.equal(statusOf(dir, 'test.unique_users_user_id'), 'skipped');
    // songplays' unit tests passed, so it was built.
    assert.equal(statusOf(dir, 'unit_test.songplays.matched_and_unmatched_plays'), 'pass');
    assert.equal(statusOf(dir, 'model.songplays'), 'success');
    assert.match(build.stdout, /Done\. PASS=\d+ WARN=0 ERROR=1 SKIP=\d+ TOTAL=\d+/);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { copyProject, editFile, sparkify } from './helpers.js';
import { readRunResults, shortId } from '../support/run-results.js';

const runResults = readRunResults;
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
/** parent_map with sparkify's short ids. */
const parentsOf = (dir: string): Record<string, string[]> =>
  Object.fromEntries(Object.entries(manifestOf(dir).parent_map as Record<string, string[]>).map(([id, parents]) => [shortId(id), parents.map(shortId)]));
/** Names of the tests a run printed with `status`, e.g. PASS. */
const printed = (stdout: string, status: string) => [...stdout.matchAll(new RegExp(`\\d+ of \\d+ ${status} (\\S+) \\.`, 'g'))].map((m) => m[1]);

describe('data tests of the Sparkify project', () => {
  let dir: string;
  let build: ReturnType<typeof sparkify>;
  before(() => {
    dir = copyProject();
    build = sparkify(dir, ['build']);
  });

  test('sparkify build runs every test right after its model, and all pass', () => {
    assert.equal(build.code, 0, build.stderr + build.stdout);
    assert.match(build.stdout, /Building 2 sources, 1 seed, 5 models, 1 snapshot, 23 tests and 3 unit tests/);
    assert.match(build.stdout, /OK created table model public\.users \.+ \[SELECT \d+ in [\d.]+s\]\n.*PASS accepted_values_users_level__free__paid \.+ \[PASS in [\d.]+s\]/);
    assert.match(build.stdout, /PASS between_time_weekday__6__0 /);
    assert.match(build.stdout, /PASS every_next_song_event_is_a_songplay /);
    // 9 nodes, 23 data tests and 3 unit tests (users 1, songplays 2).
    assert.match(build.stdout, /Done\. PASS=35 WARN=0 ERROR=0 SKIP=0 TOTAL=35/);
    const tests = runResults(dir).results.filter((r) => r.id.startsWith('test.'));
    assert.equal(tests.length, 23);
    assert.ok(tests.every((r) => r.status === 'pass' && r.failures === 0), JSON.stringify(tests));
  });

  test('the manifest holds the tests, their dependencies and the column descriptions', () => {
    const manifest = manifestOf(dir);
    const parentMap = parentsOf(dir);
    assert.deepEqual(parentMap['test.relationships_songplays_user_id__user_id__ref_users_'], ['model.songplays', 'model.users']);
    assert.deepEqual(parentMap['test.every_next_song_event_is_a_songplay'], ['model.songplays', 'source.sparkify.staging_events']);
    assert.equal(manifest.nodes['model.sparkify.users'].columns.user_id.description, 'Id of the user; the primary key.');
    for (const model of ['users', 'songs', 'artists', 'time', 'songplays']) {
      const node = manifest.nodes[`model.sparkify.${model}`];
      assert.ok(node.description, `${model} is described`);
      assert.ok(Object.values(node.columns).every((c) => (c as { description?: string }).description), `${model} columns are described`);
    }
    const compiled = readFileSync(join(dir, 'target/compiled/models/dimensions/schema.yml/unique_users_user_id.sql'), 'utf8');
    assert.match(compiled, /from "public"\."users"/);
  });

  test("sparkify test --select users runs users' tests only", () => {
    const result = sparkify(dir, ['test', '--select', 'users']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    const names = printed(result.stdout, 'PASS').sort();
    // Its 4 data tests and its unit test (printed <model>::<name>).
    assert.deepEqual(names, [
      'accepted_values_users_level__free__paid', 'not_null_users_user_id',
      'relationships_songplays_user_id__user_id__ref_users_', 'unique_users_user_id', 'users::latest_level_wins',
    ]);
    const parentMap = parentsOf(dir);
    const idOf = (name: string) => (name.includes('::') ? `unit_test.${name.replace('::', '.')}` : `test.${name}`);
    assert.ok(names.every((name) => parentMap[idOf(name)].includes('model.users')));
    assert.doesNotMatch(result.stdout, /created|loaded/, 'nothing is built');
    assert.match(result.stdout, /Done\. PASS=5 WARN=0 ERROR=0 SKIP=0 TOTAL=5/);
    assert.equal(runResults(dir).command, 'test');
  });

  test('test_type: and --indirect-selection narrow the tests; a selection without tests exits 2', () => {
    assert.deepEqual(printed(sparkify(dir, ['test', '--select', 'test_type:singular']).stdout, 'PASS'), ['every_next_song_event_is_a_songplay']);
    const cautious = sparkify(dir, ['test', '--select', 'users', '--indirect-selection', 'cautious']);
    // users' 3 other data tests and its unit test, whose only parent is users.
    assert.equal(printed(cautious.stdout, 'PASS').length, 4, 'the relationships test also needs songplays selected');
    const none = sparkify(dir, ['test', '--select', 'source:sparkify.staging_songs']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /the selection holds no data test \[SPK610\]/);
  });

  test('ls lists the tests of a selection; show shows the failing rows of a test', () => {
    const names = sparkify(dir, ['ls', '--select', 'time']).stdout.trim().split('\n');
    assert.deepEqual(names, [
      'time', 'between_time_weekday__6__0', 'not_null_time_start_time',
      'relationships_songplays_start_time__start_time__ref_time_', 'unique_time_start_time',
    ]);
    const show = sparkify(dir, ['show', '--select', 'unique_users_user_id']);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /\| unique_field \| n_records \|[\s\S]*\(0 rows\)/);
  });
});

describe('a failing test', () => {
  test('a duplicated users makes unique fail: the sample is printed and stored, songplays downstream is skipped, exit 1', () => {
    const dir = copyProject();
    editFile(dir, 'models/dimensions/users.sql', (t) => t.replace('where recency = 1', 'where recency <= 2'));
    // songplays reads staging only; dbt's depends_on comment puts it downstream of users.
    editFile(dir, 'models/facts/songplays.sql', (t) => `-- depends_on: {{ ref('users') }}\n${t}`);
    // Without the unit tests: users' own (latest_level_wins) would fail on the broken SQL first and skip users.
    const result = sparkify(dir, ['build', '--exclude', 'test_type:unit']);
    assert.equal(result.code, 1, result.stderr + result.stdout);
    const fail = /\d+ of 32 FAIL (\d+) unique_users_user_id \.+ \[FAIL \1 in [\d.]+s\]\n.*the first 5 of \1 failing rows:\n.*\| unique_field \| n_records \|/.exec(result.stdout);
    assert.ok(fail, result.stdout);
    assert.match(result.stdout, /SKIP \S+ model public\.songplays \.+ \[SKIP\]/);
    assert.match(result.stdout, /SKIP test unique_songplays_songplay_id /);
    assert.match(result.stderr, /models\/dimensions\/schema\.yml:11: test unique_users_user_id failed: got \d+ failing rows, configured to fail if != 0 \[SPK620\]/);
    assert.match(result.stdout, /Done\. PASS=\d+ WARN=0 ERROR=1 SKIP=14 TOTAL=32/);
    const results = runResults(dir);
    assert.equal(results.success, false);
    const unique = results.results.find((r) => r.id === 'test.unique_users_user_id')!;
    assert.equal(unique.status, 'fail');
    assert.equal(unique.failures, Number(fail[1]));
    assert.equal(unique.sample?.length, 5);
    assert.deepEqual(Object.keys(unique.sample![0]), ['unique_field', 'n_records']);
    assert.equal(unique.sample![0].n_records, 2);
    assert.equal(results.results.find((r) => r.id === 'model.songplays')!.status, 'skipped');
  });

  test('with severity: warn the same failure is a WARN and the build exits 0', () => {
    const dir = copyProject();
    editFile(dir, 'models/dimensions/users.sql', (t) => t.replace('where recency = 1', 'where recency <= 2'));
    editFile(dir, 'models/dimensions/schema.yml', (t) => t.replace(
      "description: Id of the user; the primary key.\n        data_tests: [unique, not_null]",
      'description: Id of the user; the primary key.\n        data_tests:\n          - unique:\n              config: {severity: warn}\n          - not_null',
    ));
    // Without the unit tests (users' own would fail on the broken SQL first) and users_snapshot, which
    // rightly refuses a users holding a user_id twice (SPK710) and would fail the build.
    const result = sparkify(dir, ['build', '--exclude', 'test_type:unit', 'users_snapshot']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /WARN \d+ unique_users_user_id \.+ \[WARN \d+ in/);
    assert.match(result.stderr, /warning: models\/dimensions\/schema\.yml:\d+: test unique_users_user_id warned/);
    // 8 nodes and 21 data tests: the 3 unit tests, users_snapshot and its 2 tests are excluded.
    assert.match(result.stdout, /Done\. PASS=28 WARN=1 ERROR=0 SKIP=0 TOTAL=29/);
    assert.equal(runResults(dir).results.find((r) => r.id === 'test.unique_users_user_id')!.status, 'warn');
  });

  test('a mistake in a schema file is a compile error with file:line and a suggestion', () => {
    const dir = copyProject();
    editFile(dir, 'models/facts/schema.yml', (t) => t.replace('  - name: songplays', '  - name: songplay'));
    const result = sparkify(dir, ['compile']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /models\/facts\/schema\.yml:5:11: models\/facts\/schema\.yml documents model 'songplay', which does not exist \[SPK601\]\n  hint: did you mean 'songplays'\?/);
  });
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { copyProject, sparkify } from './helpers.js';
import { shortId } from '../support/run-results.js';

describe('sparkify compile', () => {
  test('writes compiled SQL and the manifest without touching a warehouse', () => {
    const dir = copyProject();
    const result = sparkify(dir, ['compile']);
    assert.equal(result.code, 0, result.stderr);
    // .sparkify/ may hold compile's caches now; the warehouse would be its dev/ folder.
    assert.equal(existsSync(join(dir, '.sparkify', 'dev')), false, 'no warehouse created');
    const compiled = readFileSync(join(dir, 'target/compiled/models/dimensions/users.sql'), 'utf8');
    assert.match(compiled, /from "public"\."staging_events"/);
    assert.doesNotMatch(compiled, /\{\{|\{%/);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    const ids = [...Object.keys(manifest.nodes), ...Object.keys(manifest.sources), ...Object.keys(manifest.unit_tests)].map(shortId).sort();
    assert.deepEqual(ids.filter((id) => !id.startsWith('test.')), [
      'model.artists', 'model.songplays', 'model.songs', 'model.time', 'model.users',
      'seed.subscription_levels', 'snapshot.users_snapshot', 'source.sparkify.staging_events', 'source.sparkify.staging_songs',
      'unit_test.songplays.incremental_adds_only_newer_plays', 'unit_test.songplays.matched_and_unmatched_plays',
      'unit_test.users.latest_level_wins',
    ]);
    assert.equal(ids.filter((id) => id.startsWith('test.')).length, 23, 'the data tests of models/**/schema.yml and tests/');
    assert.match(result.stdout, /Compiled 5 models, 23 tests, 3 unit tests, 1 seed, 1 snapshot and 2 sources/);
    assert.ok(existsSync(join(dir, 'target/run_results.json')));
  });

  test('--select prints exactly the statements that build runs, the load included', () => {
    const dir = copyProject();
    const result = sparkify(dir, ['compile', '--select', '+users']);
    assert.equal(result.code, 0, result.stderr);
    const load = readFileSync(join(dir, 'target/run/sources/sparkify/staging_events.sql'), 'utf8');
    const users = readFileSync(join(dir, 'target/run/models/dimensions/users.sql'), 'utf8');
    assert.ok(result.stdout.includes(load), 'the load plan is printed verbatim');
    assert.ok(result.stdout.includes(users), 'the model plan is printed verbatim');
    // compile is pure: the run id in side relation names is the placeholder 00000000 (build draws one).
    assert.match(load, /COPY "public"\."staging_events__sparkify_new_00000000" \("artist", "auth", .*"user_id"\) FROM '\/dev\/blob';/);
    assert.match(users, /^BEGIN;\n/);
    assert.match(users, /CREATE TABLE "public"\."users__sparkify_new_00000000" AS\n/);
    assert.match(users, /COMMIT;\n$/);
    // Selecting users selects its tests too (eager), the relationships test from songplays included;
    // the songplays model itself is not selected.
    assert.match(result.stdout, /^-- test\.unique_users_user_id \(models\/dimensions\/schema\.yml\): test unique_users_user_id$/m);
    assert.doesNotMatch(result.stdout, /^-- model\.songplays /m);
  });

  test('compiling twice gives byte-identical artifacts', () => {
    const dir = copyProject();
    sparkify(dir, ['compile']);
    const first = readFileSync(join(dir, 'target/manifest.json'), 'utf8');
    sparkify(dir, ['compile']);
    assert.equal(readFileSync(join(dir, 'target/manifest.json'), 'utf8'), first);
  });
});

describe('sparkify ls, show and clean', () => {
  let dir: string;
  before(() => {
    dir = copyProject();
    const build = sparkify(dir, ['build']);
    assert.equal(build.code, 0, build.stderr);
  });

  test('ls lists the selection in build order', () => {
    const names = sparkify(dir, ['ls', '--select', '+songplays']).stdout.trim().split('\n');
    // songplays' 2 unit tests right before it, as build runs them.
    assert.deepEqual(names.slice(0, 5), [
      'source:sparkify.staging_events', 'source:sparkify.staging_songs',
      'incremental_adds_only_newer_plays', 'matched_and_unmatched_plays', 'songplays',
    ]);
    // Then the tests on songplays, which selecting it selects too (eager indirect selection).
    assert.deepEqual(names.slice(5), [
      'accepted_values_songplays_level__free__paid', 'every_next_song_event_is_a_songplay',
      'not_null_songplays_songplay_id', 'not_null_songplays_start_time', 'not_null_songplays_user_id',
      'relationships_songplays_artist_id__artist_id__ref_artists_', 'relationships_songplays_song_id__song_id__ref_songs_',
      'relationships_songplays_start_time__start_time__ref_time_', 'relationships_songplays_user_id__user_id__ref_users_',
      'unique_songplays_songplay_id',
    ]);
    const paths = sparkify(dir, ['ls', '--select', 'tag:dimension', '--indirect-selection', 'empty', '--output', 'path']).stdout.trim().split('\n');
    assert.deepEqual([...paths].sort(), [
      'models/dimensions/artists.sql', 'models/dimensions/songs.sql', 'models/dimensions/time.sql', 'models/dimensions/users.sql',
    ]);
    const json = sparkify(dir, ['ls', '--select', 'users', '--indirect-selection', 'empty', '--output', 'json']).stdout.trim();
    // dbt's ls --output json keys, taken from the node's manifest.json entry.
    const users = JSON.parse(json);
    assert.deepEqual(Object.keys(users).sort(), ['alias', 'config', 'depends_on', 'name', 'original_file_path', 'package_name', 'resource_type', 'tags', 'unique_id']);
    assert.deepEqual([users.unique_id, users.resource_type, users.original_file_path, users.config.materialized, users.tags],
      ['model.sparkify.users', 'model', 'models/dimensions/users.sql', 'table', ['dimension']]);
    const keys = sparkify(dir, ['ls', '--select', 'users', '--indirect-selection', 'empty', '--output', 'json', '--output-keys', 'unique_id', 'alias']).stdout.trim();
    assert.deepEqual(JSON.parse(keys), { unique_id: 'model.sparkify.users', alias: 'users' });
  });

  test('show previews a model, and runs inline SQL with ref()', () => {
    const table = sparkify(dir, ['show', '--select', 'users', '--limit', '3']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /\| user_id \| first_name/);
    assert.match(table.stdout, /\(3 rows\)/);
    const inline = sparkify(dir, ['show', '--inline', "select count(*)::int as n from {{ ref('songplays') }}", '--output', 'json']);
    assert.equal(inline.code, 0, inline.stderr);
    const [{ n }] = JSON.parse(inline.stdout);
    assert.ok(n > 0);
    const csv = sparkify(dir, ['show', '--inline', "select 'a,b' as x, 1 as y", '--output', 'csv']);
    assert.equal(csv.stdout, 'x,y\n"a,b",1\n');
  });

  test('clean removes target/, and the warehouse only when asked', () => {
    assert.equal(sparkify(dir, ['clean']).code, 0);
    assert.equal(existsSync(join(dir, 'target')), false);
    assert.equal(existsSync(join(dir, '.sparkify/dev')), true);
    assert.equal(sparkify(dir, ['clean', '--warehouse']).code, 0);
    assert.equal(existsSync(join(dir, '.sparkify/dev')), false);
  });

  test('--help works on every command', () => {
    for (const command of ['build', 'test', 'compile', 'ls', 'show', 'clean']) {
      const result = sparkify(dir, [command, '--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`Usage: sparkify ${command}`));
    }
  });
});

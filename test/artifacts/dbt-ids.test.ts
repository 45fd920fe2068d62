import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { genericTestHash } from '../../src/artifacts/dbt-ids.js';
import type { TestNode } from '../../src/manifest/test-node.js';
import { hashable, pythonRepr } from '../../src/artifacts/python-repr.js';
import { copyProject, sparkify } from '../e2e/helpers.js';

describe('node ids as dbt forms them', () => {
  let manifest: { nodes: Record<string, any>; sources: Record<string, any>; unit_tests: Record<string, any>; parent_map: Record<string, string[]>; child_map: Record<string, string[]>; macros: Record<string, any> };
  before(() => {
    const dir = copyProject({ withData: false });
    assert.equal(sparkify(dir, ['compile']).code, 0);
    manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
  });

  test('models, seeds, snapshots, sources and unit tests carry the project name', () => {
    const nodes = Object.keys(manifest.nodes).filter((id) => !id.startsWith('test.'));
    assert.deepEqual(nodes, [
      'model.sparkify.artists', 'model.sparkify.songplays', 'model.sparkify.songs', 'model.sparkify.time', 'model.sparkify.users',
      'seed.sparkify.subscription_levels', 'snapshot.sparkify.users_snapshot',
    ]);
    assert.deepEqual(Object.keys(manifest.sources), ['source.sparkify.sparkify.staging_events', 'source.sparkify.sparkify.staging_songs']);
    assert.deepEqual(Object.keys(manifest.unit_tests), [
      'unit_test.sparkify.songplays.incremental_adds_only_newer_plays', 'unit_test.sparkify.songplays.matched_and_unmatched_plays',
      'unit_test.sparkify.users.latest_level_wins',
    ]);
  });

  test('generic tests end in a 10-hex hash, singular tests do not', () => {
    const tests = Object.keys(manifest.nodes).filter((id) => id.startsWith('test.'));
    assert.equal(tests.length, 23);
    const unique = tests.find((id) => id.startsWith('test.sparkify.unique_users_user_id.'));
    assert.match(unique ?? '', /^test\.sparkify\.unique_users_user_id\.[0-9a-f]{10}$/);
    assert.ok(tests.includes('test.sparkify.every_next_song_event_is_a_songplay'), 'the singular test has no hash');
    const node = manifest.nodes[unique!];
    assert.equal(node.attached_node, 'model.sparkify.users');
    assert.equal(node.test_metadata.name, 'unique');
    assert.deepEqual(node.test_metadata.kwargs, { column_name: 'user_id', model: "{{ get_where_subquery(ref('users')) }}" });
  });

  test('parent_map and child_map are mirror images over dbt ids, sources included', () => {
    assert.deepEqual(manifest.parent_map['model.sparkify.users'], ['source.sparkify.sparkify.staging_events']);
    assert.deepEqual(manifest.parent_map['source.sparkify.sparkify.staging_events'], []);
    for (const [child, parents] of Object.entries(manifest.parent_map)) {
      for (const parent of parents) assert.ok(manifest.child_map[parent].includes(child), `${parent} → ${child}`);
    }
    const users = manifest.nodes['model.sparkify.users'];
    assert.deepEqual(users.depends_on.nodes, ['source.sparkify.sparkify.staging_events']);
    assert.deepEqual(users.sources, [['sparkify', 'staging_events']]);
    assert.match(users.raw_code, /source\('sparkify', 'staging_events'\)/);
    assert.match(users.compiled_code, /"public"\."staging_events"/);
    assert.equal(users.original_file_path, 'models/dimensions/users.sql');
    assert.equal(users.path, 'dimensions/users.sql');
    const songplays = manifest.nodes['model.sparkify.songplays'];
    assert.equal(songplays.config.materialized, 'incremental');
    assert.ok(songplays.config.unique_key, 'unique_key carried over');
    assert.equal(manifest.sources['source.sparkify.sparkify.staging_events'].meta.sparkify.load.jsonpaths.endsWith('log_json_path.json'), true);
  });
});

describe("a generic test's hash is dbt's", () => {
  test('repr follows CPython: sorted keys, single quotes unless the text holds one', () => {
    const repr = pythonRepr(hashable({ name: 'accepted_values', kwargs: { values: ['free', "it's", 1, true], model: 'x' }, namespace: null }));
    assert.equal(repr, `{'kwargs': {'model': 'x', 'values': ['free', "it's", '1', 'True']}, 'name': 'accepted_values', 'namespace': 'None'}`);
  });

  test('md5 of the name and the metadata, last 10 hex digits', () => {
    const test = { name: 'not_null_users_user_id', testName: 'not_null', attachedNode: 'model.users', columnName: 'user_id', args: {} } as unknown as TestNode;
    // md5("not_null_users_user_id{'kwargs': {'column_name': 'user_id', 'model': \"{{ get_where_subquery(ref('users')) }}\"}, 'name': 'not_null', 'namespace': 'None'}")
    assert.match(genericTestHash(test), /^[0-9a-f]{10}$/);
    const other = { ...test, columnName: 'level' } as TestNode;
    assert.notEqual(genericTestHash(other), genericTestHash(test));
  });
});

/** `sparkify lineage` through the real CLI on a copy of the Sparkify project: trees, JSON and errors; no warehouse opened. */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyProject, sparkify } from '../e2e/helpers.js';

const dir = copyProject({ withData: false });

test('songplays.user_id traces to staging_events.user_id through the plays CTE', () => {
  const result = sparkify(dir, ['lineage', 'songplays.user_id']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, [
    'songplays.user_id (model, upstream)',
    '├── sparkify.staging_events.user_id  passthrough via plays',
    '├── sparkify.staging_events.artist  join via plays',
    '├── sparkify.staging_events.length  join via plays',
    '├── sparkify.staging_events.page  filter via plays',
    '├── sparkify.staging_events.song  join via plays',
    '├── sparkify.staging_songs.artist_name  join via matched › song_keys',
    '├── sparkify.staging_songs.duration  join via matched › song_keys',
    '├── sparkify.staging_songs.song_id  join via matched',
    '├── sparkify.staging_songs.song_id  join via matched › song_keys',
    '└── sparkify.staging_songs.title  join via matched › song_keys',
    '',
  ].join('\n'));
  assert.equal(existsSync(join(dir, '.sparkify')), false, 'lineage opens no warehouse');
});

test('--no-indirect keeps the direct path only; a snapshot column traces through users to the source', () => {
  const result = sparkify(dir, ['lineage', 'users_snapshot.scd_id', '--no-indirect']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, [
    'users_snapshot.scd_id (snapshot, upstream)',
    '└── users.user_id  transform',
    '    └── sparkify.staging_events.user_id  passthrough via ranked',
    '',
  ].join('\n'));
});

test('staging_events.user_id --downstream lists the columns computed from it, transitively', () => {
  const result = sparkify(dir, ['lineage', 'staging_events.user_id', '--downstream', '--no-indirect']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, [
    'sparkify.staging_events.user_id (source, downstream)',
    '├── songplays.songplay_id  transform via plays',
    '├── songplays.user_id  passthrough via plays',
    '└── users.user_id  passthrough via ranked',
    '    ├── users_snapshot.user_id  passthrough',
    '    └── users_snapshot.scd_id  transform',
    '',
  ].join('\n'));
  const withFilters = sparkify(dir, ['lineage', 'source:sparkify.staging_events.user_id', '--downstream']);
  assert.match(withFilters.stdout, /^├── users\.first_name {2}filter via ranked$/m);
});

test('--output json is the tree with node ids', () => {
  const result = sparkify(dir, ['lineage', 'songplays.user_id', '--output', 'json', '--no-indirect']);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), {
    column: { node: 'model.songplays', column: 'user_id' },
    direction: 'upstream',
    steps: [{ column: { node: 'source.sparkify.staging_events', column: 'user_id' }, how: 'passthrough', via: ['plays'], steps: [], unresolved: [] }],
    unresolved: [],
  });
});

test('lineage --help shows its usage', () => {
  const result = sparkify(dir, ['lineage', '--help']);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^Usage: sparkify lineage \[options\] <column>$/m);
  assert.match(result.stdout, /--downstream/);
});

test('an unknown model, column or format, or a bare name, is an error with the near names', () => {
  const model = sparkify(dir, ['lineage', 'songplay.user_id']);
  assert.equal(model.code, 2);
  assert.equal(model.stderr, "error: no model, snapshot, seed or source is named 'songplay' [SPK802]\n  hint: did you mean 'songplays'?\n");
  const column = sparkify(dir, ['lineage', 'songplays.userid']);
  assert.equal(column.code, 2);
  assert.match(column.stderr, /^error: songplays has no column 'userid' \[SPK804\]\n {2}hint: did you mean 'user_id'\? \(its columns: songplay_id, start_time, user_id, level, song_id, artist_id, session_id, location, user_agent\)\n$/);
  assert.match(sparkify(dir, ['lineage', 'songplays']).stderr, /expected MODEL\.COLUMN, got 'songplays' \[SPK801\]/);
  assert.match(sparkify(dir, ['lineage', 'songplays.user_id', '--output', 'yaml']).stderr, /unknown --output 'yaml' \[SPK030\]\n {2}hint: use text or json/);
});

test('a model whose SQL does not parse is traced as far as it goes, with the parser\'s message', () => {
  writeFileSync(join(dir, 'models/bad.sql'), "select user_id from {{ ref('users') }} qualify true\n");
  const result = sparkify(dir, ['lineage', 'bad.user_id']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, [
    'bad.user_id (model, upstream)',
    '└── ? unresolved: model.bad could not be analysed: syntax error at or near "true" (compiled SQL line 1, column 46)',
    '',
  ].join('\n'));
});

test('a name that is both a model and a source table is ambiguous until written as a node id', () => {
  writeFileSync(join(dir, 'models/staging_events.sql'), "select user_id from {{ source('sparkify', 'staging_events') }}\n");
  const ambiguous = sparkify(dir, ['lineage', 'staging_events.user_id']);
  assert.equal(ambiguous.code, 2);
  assert.match(ambiguous.stderr, /'staging_events' names 2 nodes: model\.staging_events, source\.sparkify\.staging_events \[SPK803\]/);
  const byId = sparkify(dir, ['lineage', 'model.staging_events.user_id', '--output', 'json']);
  assert.equal(JSON.parse(byId.stdout).steps[0].column.node, 'source.sparkify.staging_events');
});

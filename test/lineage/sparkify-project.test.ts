/** The lineage of the repository's own Sparkify project, compiled for real: every column of the star schema resolved. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProjectContext } from '../../src/cli/project-context.js';
import { computeLineage, lineageInputFromManifest } from '../../src/lineage/index.js';
import { REPO_ROOT } from '../e2e/helpers.js';
import { columnsText, indirectText } from './helpers.js';

const { manifest } = loadProjectContext({ projectDir: REPO_ROOT }).compiled;
const lineage = computeLineage(lineageInputFromManifest(manifest));
const EVENTS = 'source.sparkify.staging_events';
const SONGS = 'source.sparkify.staging_songs';

test('songplays: user_id passes through the plays CTE from staging_events, the song keys come through matched', () => {
  assert.deepEqual(columnsText(lineage['model.songplays']), [
    ['songplay_id', [`${EVENTS}.item_in_session transform via plays`, `${EVENTS}.session_id transform via plays`, `${EVENTS}.ts transform via plays`, `${EVENTS}.user_id transform via plays`]],
    ['start_time', [`${EVENTS}.ts transform via plays`]],
    ['user_id', [`${EVENTS}.user_id passthrough via plays`]],
    ['level', [`${EVENTS}.level passthrough via plays`]],
    ['song_id', [`${SONGS}.song_id passthrough via matched`]],
    ['artist_id', [`${SONGS}.artist_id passthrough via matched`]],
    ['session_id', [`${EVENTS}.session_id passthrough via plays`]],
    ['location', [`${EVENTS}.location passthrough via plays`]],
    ['user_agent', [`${EVENTS}.user_agent transform via plays`]],
  ]);
  assert.deepEqual(indirectText(lineage['model.songplays']), [
    `${EVENTS}.artist join via plays`, `${EVENTS}.length join via plays`, `${EVENTS}.page filter via plays`, `${EVENTS}.song join via plays`,
    `${SONGS}.artist_name join via matched>song_keys`, `${SONGS}.duration join via matched>song_keys`, `${SONGS}.song_id join via matched`,
    `${SONGS}.song_id join via matched>song_keys`, `${SONGS}.title join via matched>song_keys`,
  ]);
});

test('artists renames and cleans the song files\' artist columns; users keeps the latest event per user', () => {
  assert.deepEqual(columnsText(lineage['model.artists']), [
    ['artist_id', [`${SONGS}.artist_id passthrough via ranked`]],
    ['name', [`${SONGS}.artist_name rename via ranked`]],
    ['location', [`${SONGS}.artist_location transform via ranked`]],
    ['latitude', [`${SONGS}.artist_latitude rename via ranked`]],
    ['longitude', [`${SONGS}.artist_longitude rename via ranked`]],
  ]);
  assert.deepEqual(indirectText(lineage['model.users']), [
    `${EVENTS}.item_in_session filter via ranked`, `${EVENTS}.session_id filter via ranked`, `${EVENTS}.ts filter via ranked`, `${EVENTS}.user_id filter via ranked`,
  ]);
});

test('the snapshot: its query\'s columns from users, scd_id from the unique key, the validity columns from no column', () => {
  assert.deepEqual(columnsText(lineage['snapshot.users_snapshot']), [
    ['user_id', ['model.users.user_id passthrough']],
    ['first_name', ['model.users.first_name passthrough']],
    ['last_name', ['model.users.last_name passthrough']],
    ['gender', ['model.users.gender passthrough']],
    ['level', ['model.users.level passthrough']],
    ['scd_id', ['model.users.user_id transform']],
    ['snapshot_updated_at', []],
    ['valid_from', []],
    ['valid_to', []],
  ]);
});

test('every model and snapshot parses and resolves every column; sources and seeds list theirs', () => {
  const problems = Object.values(lineage).flatMap((n) => [n.error ?? [], ...n.columns.flatMap((c) => c.unresolved)].flat());
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(lineage), [
    'model.artists', 'model.songplays', 'model.songs', 'model.time', 'model.users',
    'seed.subscription_levels', 'snapshot.users_snapshot', EVENTS, SONGS,
  ]);
  assert.deepEqual(lineage['seed.subscription_levels'].columns.map((c) => c.column), ['level', 'description', 'is_paying']);
});

test('columns the warehouse reports replace a source\'s declared ones', () => {
  const withCatalog = computeLineage(lineageInputFromManifest(manifest, { 'public.staging_songs': ['song_id', 'title'] }));
  assert.deepEqual(withCatalog[SONGS].columns.map((c) => c.column), ['song_id', 'title']);
  assert.match(columnsText(withCatalog['model.artists'])[0][1][0], /^\? column artist_id is not in scope/);
});

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadProject } from '../../src/project/index.js';

// Compiled to dist/test/project/, three levels below the repository root.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const eventColumns = [
  ['artist', 'varchar(512)'],
  ['auth', 'varchar(32)'],
  ['first_name', 'varchar(256)'],
  ['gender', 'varchar(8)'],
  ['item_in_session', 'integer'],
  ['last_name', 'varchar(256)'],
  ['length', 'double precision'],
  ['level', 'varchar(16)'],
  ['location', 'varchar(512)'],
  ['method', 'varchar(16)'],
  ['page', 'varchar(64)'],
  ['registration', 'double precision'],
  ['session_id', 'integer'],
  ['song', 'varchar(512)'],
  ['status', 'integer'],
  ['ts', 'bigint'],
  ['user_agent', 'varchar(512)'],
  ['user_id', 'integer'],
];

const songColumns = [
  ['num_songs', 'integer'],
  ['artist_id', 'varchar(32)'],
  ['artist_latitude', 'double precision'],
  ['artist_longitude', 'double precision'],
  ['artist_location', 'varchar(512)'],
  ['artist_name', 'varchar(512)'],
  ['song_id', 'varchar(32)'],
  ['title', 'varchar(512)'],
  ['duration', 'double precision'],
  ['year', 'integer'],
];

test("the repo's own project.yml defines dev, ci, pg and prod", () => {
  const project = loadProject(repoRoot, { env: {} });
  assert.equal(project.config.name, 'sparkify');
  assert.deepEqual(project.config.vars, { data_root: 'data' });
  assert.deepEqual(
    Object.values(project.config.targets).map((t) => [t.name, t.type]),
    [['dev', 'pglite'], ['ci', 'pglite'], ['pg', 'postgres'], ['prod', 'redshift']],
  );
  assert.equal(project.target.name, 'dev');
  const pg = project.config.targets.pg;
  assert.equal(pg.type === 'postgres' && pg.url, 'postgres://localhost:5432/sparkify');
  const prod = project.config.targets.prod;
  assert.equal(prod.type === 'redshift' && prod.configFile, 'dwh.cfg');
});

test("the repo's pg target takes SPARKIFY_PG_URL and its password becomes a secret", () => {
  const project = loadProject(repoRoot, { env: { SPARKIFY_PG_URL: 'postgres://me:pw1@db/x' }, targetName: 'pg' });
  assert.equal(project.target.type === 'postgres' && project.target.url, 'postgres://me:pw1@db/x');
  assert.deepEqual(project.secrets, ['pw1']);
});

test("the repo's sources.yml declares the two staging tables with their columns in JSONPaths order", () => {
  const { sources } = loadProject(repoRoot, { env: {} });
  const names = sources.map((s) => `${s.sourceName}.${s.name}`);
  assert.deepEqual(names, ['sparkify.staging_events', 'sparkify.staging_songs']);
  const [events, songs] = sources;
  assert.equal(events.columns.length, 18);
  assert.deepEqual(events.columns.map((c) => [c.name, c.type]), eventColumns);
  assert.equal(events.jsonpaths, 'data/log_json_path.json');
  assert.equal(events.location, 'data/log_data');
  assert.equal(events.timeformat, 'auto');
  assert.equal(songs.columns.length, 10);
  assert.deepEqual(songs.columns.map((c) => [c.name, c.type]), songColumns);
  assert.equal(songs.jsonpaths, 'auto');
  assert.equal(songs.location, 'data/song_data');
  for (const table of sources) {
    assert.ok(table.description, `${table.name} has a description`);
    assert.ok(table.columns.every((c) => c.description), `${table.name} columns have descriptions`);
  }
});

test('--vars data_root moves every source location', () => {
  const { sources } = loadProject(repoRoot, { env: {}, varsText: '{data_root: /mnt/sparkify}' });
  assert.deepEqual(sources.map((s) => s.location), ['/mnt/sparkify/log_data', '/mnt/sparkify/song_data']);
  assert.equal(sources[0].jsonpaths, '/mnt/sparkify/log_json_path.json');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, load } from './helpers.js';

const fullProject = lines(
  'name: shop', //                                           1
  'model-paths: [models, more_models]',
  'macro-paths: [macros]',
  'models:',
  '  materialized: view', //                                  5
  '  schema: analytics',
  '  tags: [nightly]',
  'vars:',
  '  data_root: data',
  '  limit: 10', //                                           10
  'default_target: local',
  'targets:',
  '  local:',
  '    type: pglite',
  '    path: .data/local', //                                 15
  '    schema: staging',
  '    threads: 1',
  '  pg:',
  '    type: postgres',
  '    host: db.example.com', //                              20
  '    port: 6543',
  '    database: shop',
  '    user: loader',
  '    password: hunter2',
  '    ssl: {rejectUnauthorized: true}', //                   25
  '    threads: 8',
  '  prod:',
  '    type: redshift',
  '    host: cluster.example.com',
  '    database: dwh', //                                     30
  '    user: admin',
  '    password: s3cret',
  '    iam_role: arn:aws:iam::1:role/r',
  '    region: us-west-2',
  '    config_file: dwh.cfg', //                              35
  '    ssl: true',
);

const fullSources = lines(
  'sources:', //                                              1
  '  - name: raw',
  '    schema: landing',
  '    description: Raw files',
  '    tables:', //                                           5
  '      - name: events',
  '        identifier: stg_events',
  '        description: App events',
  '        location: "{{ var(\'data_root\') }}/log_data"',
  '        jsonpaths: "{{ var(\'data_root\') }}/paths.json"', // 10
  '        maxerrors: 5',
  '        timeformat: epochmillisecs',
  '        truncatecolumns: true',
  '        tags: [staging, logs]',
  '        columns:', //                                      15
  '          - name: ts',
  '            type: bigint',
  '            description: Event time',
  '          - name: user_id',
  '            type: integer', //                             20
  '  - name: other',
  '    tables:',
  '      - name: songs',
  '        location: data/song_data',
  '        jsonpaths: AUTO', //                               25
  '        columns:',
  '          - {name: song_id, type: varchar(32)}',
);

test('a project with every field is read into typed config', () => {
  const project = load({ 'project.yml': fullProject, 'sources.yml': fullSources });
  const { config } = project;
  assert.equal(config.name, 'shop');
  assert.deepEqual(config.modelPaths, ['models', 'more_models']);
  assert.deepEqual(config.macroPaths, ['macros']);
  assert.deepEqual(config.modelDefaults, { materialized: 'view', schema: 'analytics', tags: ['nightly'] });
  assert.deepEqual(config.vars, { data_root: 'data', limit: 10 });
  assert.equal(config.defaultTarget, 'local');
  assert.deepEqual(Object.keys(config.targets), ['local', 'pg', 'prod']);
  assert.equal(project.target.name, 'local');
});

test('each target type keeps its fields, camelCased, with its position', () => {
  const { config } = load({ 'project.yml': fullProject });
  assert.deepEqual(config.targets.local, {
    name: 'local',
    type: 'pglite',
    path: '.data/local',
    schema: 'staging',
    threads: 1,
    position: { file: 'project.yml', line: 13, column: 3 },
  });
  assert.deepEqual(config.targets.pg, {
    name: 'pg',
    type: 'postgres',
    host: 'db.example.com',
    port: 6543,
    database: 'shop',
    user: 'loader',
    password: 'hunter2',
    ssl: { rejectUnauthorized: true },
    schema: 'public',
    threads: 8,
    position: { file: 'project.yml', line: 18, column: 3 },
  });
  assert.deepEqual(config.targets.prod, {
    name: 'prod',
    type: 'redshift',
    host: 'cluster.example.com',
    port: 5439,
    database: 'dwh',
    user: 'admin',
    password: 's3cret',
    iamRole: 'arn:aws:iam::1:role/r',
    region: 'us-west-2',
    configFile: 'dwh.cfg',
    ssl: true,
    schema: 'public',
    threads: 4,
    position: { file: 'project.yml', line: 27, column: 3 },
  });
});

test('source tables carry every field, rendered, with positions', () => {
  const { sources } = load({ 'project.yml': fullProject, 'sources.yml': fullSources });
  assert.equal(sources.length, 2);
  assert.deepEqual(sources[0], {
    sourceName: 'raw',
    name: 'events',
    schema: 'landing',
    identifier: 'stg_events',
    description: 'App events',
    location: 'data/log_data',
    jsonpaths: 'data/paths.json',
    maxerrors: 5,
    timeformat: 'epochmillisecs',
    truncatecolumns: true,
    tags: ['staging', 'logs'],
    columns: [
      {
        name: 'ts',
        type: 'bigint',
        description: 'Event time',
        position: { file: 'sources.yml', line: 16, column: 13 },
      },
      { name: 'user_id', type: 'integer', position: { file: 'sources.yml', line: 19, column: 13 } },
    ],
    position: { file: 'sources.yml', line: 6, column: 9 },
  });
});

test('table defaults: identifier = name, no schema, maxerrors 0, timeformat auto, jsonpaths auto normalized', () => {
  const { sources } = load({ 'project.yml': fullProject, 'sources.yml': fullSources });
  const songs = sources[1];
  assert.equal(songs.sourceName, 'other');
  assert.equal(songs.identifier, 'songs');
  assert.equal(songs.schema, undefined);
  assert.equal('schema' in songs, false);
  assert.equal(songs.maxerrors, 0);
  assert.equal(songs.timeformat, 'auto');
  assert.equal(songs.truncatecolumns, false);
  assert.deepEqual(songs.tags, []);
  assert.equal(songs.jsonpaths, 'auto');
  assert.deepEqual(songs.columns.map((c) => [c.name, c.type, c.position.line]), [['song_id', 'varchar(32)', 27]]);
});

test('a project with only a name gets every default and a dev PGlite target', () => {
  const project = load({});
  assert.deepEqual(project.config.modelPaths, ['models']);
  assert.deepEqual(project.config.macroPaths, ['macros']);
  assert.deepEqual(project.config.modelDefaults, { materialized: 'table', tags: [] });
  assert.deepEqual(project.config.vars, {});
  assert.equal(project.config.defaultTarget, 'dev');
  assert.deepEqual(Object.keys(project.config.targets), ['dev']);
  assert.equal(project.target.type, 'pglite');
  assert.equal(project.target.type === 'pglite' && project.target.path, '.sparkify/dev');
  assert.equal(project.target.schema, 'public');
  assert.equal(project.target.threads, 4);
  assert.deepEqual(project.sources, []);
  assert.deepEqual(project.secrets, []);
});

test('target defaults: pglite path is .sparkify/<name>, schema public, threads 4', () => {
  const projectYml = lines('name: demo', 'targets:', '  local:', '    type: pglite');
  const project = load({ 'project.yml': projectYml }, { targetName: 'local' });
  assert.deepEqual(project.target, {
    name: 'local',
    type: 'pglite',
    path: '.sparkify/local',
    schema: 'public',
    threads: 4,
    position: { file: 'project.yml', line: 3, column: 3 },
  });
});

test('config.root is the folder given', () => {
  const project = load({});
  assert.ok(project.config.root.includes('sparkify-project-'));
});

test('an empty or comment-only sources.yml means no sources', () => {
  assert.deepEqual(load({ 'sources.yml': '' }).sources, []);
  assert.deepEqual(load({ 'sources.yml': '# nothing yet\n' }).sources, []);
  assert.deepEqual(load({ 'sources.yml': 'sources: []\n' }).sources, []);
});

test('YAML anchors and aliases are followed', () => {
  const sources = lines(
    'sources:',
    '  - name: raw',
    '    tables:',
    '      - name: a',
    '        location: data/a',
    '        jsonpaths: auto',
    '        columns: &cols',
    '          - {name: id, type: integer}',
    '      - name: b',
    '        location: data/b',
    '        jsonpaths: auto',
    '        columns: *cols',
  );
  const [a, b] = load({ 'sources.yml': sources }).sources;
  assert.deepEqual(b.columns, a.columns);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, load, loadError, only, where } from './helpers.js';

const threeTargets = lines(
  'name: demo', //                                                 1
  'default_target: b',
  'targets:',
  '  a: {type: pglite}',
  '  b: {type: pglite}', //                                         5
  '  c: {type: pglite}',
);

test('target precedence: --target, then SPARKIFY_TARGET, then default_target, then dev', () => {
  const files = { 'project.yml': threeTargets };
  assert.equal(load(files, { targetName: 'a', env: { SPARKIFY_TARGET: 'c' } }).target.name, 'a');
  assert.equal(load(files, { env: { SPARKIFY_TARGET: 'c' } }).target.name, 'c');
  assert.equal(load(files).target.name, 'b');
  assert.equal(load(files, { targetName: '', env: { SPARKIFY_TARGET: '' } }).target.name, 'b');
  const noDefault = lines('name: demo', 'targets:', '  x: {type: pglite}', '  dev: {type: pglite}');
  assert.equal(load({ 'project.yml': noDefault }).target.name, 'dev');
});

test('an unknown --target lists the defined targets and suggests the closest', () => {
  const diagnostic = only(loadError({ 'project.yml': threeTargets }, { targetName: 'bb' }));
  assert.equal(diagnostic.code, 'SPK016');
  assert.equal(diagnostic.message, "target 'bb' (from --target) is not defined in project.yml");
  assert.deepEqual(diagnostic.location, { file: 'project.yml', line: 3, column: 1 });
  assert.equal(diagnostic.hint, "did you mean 'b'? (defined targets: a, b, c)");
});

test('an unknown SPARKIFY_TARGET says where the name came from', () => {
  const diagnostic = only(loadError({ 'project.yml': threeTargets }, { env: { SPARKIFY_TARGET: 'production' } }));
  assert.equal(diagnostic.message, "target 'production' (from SPARKIFY_TARGET) is not defined in project.yml");
  assert.equal(diagnostic.hint, 'defined targets: a, b, c');
});

test('an unknown default_target points at its value', () => {
  const project = lines('name: demo', 'default_target: stagng', 'targets:', '  staging: {type: pglite}');
  const diagnostic = only(loadError({ 'project.yml': project }));
  assert.deepEqual(diagnostic.location, { file: 'project.yml', line: 2, column: 17 });
  assert.equal(diagnostic.hint, "did you mean 'staging'? (defined targets: staging)");
});

const secretsProject = lines(
  'name: demo',
  'targets:',
  '  dev: {type: pglite}',
  '  pg:',
  '    type: postgres', //                                           5
  "    url: \"{{ env_var('PG_URL', 'postgres://app:p%40ss@db:5432/shop') }}\"",
  '  pg2:',
  '    type: postgres',
  '    host: db',
  '    password: plain-secret', //                                  10
  '    ssl: {key: PRIVATE-KEY, ca: PUBLIC-CA}',
  '  rs:',
  '    type: redshift',
  '    host: cluster',
  "    password: \"{{ env_var('RS_PASSWORD') }}\"", //              15
);

test('passwords, URL passwords (raw and decoded) and TLS keys are collected as secrets', () => {
  const project = load({ 'project.yml': secretsProject }, { env: { RS_PASSWORD: 'from-env' } });
  assert.deepEqual(project.secrets, ['p%40ss', 'p@ss', 'plain-secret', 'PRIVATE-KEY', 'from-env']);
});

test('targets that are not selected may have unset env vars; their values are left out', () => {
  const project = load({ 'project.yml': secretsProject });
  assert.equal(project.target.name, 'dev');
  assert.equal(project.config.targets.rs.type === 'redshift' && project.config.targets.rs.password, undefined);
  assert.ok(!project.secrets.includes("{{ env_var('RS_PASSWORD') }}"));
});

test('the selected target must render: an unset env var there is SPK003', () => {
  const error = loadError({ 'project.yml': secretsProject }, { targetName: 'rs' });
  assert.deepEqual(where(error), ['SPK003 project.yml:15']);
});

test('unknown keys and unknown types are errors in every target, selected or not', () => {
  const project = lines(
    'name: demo',
    'targets:',
    '  dev: {type: pglite}',
    '  pg:',
    '    type: postgres', //                                          5
    '    hots: db',
    '  other:',
    '    type: postgress',
    '  rs:',
    '    type: redshift', //                                          10
    '    url: postgres://x',
  );
  const error = loadError({ 'project.yml': project });
  assert.deepEqual(where(error), ['SPK014 project.yml:6', 'SPK015 project.yml:8', 'SPK014 project.yml:11']);
  assert.equal(error.diagnostics[0].message, "unknown key `hots` in target 'pg'");
  assert.equal(error.diagnostics[0].hint, 'did you mean `host`?');
  assert.equal(error.diagnostics[1].message, "unknown target type 'postgress' in target 'other'");
  assert.equal(error.diagnostics[1].hint, "did you mean 'postgres'?");
});

test('a target without type, or empty, is SPK012 at the target name', () => {
  const project = lines('name: demo', 'targets:', '  dev:', '    schema: x', '  pg:');
  assert.deepEqual(where(loadError({ 'project.yml': project })), ['SPK012 project.yml:3', 'SPK012 project.yml:5']);
});

test('the selected postgres target needs url or host; a bad URL is SPK018 without echoing it', () => {
  const base = ['name: demo', 'default_target: pg', 'targets:', '  pg:', '    type: postgres'];
  assert.deepEqual(where(loadError({ 'project.yml': lines(...base) })), ['SPK012 project.yml:4']);
  const badUrl = loadError({ 'project.yml': lines(...base, '    url: mysql://u:pw@h/db') });
  assert.deepEqual(where(badUrl), ['SPK018 project.yml:6']);
  assert.doesNotMatch(badUrl.message, /pw/);
  const both = loadError({ 'project.yml': lines(...base, '    url: postgres://h/db', '    host: h') });
  assert.deepEqual(where(both), ['SPK018 project.yml:7']);
});

test('the selected redshift target needs host or config_file; port defaults to 5439', () => {
  const base = ['name: demo', 'default_target: rs', 'targets:', '  rs:', '    type: redshift'];
  assert.deepEqual(where(loadError({ 'project.yml': lines(...base) })), ['SPK012 project.yml:4']);
  // The port now defaults also when it would come from a config file that does not exist (test/redshift covers DB_PORT).
  const fromFile = load({ 'project.yml': lines(...base, '    config_file: dwh.cfg') }).target;
  assert.equal(fromFile.type === 'redshift' && fromFile.port, 5439);
  const withHost = load({ 'project.yml': lines(...base, '    host: c', '    port: 5440') }).target;
  assert.equal(withHost.type === 'redshift' && withHost.port, 5440);
});

test('wrong types in targets: threads, port, ssl', () => {
  const project = lines(
    'name: demo',
    'targets:',
    '  dev:',
    '    type: postgres',
    '    host: h', //                                                 5
    '    threads: 0',
    '    port: "5432"',
    '    ssl: maybe',
  );
  const error = loadError({ 'project.yml': project });
  assert.deepEqual(where(error), ['SPK018 project.yml:6', 'SPK013 project.yml:7', 'SPK013 project.yml:8']);
  assert.equal(error.diagnostics[0].message, "`threads` in target 'dev': expected a positive integer, got 0");
  const portMessage = "`port` in target 'dev': expected an integer from 1 to 65535, got a string";
  assert.equal(error.diagnostics[1].message, portMessage);
});

test('numbers and booleans produced by templates are converted', () => {
  const project = lines(
    'name: demo',
    'targets:',
    '  dev:',
    '    type: postgres',
    '    host: h',
    "    port: \"{{ env_var('PORT', '5433') }}\"",
    "    ssl: \"{{ env_var('SSL', 'false') }}\"",
    "    threads: \"{{ env_var('THREADS', 2) }}\"",
  );
  const target = load({ 'project.yml': project }).target;
  assert.equal(target.type === 'postgres' && target.port, 5433);
  assert.equal(target.type === 'postgres' && target.ssl, false);
  assert.equal(target.threads, 2);
});

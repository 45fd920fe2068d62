import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { parseVars } from '../../src/project/index.js';
import { lines, load, loadError, only, where } from './helpers.js';

const projectWithVars = lines(
  'name: demo',
  'vars:',
  '  data_root: data',
  '  batch: 100',
  '  nested: {a: 1}',
);

const oneTable = (location: string) =>
  lines(
    'sources:',
    '  - name: raw',
    '    tables:',
    '      - name: events',
    `        location: "${location}"`,
    '        jsonpaths: auto',
    '        columns: [{name: id, type: integer}]',
  );

test('parseVars reads YAML and JSON mappings', () => {
  assert.deepEqual(parseVars('{data_root: other, n: 3}'), { data_root: 'other', n: 3 });
  assert.deepEqual(parseVars('{"data_root": "other", "list": [1, 2]}'), { data_root: 'other', list: [1, 2] });
  assert.deepEqual(parseVars('data_root: other\nflag: true'), { data_root: 'other', flag: true });
  assert.deepEqual(parseVars('  '), {});
});

test('parseVars rejects text that is not a mapping with SPK002', () => {
  for (const text of ['data_root=other', '[1, 2]', '42', '{data_root: other']) {
    assert.throws(
      () => parseVars(text),
      (error: unknown) =>
        error instanceof SparkifyError && error.diagnostics[0].code === 'SPK002' && error.exitCode === 2,
      text,
    );
  }
  assert.throws(() => parseVars('data_root=other'), /--vars must be a mapping of names to values, got a string/);
  assert.throws(() => parseVars('{data_root: other'), /--vars is not valid YAML or JSON/);
});

test('--vars (YAML) is merged over project vars key by key', () => {
  const project = load({ 'project.yml': projectWithVars }, { varsText: '{data_root: /mnt/big, extra: x}' });
  assert.deepEqual(project.config.vars, { data_root: '/mnt/big', batch: 100, nested: { a: 1 }, extra: 'x' });
});

test('--vars (JSON) is merged too, and reaches sources.yml', () => {
  const files = { 'project.yml': projectWithVars, 'sources.yml': oneTable("{{ var('data_root') }}/log_data") };
  const project = load(files, { varsText: '{"data_root": "s3like"}' });
  assert.equal(project.config.vars.data_root, 's3like');
  assert.equal(project.sources[0].location, 's3like/log_data');
});

test('an invalid --vars stops loading with SPK002', () => {
  const error = loadError({ 'project.yml': projectWithVars }, { varsText: '[1]' });
  assert.equal(only(error).code, 'SPK002');
});

test('var() with a default falls back to it; known vars win over the default', () => {
  const location = "{{ var('missing', 'fallback') }}/{{ var('data_root', 'x') }}";
  const files = { 'project.yml': projectWithVars, 'sources.yml': oneTable(location) };
  assert.equal(load(files).sources[0].location, 'fallback/data');
});

test('an unknown var() without default is SPK004 at its line, suggesting the closest var', () => {
  const files = { 'project.yml': projectWithVars, 'sources.yml': oneTable("{{ var('data_rot') }}/log_data") };
  const diagnostic = only(loadError(files));
  assert.equal(diagnostic.code, 'SPK004');
  assert.deepEqual(diagnostic.location, { file: 'sources.yml', line: 5, column: 19 });
  assert.match(diagnostic.message, /var\('data_rot'\) is not defined/);
  assert.equal(diagnostic.hint, "did you mean 'data_root'?");
  assert.equal(diagnostic.node, 'source.raw.events');
});

test('project vars may use env_var; a --vars override skips the overridden var entirely', () => {
  const project = lines('name: demo', 'vars:', "  data_root: \"{{ env_var('DATA_ROOT') }}\"");
  assert.equal(load({ 'project.yml': project }, { env: { DATA_ROOT: '/data' } }).config.vars.data_root, '/data');
  assert.deepEqual(where(loadError({ 'project.yml': project })), ['SPK003 project.yml:3']);
  assert.equal(load({ 'project.yml': project }, { varsText: 'data_root: here' }).config.vars.data_root, 'here');
});

test('var() inside vars is refused with a clear message', () => {
  const project = lines('name: demo', 'vars:', '  a: x', "  b: \"{{ var('a') }}\"");
  const diagnostic = only(loadError({ 'project.yml': project }));
  assert.equal(diagnostic.code, 'SPK005');
  assert.equal(diagnostic.location?.line, 4);
  assert.match(diagnostic.message, /cannot be used inside vars/);
});

test('vars can be used in project.yml values such as target paths', () => {
  const project = lines(
    'name: demo',
    'vars: {dir: .db}',
    'targets:',
    '  dev:',
    '    type: pglite',
    "    path: \"{{ var('dir') }}/dev\"",
  );
  const loaded = load({ 'project.yml': project });
  assert.equal(loaded.target.type === 'pglite' && loaded.target.path, '.db/dev');
});

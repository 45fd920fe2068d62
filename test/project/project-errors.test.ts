import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/index.js';
import { lines, loadError, only, where } from './helpers.js';
import { tempDir } from '../support/temp-dir.js';

test('a missing project.yml is SPK001 with a hint about the project root', () => {
  const root = tempDir('sparkify-empty-');
  assert.throws(
    () => loadProject(root, { env: {} }),
    (error: unknown) => {
      assert.ok(error instanceof SparkifyError);
      const [diagnostic] = error.diagnostics;
      assert.equal(diagnostic.code, 'SPK001');
      assert.equal(diagnostic.message, `no project.yml in ${root}`);
      assert.match(diagnostic.hint ?? '', /project root .*--project-dir/);
      return error.exitCode === 2;
    },
  );
});

test('YAML syntax errors are SPK010 at their line, with a one-line message', () => {
  const project = lines('name: demo', 'vars:', '  a: 1', ' b: 2', 'targets: {}');
  const diagnostic = only(loadError({ 'project.yml': project }));
  assert.equal(diagnostic.code, 'SPK010');
  assert.equal(diagnostic.location?.file, 'project.yml');
  assert.equal(diagnostic.location?.line, 4);
  assert.match(diagnostic.message, /^invalid YAML: /);
  assert.doesNotMatch(diagnostic.message, /\n|at line/);
});

test('an unclosed bracket is reported on the last written line, not past the end of file', () => {
  const diagnostic = only(loadError({ 'project.yml': lines('name: demo', 'model-paths: [models') }));
  assert.equal(diagnostic.code, 'SPK010');
  assert.equal(diagnostic.location?.line, 2);
});

test('duplicate keys are a YAML error at the repeated key', () => {
  const error = loadError({ 'project.yml': lines('name: a', 'vars: {}', 'name: b') });
  assert.deepEqual(where(error), ['SPK010 project.yml:3']);
});

test('a project.yml that is not a mapping is SPK011', () => {
  const list = only(loadError({ 'project.yml': lines('- name: demo') }));
  assert.equal(list.code, 'SPK011');
  assert.equal(list.message, 'project.yml must be a mapping of settings, got a list');
  const empty = only(loadError({ 'project.yml': '' }));
  assert.equal(empty.message, 'project.yml must be a mapping of settings, got an empty file');
});

test('a missing name is SPK012 at the top of the file', () => {
  const diagnostic = only(loadError({ 'project.yml': lines('# my project', 'vars: {}') }));
  assert.equal(diagnostic.code, 'SPK012');
  assert.equal(diagnostic.message, 'missing `name` in project.yml (expected a non-empty string)');
  assert.deepEqual(diagnostic.location, { file: 'project.yml', line: 2, column: 1 });
});

test('unknown keys are SPK014 with a did-you-mean hint', () => {
  const project = lines('name: demo', 'model_paths: [models]', 'models:', '  materialised: view', 'colour: blue');
  const error = loadError({ 'project.yml': project });
  assert.deepEqual(where(error), ['SPK014 project.yml:2', 'SPK014 project.yml:4', 'SPK014 project.yml:5']);
  assert.equal(error.diagnostics[0].hint, 'did you mean `model-paths`?');
  assert.equal(error.diagnostics[1].message, 'unknown key `materialised` in models');
  assert.equal(error.diagnostics[1].hint, 'did you mean `materialized`?');
  assert.match(error.diagnostics[2].hint ?? '', /^allowed keys: name, model-paths/);
});

test('wrong types are SPK013 naming what was expected and what was found', () => {
  const project = lines(
    'name: demo', //                                   1
    'model-paths: models',
    'models: table',
    'vars: [a, b]',
    'targets: dev', //                                  5
  );
  const error = loadError({ 'project.yml': project });
  assert.deepEqual(where(error), [
    'SPK013 project.yml:2',
    'SPK013 project.yml:3',
    'SPK013 project.yml:4',
    'SPK013 project.yml:5',
  ]);
  const messages = error.diagnostics.map((d) => d.message);
  assert.ok(messages.includes('`model-paths` in project.yml: expected a list of strings, got a string'));
  assert.ok(messages.includes('`targets` in project.yml: expected a mapping, got a string'));
});

test('a project name that is not an identifier is SPK018', () => {
  const diagnostic = only(loadError({ 'project.yml': lines('name: my-shop') }));
  assert.equal(diagnostic.code, 'SPK018');
  assert.equal(diagnostic.hint, 'use letters, digits and underscores, e.g. my_shop');
});

test('every problem of project.yml is reported at once', () => {
  const project = lines(
    'nme: demo', //                                     1
    'targets:',
    '  dev:',
    '    type: pglite',
    '    threads: many', //                             5
    '    paht: x',
  );
  const error = loadError({ 'project.yml': project });
  assert.deepEqual(where(error), [
    'SPK014 project.yml:1',
    'SPK012 project.yml:1',
    'SPK013 project.yml:5',
    'SPK014 project.yml:6',
  ]);
  assert.equal(error.exitCode, 2);
  const firstTwoLines = error.message.split('\n').slice(0, 2);
  assert.deepEqual(firstTwoLines, [
    'project.yml:1:1: unknown key `nme` in project.yml [SPK014]',
    '  hint: did you mean `name`?',
  ]);
});

test('project.yml problems stop before sources.yml is read', () => {
  const error = loadError({ 'project.yml': lines('name: demo', 'bogus: 1'), 'sources.yml': 'sources: nope\n' });
  assert.deepEqual(where(error), ['SPK014 project.yml:2']);
});

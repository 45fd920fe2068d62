/**
 * Issue 14: an empty selector is a usage error; a selection or exclusion that leaves nothing is
 * an error (exit 2); `resource_type:` means exactly that type; a bare `*` is every node.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, selectNodes } from '../../src/graph/index.js';
import { diagnosticsOf } from './expect-error.js';
import { SPARKIFY_ORDER, sparkifyNodes } from './sparkify-graph.js';
import { copyProject, sparkify } from '../e2e/helpers.js';

const graph = buildGraph(sparkifyNodes());

test("--select '' and --exclude ' ' are usage errors (SPK213), never everything or nothing", () => {
  for (const [select, exclude, flag] of [[[''], undefined, '--select'], [['  '], undefined, '--select'], [undefined, [' '], '--exclude']] as const) {
    const [diagnostic] = diagnosticsOf(() => selectNodes(graph, select as string[] | undefined, exclude as string[] | undefined));
    assert.equal(diagnostic.code, 'SPK213');
    assert.equal(diagnostic.message, `${flag} '' is not a valid selector: it is empty`);
  }
});

test("a bare '*' selects every node, sources too: --exclude '*' leaves nothing (SPK212)", () => {
  assert.deepEqual(selectNodes(graph, ['*'], undefined), SPARKIFY_ORDER);
  const [diagnostic] = diagnosticsOf(() => selectNodes(graph, undefined, ['*']));
  assert.equal(diagnostic.code, 'SPK212');
  assert.match(diagnostic.message, /--exclude '\*' removes every node/);
});

test('the README example: tag:dimension,+users_snapshot is the dimensions users_snapshot reads', () => {
  const nodes = sparkifyNodes();
  const withSnapshot = buildGraph([...nodes, { id: 'snapshot.users_snapshot', kind: 'snapshot', name: 'users_snapshot', path: 'snapshots/users_snapshot.sql', tags: [], dependsOn: ['model.users'] }]);
  assert.deepEqual(selectNodes(withSnapshot, ['tag:dimension,+users_snapshot'], undefined), ['model.users']);
});

test('through the CLI: ls --select resource_type:model lists models only, resource_type:unit_test unit tests only, and build --exclude "*" exits 2', () => {
  const dir = copyProject({ withData: false });
  const models = sparkify(dir, ['ls', '--select', 'resource_type:model']);
  assert.equal(models.code, 0, models.stderr);
  assert.deepEqual(models.stdout.trim().split('\n'), ['artists', 'songplays', 'songs', 'time', 'users']);
  const unit = sparkify(dir, ['ls', '--select', 'resource_type:unit_test', '--output', 'json']);
  assert.deepEqual(unit.stdout.trim().split('\n').map((line) => JSON.parse(line).resource_type), ['unit_test', 'unit_test', 'unit_test']);
  const tests = sparkify(dir, ['ls', '--select', 'resource_type:model,tag:dimension', 'users_snapshot']);
  assert.deepEqual(tests.stdout.trim().split('\n').slice(0, 4), ['artists', 'songs', 'time', 'users']);
  assert.match(tests.stdout, /not_null_users_snapshot_user_id/, 'a selector without resource_type still brings its tests');
  const empty = sparkify(dir, ['build', '--select', '']);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /--select '' is not a valid selector: it is empty \[SPK213\]/);
  const everything = sparkify(dir, ['build', '--exclude', '*']);
  assert.equal(everything.code, 2);
  assert.match(everything.stderr, /SPK212/);
  assert.doesNotMatch(everything.stdout, /of \d+ OK/);
});

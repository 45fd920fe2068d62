import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectNodes, testGates, testsAfterParents } from '../../src/graph/index.js';
import { onlyUnitTests, unitTestsBeforeModels, withUnitTestGates } from '../../src/unit-tests/unit-test-order.js';
import { compileUnit, lines } from './fixture.js';

const compiled = compileUnit({
  'models/schema.yml': lines(
    'models:',
    '  - name: users',
    '    columns:',
    '      - {name: user_id, data_tests: [not_null]}',
    'unit_tests:',
    '  - {name: keeps_ids, model: users, given: [], expect: {rows: []}}',
    "  - {name: paid_only, model: plays, config: {tags: [fast]}, given: [{input: \"ref('users')\", rows: []}], expect: {rows: []}}",
  ),
  'tests/no_ghosts.sql': "select * from {{ ref('users') }} where user_id < 0\n",
});
const { graph } = compiled;
const select = (...selectors: string[]) => selectNodes(graph, selectors, [], 'eager').sort();

describe('selecting unit tests', () => {
  test('test_type:unit and resource_type:unit_test select them, test_type:data and resource_type:test do not', () => {
    assert.deepEqual(select('test_type:unit'), ['unit_test.plays.paid_only', 'unit_test.users.keeps_ids']);
    assert.deepEqual(select('resource_type:unit_test'), ['unit_test.plays.paid_only', 'unit_test.users.keeps_ids']);
    assert.deepEqual(select('test_type:data'), ['test.no_ghosts', 'test.not_null_users_user_id']);
    assert.deepEqual(select('resource_type:test'), ['test.no_ghosts', 'test.not_null_users_user_id']);
    assert.deepEqual(select('test_type:generic'), ['test.not_null_users_user_id']);
  });

  test('selecting a model selects its unit tests (not those of its children); by name and tag too', () => {
    assert.deepEqual(select('users'), ['model.users', 'test.no_ghosts', 'test.not_null_users_user_id', 'unit_test.users.keeps_ids']);
    assert.deepEqual(select('+plays').filter((id) => id.startsWith('unit_test.')), ['unit_test.plays.paid_only', 'unit_test.users.keeps_ids']);
    assert.deepEqual(selectNodes(graph, ['users'], [], 'empty'), ['model.users']);
    assert.deepEqual(select('paid_only'), ['unit_test.plays.paid_only']);
    assert.deepEqual(select('tag:fast'), ['unit_test.plays.paid_only']);
    assert.deepEqual(selectNodes(graph, ['test_type:unit'], ['plays'], 'eager'), ['unit_test.users.keeps_ids']);
  });

  test('build runs each unit test right before its model, and the model waits for it', () => {
    const ids = selectNodes(graph, ['+plays'], [], 'eager');
    const order = unitTestsBeforeModels(graph, testsAfterParents(graph, ids));
    assert.deepEqual(order, [
      'source.raw.events', 'unit_test.users.keeps_ids', 'model.users', 'test.no_ghosts', 'test.not_null_users_user_id',
      'unit_test.plays.paid_only', 'model.plays',
    ]);
    const gates = withUnitTestGates(graph, ids, testGates(graph, ids));
    assert.deepEqual(gates.get('model.users'), ['unit_test.users.keeps_ids']);
    assert.deepEqual(gates.get('model.plays')?.sort(), ['test.no_ghosts', 'test.not_null_users_user_id', 'unit_test.plays.paid_only']);
    assert.equal(gates.has('unit_test.plays.paid_only'), false);
  });

  test('a run of unit tests only needs no warehouse', () => {
    assert.equal(onlyUnitTests(graph, select('test_type:unit')), true);
    assert.equal(onlyUnitTests(graph, select('users')), false);
  });
});

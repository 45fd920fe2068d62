import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, testGates, testsAfterParents, topologicalOrder, type GraphNode } from '../../src/graph/index.js';
import { model, source } from './sparkify-graph.js';

function dataTest(name: string, dependsOn: string[]): GraphNode {
  return { id: `test.${name}`, kind: 'test', name, path: 'models/schema.yml', line: 1, tags: [], testType: 'generic', dependsOn };
}

// staging → users → report; songplays reads staging only; a relationships test joins songplays to users.
const graph = buildGraph([
  source('raw', 'staging', 1),
  model('users', 'models/users.sql', ['source.raw.staging']),
  model('songplays', 'models/songplays.sql', ['source.raw.staging']),
  model('report', 'models/report.sql', ['model.users', 'model.songplays']),
  dataTest('unique_users_id', ['model.users']),
  dataTest('relationships_songplays_user_id', ['model.songplays', 'model.users']),
  dataTest('not_null_report_id', ['model.report']),
]);
const all = topologicalOrder(graph);

test("a node waits for the tests on its parents, unless that would need the test's other parents first", () => {
  assert.deepEqual(Object.fromEntries(testGates(graph, all)), {
    'model.report': ['test.relationships_songplays_user_id', 'test.unique_users_id'],
  });
  // Without report selected nothing is gated; songplays never waits for the relationships test (a cycle).
  assert.deepEqual([...testGates(graph, all.filter((id) => id !== 'model.report')).keys()], []);
});

test("build order puts each test right after the last of its selected parents", () => {
  assert.deepEqual(testsAfterParents(graph, all), [
    'source.raw.staging',
    'model.songplays',
    'model.users',
    'test.relationships_songplays_user_id',
    'test.unique_users_id',
    'model.report',
    'test.not_null_report_id',
  ]);
  assert.deepEqual(testsAfterParents(graph, ['model.songplays', 'test.relationships_songplays_user_id', 'test.unique_users_id']), [
    'test.unique_users_id', 'model.songplays', 'test.relationships_songplays_user_id',
  ], 'a test without a selected parent comes first');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ancestors, buildGraph, descendants, topologicalOrder } from '../../src/graph/index.js';
import { diagnosticsOf } from './expect-error.js';
import { model, SPARKIFY_ORDER, sparkifyNodes } from './sparkify-graph.js';

test('orders the Sparkify graph parents first, by generation then id', () => {
  assert.deepEqual(topologicalOrder(buildGraph(sparkifyNodes())), SPARKIFY_ORDER);
});

test('the order does not depend on the order nodes are listed in', () => {
  const nodes = sparkifyNodes();
  const shuffled = [nodes[7], nodes[2], nodes[9], nodes[0], nodes[5], nodes[1], nodes[8], nodes[3], nodes[6], nodes[4]];
  assert.deepEqual(buildGraph([...nodes].reverse()).order, SPARKIFY_ORDER);
  assert.deepEqual(buildGraph(shuffled).order, SPARKIFY_ORDER);
});

test('parents and children are deduplicated and sorted by id', () => {
  const nodes = sparkifyNodes();
  nodes[6].dependsOn.push('model.songs');
  const graph = buildGraph(nodes);
  assert.deepEqual(graph.parents.get('model.songplays'), [
    'model.artists',
    'model.songs',
    'source.sparkify.staging_events',
    'source.sparkify.staging_songs',
  ]);
  const eventsChildren = graph.children.get('source.sparkify.staging_events');
  assert.deepEqual(eventsChildren, ['model.songplays', 'model.time', 'model.users']);
  assert.deepEqual(graph.children.get('model.weekly_report'), []);
});

test('topologicalOrder sorts a subset and rejects unknown ids', () => {
  const graph = buildGraph(sparkifyNodes());
  const subset = ['model.weekly_report', 'model.users', 'source.sparkify.staging_songs', 'model.users'];
  const ordered = ['source.sparkify.staging_songs', 'model.users', 'model.weekly_report'];
  assert.deepEqual(topologicalOrder(graph, subset), ordered);
  assert.throws(() => topologicalOrder(graph, ['model.nope']), /unknown node id 'model\.nope'/);
});

test('ancestors and descendants exclude the node itself and honour depth', () => {
  const graph = buildGraph(sparkifyNodes());
  assert.deepEqual([...ancestors(graph, 'model.user_activity')].sort(), [
    'model.artists',
    'model.songplays',
    'model.songs',
    'model.users',
    'source.sparkify.staging_events',
    'source.sparkify.staging_songs',
  ]);
  assert.deepEqual([...ancestors(graph, 'model.user_activity', 1)].sort(), ['model.songplays', 'model.users']);
  assert.deepEqual([...descendants(graph, 'model.songs', 2)].sort(), ['model.songplays', 'model.user_activity']);
  assert.deepEqual([...descendants(graph, 'model.songs', 0)], []);
  assert.deepEqual([...descendants(graph, 'model.calendar')], []);
  assert.throws(() => ancestors(graph, 'model.nope'), /unknown node id/);
});

test('a cycle is reported as the whole chain, starting at its alphabetically first node', () => {
  const nodes = sparkifyNodes();
  nodes[2].dependsOn.push('model.songplays'); // users refs songplays
  nodes[6].dependsOn.push('model.users'); // and songplays refs users
  const diagnostics = diagnosticsOf(() => buildGraph(nodes));
  assert.deepEqual(diagnostics, [
    {
      code: 'SPK201',
      message:
        'dependency cycle: songplays (models/facts/songplays.sql) → users (models/dimensions/users.sql) → ' +
        'songplays (models/facts/songplays.sql)',
      location: { file: 'models/facts/songplays.sql' },
      node: 'model.songplays',
      hint:
        'each arrow points to a node that refs the one before it; remove one of these refs, ' +
        "e.g. ref('users') in songplays (models/facts/songplays.sql)",
    },
  ]);
});

test('a longer cycle shows every node, and nodes merely downstream of it are left out', () => {
  const nodes = [
    model('c', 'models/c.sql', ['model.b']),
    model('a', 'models/a.sql', ['model.c']),
    model('b', 'models/b.sql', ['model.a']),
    model('tail', 'models/tail.sql', ['model.a']),
    model('head', 'models/head.sql', []),
  ];
  const [cycle] = diagnosticsOf(() => buildGraph(nodes));
  const chain = 'a (models/a.sql) → b (models/b.sql) → c (models/c.sql) → a (models/a.sql)';
  assert.equal(cycle.message, `dependency cycle: ${chain}`);
});

test('every problem is reported at once: two cycles, a self-reference, a dangling parent, a duplicate', () => {
  const nodes = [
    model('a', 'models/a.sql', ['model.b']),
    model('b', 'models/b.sql', ['model.a']),
    model('x', 'models/x.sql', ['model.y']),
    model('y', 'models/y.sql', ['model.x', 'model.a']),
    model('self', 'models/self.sql', ['model.self']),
    model('users', 'models/users.sql', ['model.usres']),
    model('users', 'models/other/users.sql', []),
  ];
  const diagnostics = diagnosticsOf(() => buildGraph(nodes));
  assert.deepEqual(
    diagnostics.map((d) => `${d.code} ${d.message}`),
    [
      'SPK203 users is declared twice: models/users.sql and models/other/users.sql',
      "SPK202 users (models/users.sql) depends on 'model.usres', which is not a node of the project",
      'SPK201 dependency cycle: a (models/a.sql) → b (models/b.sql) → a (models/a.sql)',
      'SPK201 dependency cycle: self (models/self.sql) → self (models/self.sql)',
      'SPK201 dependency cycle: x (models/x.sql) → y (models/y.sql) → x (models/x.sql)',
    ],
  );
  assert.equal(diagnostics[1].hint, "did you mean 'model.users'?");
  assert.deepEqual(diagnostics[1].location, { file: 'models/users.sql' });
});

test('the shortest cycle through the first node is reported when several share it', () => {
  const nodes = [
    model('a', 'models/a.sql', ['model.d']),
    model('b', 'models/b.sql', ['model.a']),
    model('c', 'models/c.sql', ['model.b']),
    model('d', 'models/d.sql', ['model.c', 'model.a']),
  ];
  const diagnostics = diagnosticsOf(() => buildGraph(nodes));
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    ['dependency cycle: a (models/a.sql) → d (models/d.sql) → a (models/a.sql)'],
  );
});

test('a source line is kept in the location of its diagnostics', () => {
  const nodes = sparkifyNodes();
  nodes[0].dependsOn.push('source.sparkify.missing');
  const [dangling] = diagnosticsOf(() => buildGraph(nodes));
  assert.deepEqual(dangling.location, { file: 'sources.yml', line: 5 });
  assert.equal(dangling.node, 'source.sparkify.staging_events');
});

test('an empty project is an empty graph', () => {
  assert.deepEqual(buildGraph([]).order, []);
});

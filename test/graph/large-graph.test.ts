import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGraph, selectNodes, type GraphNode } from '../../src/graph/index.js';
import { model, source } from './sparkify-graph.js';

const SOURCES = 10;
const MODELS = 4990;

/** m(i) for a zero-padded model id. */
function m(i: number): string {
  return `model.m${String(i).padStart(4, '0')}`;
}

/**
 * 10 sources and 4,990 models: a binary tree (m(i) refs m((i-1)/2)), every hundredth model also
 * refs the one seven before it, and the first ten read one source each.
 */
function largeNodes(): GraphNode[] {
  const nodes: GraphNode[] = [];
  for (let s = 0; s < SOURCES; s++) nodes.push(source('big', `t${s}`, s + 1));
  for (let i = 0; i < MODELS; i++) {
    const dependsOn = i === 0 ? [] : [m(Math.floor((i - 1) / 2))];
    if (i % 100 === 0 && i > 0) dependsOn.push(m(i - 7));
    if (i < SOURCES) dependsOn.push(`source.big.t${i}`);
    const name = m(i).slice('model.'.length);
    nodes.push(model(name, `models/group${i % 10}/${name}.sql`, dependsOn, { tags: [i % 2 === 0 ? 'even' : 'odd'] }));
  }
  return nodes;
}

/** A deliberately naive closure over dependsOn (up: ancestors, down: descendants), start included. */
function closure(nodes: GraphNode[], start: string | string[], up: boolean): Set<string> {
  const next = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const node of nodes) {
    for (const parent of node.dependsOn) {
      if (up) next.get(node.id)!.push(parent);
      else next.get(parent)!.push(node.id);
    }
  }
  const stack = typeof start === 'string' ? [start] : [...start];
  const seen = new Set<string>(stack);
  while (stack.length > 0) {
    for (const id of next.get(stack.pop()!)!) {
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(id);
    }
  }
  return seen;
}

const nodes = largeNodes();
const graph = buildGraph(nodes);

test('a 5,000-node graph builds into a complete order with every parent first', () => {
  assert.equal(graph.order.length, SOURCES + MODELS);
  for (const node of nodes) {
    for (const parent of node.dependsOn) assert.ok(graph.rank.get(parent)! < graph.rank.get(node.id)!);
  }
  assert.deepEqual(buildGraph([...nodes].reverse()).order, graph.order);
});

test('graph operators on a 5,000-node graph agree with a naive closure', () => {
  const leaf = m(MODELS - 1);
  assert.deepEqual(new Set(selectNodes(graph, [`+${leaf.slice(6)}`], undefined)), closure(nodes, leaf, true));
  assert.equal(selectNodes(graph, ['m0000+'], undefined).length, MODELS);
  assert.deepEqual(selectNodes(graph, ['m0001+1'], undefined), [m(1), m(3), m(4)]);
  const expected = closure(nodes, [...closure(nodes, m(2), false)], true);
  assert.deepEqual(new Set(selectNodes(graph, ['@m0002'], undefined)), expected);
});

test('set operators on a 5,000-node graph agree with a plain filter', () => {
  const selected = selectNodes(graph, ['tag:even,path:models/group4'], ['m00*']);
  const expected = nodes.filter(
    (node) => node.tags.includes('even') && node.path.startsWith('models/group4/') && !node.name.startsWith('m00'),
  );
  assert.deepEqual(new Set(selected), new Set(expected.map((node) => node.id)));
  assert.equal(selected.length, expected.length);
  const sources = [...Array(SOURCES).keys()].map((s) => `source.big.t${s}`);
  assert.deepEqual(selectNodes(graph, undefined, ['m0000+']), sources);
});

test('a chain 5,000 deep whose ids run against the order still builds', () => {
  // toposort recurses once per level; ids sorted against the chain make it visit the root first.
  const name = (i: number) => `c${String(i).padStart(4, '0')}`;
  const parentOf = (i: number) => (i === 4999 ? [] : [`model.${name(i + 1)}`]);
  const chain = [...Array(5000).keys()].map((i) => model(name(i), 'models/c.sql', parentOf(i)));
  const order = buildGraph(chain).order;
  assert.equal(order[0], 'model.c4999');
  assert.equal(order[4999], 'model.c0000');
});

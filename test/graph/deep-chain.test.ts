/**
 * Issue 14, depth: a chain of 50,000 models orders and selects. toposort recurses once per level;
 * named so that their sorted order runs against the build order (m00000 reads m00001, ..., the
 * root is m49999), the chain makes toposort walk all 50,000 levels in one descent, which exhausts
 * the main thread's stack when called directly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import toposort from 'toposort';
import { buildGraph, selectNodes, type GraphNode } from '../../src/graph/index.js';
import { orderIds } from '../../src/graph/topological-order.js';
import { model } from './sparkify-graph.js';

const DEPTH = 50_000;
const name = (i: number) => `m${String(i).padStart(5, '0')}`;

/** m(i) reads m(i+1): sorted by name, every node comes before its parent. */
function chain(): GraphNode[] {
  const nodes: GraphNode[] = [];
  for (let i = 0; i < DEPTH; i++) nodes.push(model(name(i), `models/${name(i)}.sql`, i + 1 < DEPTH ? [`model.${name(i + 1)}`] : []));
  return nodes;
}

function chainEdges(): { ids: string[]; parents: Map<string, string[]> } {
  const ids = Array.from({ length: DEPTH }, (_, i) => name(i));
  return { ids, parents: new Map(ids.map((id, i) => [id, i + 1 < DEPTH ? [name(i + 1)] : []])) };
}

test('the chain is deep enough to exhaust the stack when toposort is called directly', () => {
  const { ids, parents } = chainEdges();
  const edges = ids.flatMap((id) => parents.get(id)!.map((parent): [string, string] => [parent, id]));
  assert.throws(() => toposort.array(ids, edges), RangeError);
});

test('a chain of 50,000 models orders parents first', () => {
  const { ids, parents } = chainEdges();
  const order = orderIds(ids, parents);
  assert.ok(order);
  assert.equal(order.length, DEPTH);
  assert.deepEqual(order.slice(0, 3), [name(DEPTH - 1), name(DEPTH - 2), name(DEPTH - 3)]);
  assert.equal(order.at(-1), name(0));
});

test('a cycle at the bottom of a 50,000-deep chain is still found', () => {
  const { ids, parents } = chainEdges();
  parents.set(name(DEPTH - 1), [name(0)]);
  assert.equal(orderIds(ids, parents), undefined);
});

test('the graph of a 50,000-model chain builds, and +m00000 selects all of it in build order', () => {
  const graph = buildGraph(chain());
  assert.equal(graph.order[0], `model.${name(DEPTH - 1)}`);
  const selected = selectNodes(graph, ['+m00000'], undefined);
  assert.equal(selected.length, DEPTH);
  assert.equal(selected.at(-1), 'model.m00000');
});

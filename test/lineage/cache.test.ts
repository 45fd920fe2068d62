/**
 * The lineage cache: a node whose SQL and lookups are unchanged is taken from the cache (shown by
 * planting a marker in its entry), anything that could change its lineage recomputes it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLineage, emptyLineageCache } from '../../src/lineage/index.js';
import type { LineageCache, LineageInputNode } from '../../src/lineage/index.js';
import { SHOP } from './helpers.js';

function model(name: string, sql: string, dependsOn: string[] = []): LineageInputNode {
  return { id: `model.${name}`, relation: { schema: 'public', identifier: name }, sql, dependsOn };
}

const BASE = [
  model('stg', 'select id, amount from raw.orders', ['source.shop.orders']),
  model('mart', 'select s.id, s.amount * 2 as doubled from public.stg s', ['model.stg']),
  model('other', 'select * from raw.customers', ['source.shop.customers']),
];

/** A cache filled by one run, as the caller would keep it: through JSON. */
function warmCache(nodes: LineageInputNode[]): LineageCache {
  const cache = emptyLineageCache();
  computeLineage({ nodes: [...SHOP, ...nodes] }, { cache });
  return JSON.parse(JSON.stringify(cache)) as LineageCache;
}

/**
 * Plants a marker edge in every cached entry's indirect edges (which readers' shapes do not depend
 * on): a node that comes out with it was taken from the cache.
 */
function plantMarkers(cache: LineageCache): LineageCache {
  for (const entry of Object.values(cache.nodes)) entry.lineage.indirect.push({ from: { node: 'marker', column: 'from_cache' }, how: 'filter', via: [] });
  return cache;
}

function reused(lineage: ReturnType<typeof computeLineage>): string[] {
  return Object.values(lineage).filter((n) => n.indirect.some((e) => e.from.node === 'marker')).map((n) => n.node);
}

test('a run with a cache gives the same lineage, and fills the cache with one entry per node with SQL', () => {
  const cache = emptyLineageCache();
  const input = { nodes: [...SHOP, ...BASE] };
  assert.deepEqual(computeLineage(input, { cache }), computeLineage(input));
  assert.deepEqual(Object.keys(cache.nodes), ['model.mart', 'model.other', 'model.stg']);
  assert.deepEqual(cache.nodes['model.mart'].lookups.map((l) => l.slice(0, 4)), [['relation', 'public', 'stg', 'model.stg']]);
  assert.deepEqual(computeLineage(input, { cache: warmCache(BASE) }), computeLineage(input));
});

test('unchanged nodes come from the cache; an edited model and the readers of its changed columns are recomputed', () => {
  const unchanged = computeLineage({ nodes: [...SHOP, ...BASE] }, { cache: plantMarkers(warmCache(BASE)) });
  assert.deepEqual(reused(unchanged), ['model.mart', 'model.other', 'model.stg']);

  const sameColumns = [model('stg', 'select id, amount from raw.orders where amount > 0', ['source.shop.orders']), BASE[1], BASE[2]];
  assert.deepEqual(reused(computeLineage({ nodes: [...SHOP, ...sameColumns] }, { cache: plantMarkers(warmCache(BASE)) })), ['model.mart', 'model.other']);

  const newColumns = [model('stg', 'select id, amount, status from raw.orders', ['source.shop.orders']), BASE[1], BASE[2]];
  assert.deepEqual(reused(computeLineage({ nodes: [...SHOP, ...newColumns] }, { cache: plantMarkers(warmCache(BASE)) })), ['model.other']);
});

test('a source whose columns changed, or a relation that became a node, recomputes its readers', () => {
  const cache = plantMarkers(warmCache([...BASE, model('reader', 'select * from public.later')]));
  const customers = { ...SHOP[1], columns: ['id', 'name'] };
  const later = model('later', 'select 1 as one');
  const lineage = computeLineage({ nodes: [SHOP[0], customers, SHOP[2], ...BASE, model('reader', 'select * from public.later'), later] }, { cache });
  assert.deepEqual(reused(lineage), ['model.mart', 'model.stg']);
  assert.deepEqual(lineage['model.reader'].columns.map((c) => c.column), ['one']);
  assert.deepEqual(Object.keys(cache.nodes), ['model.later', 'model.mart', 'model.other', 'model.reader', 'model.stg']);
});

test('a cache of another version is ignored', () => {
  const cache = plantMarkers(warmCache(BASE));
  cache.version = -1;
  assert.deepEqual(reused(computeLineage({ nodes: [...SHOP, ...BASE] }, { cache })), []);
});

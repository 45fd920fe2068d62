/** upstreamOf/downstreamOf: transitive trees across models, each column expanded once. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downstreamOf, upstreamOf } from '../../src/lineage/index.js';
import type { LineageStep } from '../../src/lineage/index.js';
import { lineageOfModels } from './helpers.js';

const lineage = lineageOfModels({
  stg: 'select id, customer_id, amount from raw.orders',
  mid: 'select id, amount * 2 as doubled from public.stg',
  mart: 'select m.id, m.doubled + s.amount as total from public.mid m join public.stg s using (id)',
});

/** A tree as indented lines: `how node.column [via] (repeated)`. */
function lines(steps: LineageStep[], depth = 0): string[] {
  return steps.flatMap((s) => [
    `${'  '.repeat(depth)}${s.how} ${s.column.node}.${s.column.column}${s.via.length ? ` via ${s.via.join('>')}` : ''}${s.repeated ? ' (repeated)' : ''}`,
    ...lines(s.steps, depth + 1),
  ]);
}

test('upstream: through every model down to the source, a column reached twice expanded once', () => {
  const tree = upstreamOf(lineage, { node: 'model.mart', column: 'total' });
  assert.equal(tree.direction, 'upstream');
  assert.deepEqual(tree.unresolved, []);
  assert.deepEqual(lines(tree.steps), [
    'transform model.mid.doubled',
    '  transform model.stg.amount',
    '    passthrough source.shop.orders.amount',
    'transform model.stg.amount (repeated)',
    'join model.mid.id',
    '  passthrough model.stg.id',
    '    passthrough source.shop.orders.id',
    'join model.stg.id (repeated)',
  ]);
});

test('upstream without indirect edges leaves out the join columns', () => {
  const tree = upstreamOf(lineage, { node: 'model.mart', column: 'total' }, { indirect: false });
  assert.deepEqual(lines(tree.steps), [
    'transform model.mid.doubled',
    '  transform model.stg.amount',
    '    passthrough source.shop.orders.amount',
    'transform model.stg.amount (repeated)',
  ]);
});

test('downstream: every column computed from a source column, and the columns its joins decide', () => {
  assert.deepEqual(lines(downstreamOf(lineage, { node: 'source.shop.orders', column: 'id' }).steps), [
    'passthrough model.stg.id',
    '  passthrough model.mid.id',
    '    passthrough model.mart.id',
    '    join model.mart.id',
    '    join model.mart.total',
    '  join model.mart.id',
    '  join model.mart.total',
  ]);
  assert.deepEqual(lines(downstreamOf(lineage, { node: 'source.shop.orders', column: 'id' }, { indirect: false }).steps), [
    'passthrough model.stg.id',
    '  passthrough model.mid.id',
    '    passthrough model.mart.id',
  ]);
});

test('a column that cannot be traced says why, in the tree', () => {
  const open = lineageOfModels({ m: 'select * from raw.unknown_table' });
  const tree = upstreamOf(open, { node: 'model.m', column: 'anything' });
  assert.deepEqual(tree.unresolved, ['raw.unknown_table is not a node of the project, so its columns are unknown']);
  assert.deepEqual(upstreamOf(open, { node: 'model.nope', column: 'x' }).unresolved, ['model.nope has no lineage']);
});

/** UNION, INTERSECT, EXCEPT: columns by position, named by the first branch. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, indirectText, lineageOf } from './helpers.js';

test('union all of three branches: each branch\'s column at that position, renames judged per branch', () => {
  const lineage = lineageOf(`
    select id, name as label from raw.customers
    union all
    select id, status from raw.orders where amount > 0
    union all
    select null, label from public.regions`);
  assert.deepEqual(columnsText(lineage), [
    ['id', ['source.shop.customers.id passthrough', 'source.shop.orders.id passthrough']],
    ['label', ['seed.regions.label passthrough', 'source.shop.customers.name rename', 'source.shop.orders.status rename']],
  ]);
  assert.deepEqual(indirectText(lineage), ['source.shop.orders.amount filter']);
});

test('union inside a CTE, with the WITH clause on the whole set operation', () => {
  const lineage = lineageOf(`
    with a as (select id from raw.orders), b as (select id from raw.customers)
    select id from a union select id from b`);
  assert.deepEqual(columnsText(lineage), [['id', ['source.shop.customers.id passthrough via b', 'source.shop.orders.id passthrough via a']]]);
});

test('EXCEPT returns left rows only: the right side\'s columns only filter', () => {
  const lineage = lineageOf(`select customer_id from raw.orders except select id from raw.customers where region = 'test'`);
  assert.deepEqual(columnsText(lineage), [['customer_id', ['source.shop.orders.customer_id passthrough']]]);
  assert.deepEqual(indirectText(lineage), ['source.shop.customers.id filter', 'source.shop.customers.region filter']);
});

test('a branch with columns of unknown count stops matching positions there', () => {
  const lineage = lineageOf('select id, amount from raw.orders union all select * from raw.mystery');
  assert.deepEqual(columnsText(lineage), [
    ['*', ['? a set operation over columns that are not all known: raw.mystery is not a node of the project, so its columns are unknown']],
  ]);
});

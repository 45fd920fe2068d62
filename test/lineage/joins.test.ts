/** Joins with aliases: columns resolve through their alias; ON/USING columns are join edges of the model. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, indirectText, lineageOf } from './helpers.js';

test('aliased tables, qualified and unqualified columns, ON columns as join edges', () => {
  const lineage = lineageOf(`
    select o.id, c.name as customer, email, o.amount
    from raw.orders as o
    left join raw.customers c on c.id = o.customer_id and c.region <> 'test'`);
  assert.deepEqual(columnsText(lineage), [
    ['id', ['source.shop.orders.id passthrough']],
    ['customer', ['source.shop.customers.name rename']],
    ['email', ['source.shop.customers.email passthrough']],
    ['amount', ['source.shop.orders.amount passthrough']],
  ]);
  assert.deepEqual(indirectText(lineage), [
    'source.shop.customers.id join',
    'source.shop.customers.region join',
    'source.shop.orders.customer_id join',
  ]);
});

test('an unaliased relation is named by its table name, or by schema and table', () => {
  const lineage = lineageOf('select raw.orders.amount, orders.status from raw.orders');
  assert.deepEqual(columnsText(lineage), [
    ['amount', ['source.shop.orders.amount passthrough']],
    ['status', ['source.shop.orders.status passthrough']],
  ]);
});

test('USING merges the join column: the left value for inner joins, the right for right joins, both for full joins', () => {
  const inner = lineageOf('select id from raw.orders join raw.customers using (id)');
  assert.deepEqual(columnsText(inner), [['id', ['source.shop.orders.id passthrough']]]);
  assert.deepEqual(indirectText(inner), ['source.shop.customers.id join', 'source.shop.orders.id join']);
  const right = lineageOf('select id from raw.orders right join raw.customers using (id)');
  assert.deepEqual(columnsText(right), [['id', ['source.shop.customers.id passthrough']]]);
  const full = lineageOf('select id, orders.id as order_id from raw.orders full join raw.customers using (id)');
  assert.deepEqual(columnsText(full), [
    ['id', ['source.shop.customers.id transform', 'source.shop.orders.id transform']],
    ['order_id', ['source.shop.orders.id rename']],
  ]);
});

test('select * over a USING join lists the merged column once, first', () => {
  const lineage = lineageOf('select * from raw.customers c join public.regions using (region)');
  assert.deepEqual(lineage.columns.map((c) => c.column), ['region', 'id', 'name', 'email', 'label']);
  assert.deepEqual(indirectText(lineage), ['seed.regions.region join', 'source.shop.customers.region join']);
});

test('NATURAL JOIN joins on the names both sides have', () => {
  const lineage = lineageOf('select * from raw.orders natural join raw.customers');
  assert.deepEqual(lineage.columns.map((c) => c.column), ['id', 'customer_id', 'amount', 'status', 'created_at', 'name', 'email', 'region']);
  assert.deepEqual(indirectText(lineage), ['source.shop.customers.id join', 'source.shop.orders.id join']);
});

test('an aliased join hides the names inside it; its column list renames by position', () => {
  const lineage = lineageOf('select j.a, j.b from (raw.orders o join raw.customers c on o.customer_id = c.id) as j(a, b)');
  assert.deepEqual(columnsText(lineage), [
    ['a', ['source.shop.orders.id rename']],
    ['b', ['source.shop.orders.customer_id rename']],
  ]);
  const hidden = lineageOf('select o.id from (raw.orders o join raw.customers c on o.customer_id = c.id) as j');
  assert.deepEqual(columnsText(hidden), [['id', ['? column o.id is not in scope']]]);
});

test('a LATERAL subquery reads the items to its left; its WHERE is a filter of the model', () => {
  const lineage = lineageOf(`
    select last_order.id, last_order.amount
    from raw.customers c
    cross join lateral (select o.id, o.amount from raw.orders o where o.customer_id = c.id order by o.created_at desc limit 1) last_order`);
  assert.deepEqual(columnsText(lineage), [
    ['id', ['source.shop.orders.id passthrough']],
    ['amount', ['source.shop.orders.amount passthrough']],
  ]);
  assert.deepEqual(indirectText(lineage), ['source.shop.customers.id filter', 'source.shop.orders.customer_id filter']);
});

test('a column two relations have is ambiguous, never picked', () => {
  const lineage = lineageOf('select id from raw.orders, raw.customers');
  assert.deepEqual(columnsText(lineage), [['id', ['? column id is ambiguous: the relations in FROM have 2 of that name']]]);
});

/** Subqueries: in FROM they are relations; in expressions their result is a transform and their filters stay indirect. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, indirectText, lineageOf } from './helpers.js';

test('a subquery in FROM, with a column list on its alias; its filter is the model\'s', () => {
  const lineage = lineageOf(`
    select t.who, t.total
    from (select customer_id, sum(amount) from raw.orders where status = 'paid' group by 1) as t(who, total)`);
  assert.deepEqual(columnsText(lineage), [
    ['who', ['source.shop.orders.customer_id rename']],
    ['total', ['source.shop.orders.amount aggregate']],
  ]);
  assert.deepEqual(indirectText(lineage), ['source.shop.orders.status filter']);
});

test('a correlated scalar subquery: its result is a transform, its WHERE filters only that column', () => {
  const lineage = lineageOf(`
    select
      c.name,
      (select max(o.amount) from raw.orders o where o.customer_id = c.id) as biggest,
      (select o.status from raw.orders o where o.id = 1)
    from raw.customers c`);
  assert.deepEqual(columnsText(lineage), [
    ['name', ['source.shop.customers.name passthrough']],
    ['biggest', ['source.shop.customers.id filter', 'source.shop.orders.amount aggregate', 'source.shop.orders.customer_id filter']],
    ['status', ['source.shop.orders.id filter', 'source.shop.orders.status transform']],
  ]);
  assert.deepEqual(indirectText(lineage), []);
});

test('EXISTS and IN in WHERE filter on everything they read; EXISTS in the select list is named exists', () => {
  const lineage = lineageOf(`
    select c.id, exists (select 1 from raw.orders o where o.customer_id = c.id)
    from raw.customers c
    where c.region in (select region from public.regions where label <> '')`);
  assert.deepEqual(columnsText(lineage), [
    ['id', ['source.shop.customers.id passthrough']],
    ['exists', ['source.shop.customers.id filter', 'source.shop.orders.customer_id filter']],
  ]);
  assert.deepEqual(indirectText(lineage), ['seed.regions.label filter', 'seed.regions.region filter', 'source.shop.customers.region filter']);
});

test('VALUES as a relation: its columns read nothing', () => {
  assert.deepEqual(columnsText(lineageOf('select * from (values (1, \'a\')) as v(k, t)')), [['k', []], ['t', []]]);
});

test('a field of a whole-row reference, (t).column, is that column', () => {
  assert.deepEqual(columnsText(lineageOf('select (o).amount, (o).amount + 1 as more from raw.orders o')), [
    ['amount', ['source.shop.orders.amount passthrough']],
    ['more', ['source.shop.orders.amount transform']],
  ]);
});

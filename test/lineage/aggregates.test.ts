/** Aggregates and GROUP BY: grouped columns pass through, aggregated ones are aggregate edges, HAVING filters. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, indirectText, lineageOf } from './helpers.js';

test('group by: the key passes through, the measures are aggregates, count(*) reads no column', () => {
  const lineage = lineageOf(`
    select
      customer_id,
      count(*) as orders,
      count(distinct status) as statuses,
      sum(amount) filter (where status = 'paid') as paid,
      max(created_at) as last_order
    from raw.orders
    group by customer_id
    having sum(amount) > 100`);
  assert.deepEqual(columnsText(lineage), [
    ['customer_id', ['source.shop.orders.customer_id passthrough']],
    ['orders', []],
    ['statuses', ['source.shop.orders.status aggregate']],
    ['paid', ['source.shop.orders.amount aggregate', 'source.shop.orders.status aggregate']],
    ['last_order', ['source.shop.orders.created_at aggregate']],
  ]);
  assert.deepEqual(indirectText(lineage), ['source.shop.orders.amount filter']);
});

test('ordered-set aggregates, string_agg with ORDER BY and an aggregate inside an expression', () => {
  const lineage = lineageOf(`
    select
      percentile_cont(0.5) within group (order by amount) as median_amount,
      string_agg(status, ',' order by created_at) as history,
      round(avg(amount) * 100) / 100 as mean
    from raw.orders`);
  assert.deepEqual(columnsText(lineage), [
    ['median_amount', ['source.shop.orders.amount aggregate']],
    ['history', ['source.shop.orders.created_at aggregate', 'source.shop.orders.status aggregate']],
    ['mean', ['source.shop.orders.amount aggregate']],
  ]);
});

test('a function that is not a known aggregate reads its arguments as a transform', () => {
  assert.deepEqual(columnsText(lineageOf('select my_udf(amount) as x from raw.orders')), [['x', ['source.shop.orders.amount transform']]]);
});

test('distinct and distinct on change rows, not values: columns pass through', () => {
  assert.deepEqual(columnsText(lineageOf('select distinct status from raw.orders')), [['status', ['source.shop.orders.status passthrough']]]);
  const lineage = lineageOf('select distinct on (customer_id) customer_id, amount from raw.orders order by customer_id, created_at desc');
  assert.deepEqual(columnsText(lineage), [
    ['customer_id', ['source.shop.orders.customer_id passthrough']],
    ['amount', ['source.shop.orders.amount passthrough']],
  ]);
});

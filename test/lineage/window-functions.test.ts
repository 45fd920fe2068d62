/** Window functions: their arguments, PARTITION BY and ORDER BY are aggregate edges; filtering on them is a filter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, indirectText, lineageOf } from './helpers.js';

test('row_number, a running sum and a named window', () => {
  const lineage = lineageOf(`
    select
      id,
      row_number() over (partition by customer_id order by created_at desc) as recency,
      sum(amount) over w as running,
      rank() over (w order by amount) as amount_rank
    from raw.orders
    window w as (partition by customer_id)`);
  assert.deepEqual(columnsText(lineage), [
    ['id', ['source.shop.orders.id passthrough']],
    ['recency', ['source.shop.orders.created_at aggregate', 'source.shop.orders.customer_id aggregate']],
    ['running', ['source.shop.orders.amount aggregate', 'source.shop.orders.customer_id aggregate']],
    ['amount_rank', ['source.shop.orders.amount aggregate', 'source.shop.orders.customer_id aggregate']],
  ]);
});

test('keeping the latest row per key (the users model\'s shape) filters on every column the window reads', () => {
  const lineage = lineageOf(`
    with ranked as (
      select customer_id, status, row_number() over (partition by customer_id order by created_at desc) as recency
      from raw.orders
      where customer_id is not null
    )
    select customer_id, status from ranked where recency = 1`);
  assert.deepEqual(columnsText(lineage), [
    ['customer_id', ['source.shop.orders.customer_id passthrough via ranked']],
    ['status', ['source.shop.orders.status passthrough via ranked']],
  ]);
  assert.deepEqual(indirectText(lineage), [
    'source.shop.orders.created_at filter via ranked',
    'source.shop.orders.customer_id filter via ranked',
  ]);
});

test('a window over an expression: lag(amount) - amount is an aggregate and a transform of amount, the stronger kept', () => {
  const lineage = lineageOf('select amount - lag(amount) over (order by created_at) as change from raw.orders');
  assert.deepEqual(columnsText(lineage), [
    ['change', ['source.shop.orders.amount aggregate', 'source.shop.orders.created_at aggregate']],
  ]);
});

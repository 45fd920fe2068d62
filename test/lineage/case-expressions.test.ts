/** CASE, casts and functions: every column they read is a transform, conditions included. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, lineageOf } from './helpers.js';

test('searched and simple CASE read their conditions and results', () => {
  const lineage = lineageOf(`
    select
      case when status = 'paid' then amount when status = 'refunded' then -amount else 0 end as net,
      case region when 'eu' then 'Europe' else name end as place
    from raw.orders o join raw.customers c on c.id = o.customer_id`);
  assert.deepEqual(columnsText(lineage), [
    ['net', ['source.shop.orders.amount transform', 'source.shop.orders.status transform']],
    ['place', ['source.shop.customers.name transform', 'source.shop.customers.region transform']],
  ]);
});

test('unaliased expressions are named as PostgreSQL names them', () => {
  const lineage = lineageOf(`
    select
      case when status = 'x' then 1 end,
      case when status = 'x' then 1 else amount end,
      amount::numeric(10, 2),
      cast(id as text),
      'constant'::text,
      coalesce(status, 'none'),
      nullif(status, ''),
      upper(status),
      id + 1
    from raw.orders`);
  assert.deepEqual(lineage.columns.map((c) => c.column), ['case', 'amount', 'amount', 'id', 'text', 'coalesce', 'nullif', 'upper', '?column?']);
  assert.deepEqual(columnsText(lineage)[4], ['text', []]);
  assert.deepEqual(columnsText(lineage)[3], ['id', ['source.shop.orders.id transform']]);
});

test('a cast of a column is a transform, even under its own name', () => {
  assert.deepEqual(columnsText(lineageOf('select cast(created_at as date) as created_at from raw.orders')), [
    ['created_at', ['source.shop.orders.created_at transform']],
  ]);
});

/** select * and t.*: expanded to the columns of what they read, upstream models resolved first. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, lineageOf, lineageOfModels } from './helpers.js';

test('* over a source lists its columns; t.* those of one relation', () => {
  assert.deepEqual(columnsText(lineageOf('select * from raw.customers')), [
    ['id', ['source.shop.customers.id passthrough']],
    ['name', ['source.shop.customers.name passthrough']],
    ['email', ['source.shop.customers.email passthrough']],
    ['region', ['source.shop.customers.region passthrough']],
  ]);
  const lineage = lineageOf('select c.*, o.amount from raw.orders o join raw.customers c on c.id = o.customer_id');
  assert.deepEqual(lineage.columns.map((c) => c.column), ['id', 'name', 'email', 'region', 'amount']);
});

test('* over a CTE over a model expands to the model\'s resolved columns, which trace to the model', () => {
  const lineage = lineageOfModels({
    stg_orders: 'select id as order_id, amount / 100.0 as amount from raw.orders',
    orders_star: 'with s as (select * from public.stg_orders) select * from s',
  });
  assert.deepEqual(columnsText(lineage['model.orders_star']), [
    ['order_id', ['model.stg_orders.order_id passthrough via s']],
    ['amount', ['model.stg_orders.amount passthrough via s']],
  ]);
});

test('* over a relation whose columns are unknown is a `*` column with the reason, never a guess', () => {
  const lineage = lineageOf('select id, * from raw.not_declared');
  assert.deepEqual(columnsText(lineage), [
    ['id', ['? column id comes from a relation whose columns are unknown: raw.not_declared is not a node of the project, so its columns are unknown']],
    ['*', ['? raw.not_declared is not a node of the project, so its columns are unknown']],
  ]);
});

test('a model with unknown columns stays open downstream; a column named in SQL still traces to it', () => {
  const lineage = lineageOfModels({
    open_model: 'select o.id, x.* from raw.orders o join raw.elsewhere x on x.order_id = o.id',
    reader: 'select * from public.open_model',
    named: 'select m.id, m.extra from public.open_model m',
  });
  assert.deepEqual(columnsText(lineage['model.reader']), [
    ['id', ['model.open_model.id passthrough']],
    ['*', ['? model.open_model has columns sparkify could not list']],
  ]);
  assert.deepEqual(columnsText(lineage['model.named']), [
    ['id', ['model.open_model.id passthrough']],
    ['extra', ['model.open_model.extra passthrough']],
  ]);
});

test('select * without FROM, and t.* naming no relation', () => {
  assert.deepEqual(columnsText(lineageOf('select *')), [['*', ['? select * without a FROM clause']]]);
  assert.deepEqual(columnsText(lineageOf('select nope.* from raw.orders')), [['*', ['? nope.* names no relation in scope']]]);
});

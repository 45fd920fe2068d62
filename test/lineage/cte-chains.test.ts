/** CTE chains: paths through CTEs name each CTE (outermost first), renames and transforms compose. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, indirectText, lineageOf } from './helpers.js';

test('a chain of CTEs: via lists each CTE outermost first, and the strongest use wins', () => {
  const lineage = lineageOf(`
    with paid as (
      select id, customer_id as buyer, amount from raw.orders where status = 'paid'
    ),
    doubled as (
      select id, buyer, amount * 2 as amount from paid
    ),
    renamed as (
      select id as order_id, buyer as customer_id, amount from doubled
    )
    select order_id, customer_id, amount from renamed`);
  assert.deepEqual(columnsText(lineage), [
    ['order_id', ['source.shop.orders.id rename via renamed>doubled>paid']],
    // customer_id -> buyer -> customer_id: the same name at both ends is a passthrough.
    ['customer_id', ['source.shop.orders.customer_id passthrough via renamed>doubled>paid']],
    ['amount', ['source.shop.orders.amount transform via renamed>doubled>paid']],
  ]);
  assert.deepEqual(indirectText(lineage), ['source.shop.orders.status filter via renamed>doubled>paid']);
});

test('CTE column aliases rename its columns; a CTE named like a table shadows the table', () => {
  const lineage = lineageOf(`
    with orders(order_id, who) as (select id, customer_id from raw.orders)
    select order_id, who from orders`);
  assert.deepEqual(columnsText(lineage), [
    ['order_id', ['source.shop.orders.id rename via orders']],
    ['who', ['source.shop.orders.customer_id rename via orders']],
  ]);
});

test('a CTE no one reads adds nothing, not even its filter', () => {
  const lineage = lineageOf(`
    with unused as (select id from raw.customers where region = 'eu'),
         used as (select id from raw.orders)
    select id from used`);
  assert.deepEqual(columnsText(lineage), [['id', ['source.shop.orders.id passthrough via used']]]);
  assert.deepEqual(indirectText(lineage), []);
});

test('a CTE read twice and a WITH nested inside a CTE', () => {
  const lineage = lineageOf(`
    with base as (select id, amount from raw.orders),
         nested as (
           with inner_cte as (select id, amount + 1 as bumped from base)
           select id, bumped from inner_cte
         )
    select a.id, b.bumped from base a join nested b on a.id = b.id`);
  assert.deepEqual(columnsText(lineage), [
    ['id', ['source.shop.orders.id passthrough via base']],
    ['bumped', ['source.shop.orders.amount transform via nested>inner_cte>base']],
  ]);
  assert.deepEqual(indirectText(lineage), [
    'source.shop.orders.id join via base',
    'source.shop.orders.id join via nested>inner_cte>base',
  ]);
});

test('a later CTE sees earlier ones only: a forward reference is a relation of the project or unknown', () => {
  const lineage = lineageOf(`
    with first_cte as (select id from later_cte),
         later_cte as (select id from raw.orders)
    select id from first_cte`);
  assert.deepEqual(columnsText(lineage), [
    ['id', ['? column id comes from a relation whose columns are unknown: later_cte is not a node of the project, so its columns are unknown']],
  ]);
});

test('WITH RECURSIVE: the recursive term reads the first term\'s columns, listed once', () => {
  const lineage = lineageOf(`
    with recursive chain(n, amount) as (
      select 1, amount from raw.orders
      union all
      select n + 1, amount from chain where n < 3
    )
    select n, amount from chain`);
  assert.deepEqual(columnsText(lineage), [
    ['n', []],
    ['amount', ['source.shop.orders.amount passthrough via chain']],
  ]);
});

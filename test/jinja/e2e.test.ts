/**
 * test/jinja/project, a shop whose templates use dbt's Jinja throughout (dispatched surrogate key,
 * pivot, date spine, star and union of relations, {% test %} generic tests with an accepted range,
 * an expression, a uniqueness of several columns and an equality of two relations, docs blocks,
 * log/warn, statement, namespace, tuples, modules), built on PGlite through the real CLI.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, sparkify, withWarehouse } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

describe('a project written in dbt Jinja builds on PGlite', () => {
  let dir: string;
  before(() => {
    dir = tempDir('sparkify-jinja-');
    cpSync(join(REPO_ROOT, 'test/jinja/project'), dir, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('sparkify build builds every model and passes every test; template logs go to stderr', async () => {
    const result = sparkify(dir, ['build']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    // 7 models, 2 of them ephemeral: inlined, neither run nor counted, as dbt counts them.
    assert.match(result.stdout, /Building 1 seed, 5 models and 9 tests/);
    assert.match(result.stdout, /Done\. PASS=15 WARN=0 ERROR=0 SKIP=0 TOTAL=15/);
    for (const name of ['accepted_range_customer_status_total_amount__100__0', 'expression_is_true_customer_status_total_amount___0',
      'unique_combination_of_columns_customer_status_customer', 'equality_status_union_order_id__customer__status__ref_stg_orders_', 'no_future_orders']) {
      assert.match(result.stdout, new RegExp(`PASS ${name} `));
    }
    assert.match(result.stderr, /^warning: models\/marts\/daily_orders\.sql:5:8: daily_orders: amounts are in EUR \[SPK151\]$/m);
    assert.match(result.stderr, /^rendering model\.jinja_shop\.daily_orders for postgres$/m);
    // daily_orders reads `execute`: the build renders it again on the warehouse, where its statement() runs.
    assert.equal(result.stderr.match(/^latest order: 2024-01-05$/gm)?.length, 1, result.stderr);
  });

  test('the tables hold what the macros computed', async () => {
    await withWarehouse(dir, async (db) => {
      const status = await db.query('select customer, n_placed, n_returned, n_shipped, total_amount::float as total from public.customer_status order by customer');
      assert.deepEqual(status.rows, [
        { customer: 'ada', n_placed: 0, n_returned: 1, n_shipped: 1, total: 17.5 },
        { customer: 'bob', n_placed: 0, n_returned: 0, n_shipped: 2, total: 23.75 },
        { customer: 'cy', n_placed: 1, n_returned: 0, n_shipped: 0, total: 7.25 },
      ]);
      const daily = await db.query<Record<string, unknown>>("select to_char(date_day, 'YYYY-MM-DD') as day, orders::int, amount_eur::text from public.daily_orders order by 1");
      assert.deepEqual(daily.rows.map((r) => Object.values(r).join(' ')), ['2024-01-01 1 12.50', '2024-01-02 1 20.00', '2024-01-03 0 0.00', '2024-01-04 1 7.25', '2024-01-05 1 3.75']);
      const keys = await db.query("select count(*)::int as n from public.stg_orders where order_key = md5(order_id || '-' || customer)");
      assert.equal((keys.rows[0] as { n: number }).n, 5);
      const union = await db.query('select _source, count(*)::int as n from public.status_union group by 1 order by 1');
      assert.deepEqual(union.rows, [{ _source: 'other_orders', n: 2 }, { _source: 'shipped_orders', n: 3 }]);
      const comment = await db.query("select obj_description('public.daily_orders'::regclass) as c");
      assert.equal((comment.rows[0] as { c: string }).c, 'built by daily_orders');
    });
  });

  test('the manifest has the docs blocks as descriptions and marks the models that introspect', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    const model = (name: string) => manifest.nodes[`model.jinja_shop.${name}`];
    const status = model('customer_status');
    assert.equal(status.description, 'One row per customer: how many of their orders are in each status, and what they spent.');
    assert.equal(status.columns.customer.description, "The customer's name, as the shop records it.");
    assert.equal(model('daily_orders').meta.sparkify.introspects, true);
    assert.equal(model('status_union').meta.sparkify.introspects, true);
    assert.equal(model('customer_status').meta.sparkify.introspects, undefined);
  });

  test('a template error in a macro of the project names the macro line and the calling model', () => {
    const macro = join(dir, 'macros/pivot.sql');
    const original = readFileSync(macro, 'utf8');
    writeFileSync(macro, original.replace('{{ agg }}(case', '{{ agg + 1 }}(case'));
    try {
      const result = sparkify(dir, ['compile']);
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stderr, /macros\/pivot\.sql:4:\d+: template error: unsupported operand type\(s\) for \+: 'str' and 'int' \(in a macro called from models\/marts\/customer_status\.sql\) \[SPK110\]/);
    } finally {
      writeFileSync(macro, original);
    }
  });
});

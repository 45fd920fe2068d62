/**
 * test/packages/fixtures/pkg_shop, a dbt project using the local packages shop_utils and shop_shims,
 * through the real CLI on PGlite: `sparkify deps` links them, `build` renders the models that ask
 * the warehouse (star, union_relations, get_column_values, the date spine's interval count,
 * relation_profile) again on it, and builds the package's own model, seed and tests with the
 * project's. order_audit uses the rest of dbt's template context (this, model, target, graph,
 * api.Relation, adapter.get_relation/type, run_query's table, zip, fromjson/tojson, var and
 * env_var defaults, modules, log, print, warn, raise_compiler_error, docs blocks).
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sparkify, withWarehouse } from '../e2e/helpers.js';
import { copyPackagedShop } from './fixture.js';

describe('a dbt project with local packages builds on PGlite', () => {
  let dir: string;
  let app: string;
  let build: ReturnType<typeof sparkify>;
  before(() => {
    ({ dir, app } = copyPackagedShop());
    const deps = sparkify(app, ['deps']);
    assert.equal(deps.code, 0, deps.stderr);
    assert.match(deps.stdout, /Installed 2 packages into dbt_packages\/: shop_utils, shop_shims/);
    build = sparkify(app, ['build']);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('every model, seed and test of the project and of shop_utils passes', () => {
    assert.equal(build.code, 0, build.stdout + build.stderr);
    assert.match(build.stdout, /Building 2 seeds, 9 models and 14 tests/);
    assert.match(build.stdout, /OK created table model public_utils\.numbers .* \[SELECT 7 /);
    assert.match(build.stdout, /OK loaded seed currencies /);
    for (const name of ['shop_utils_accepted_range_customer_status_total_amount__100__0', 'shop_utils_expression_is_true_customer_status_total_amount___0',
      'shop_utils_unique_combination_of_columns_customer_status_customer', 'shop_utils_equality_status_union_order_id__customer__amount__ref_shipped_orders_',
      'accepted_range_status_union_order_id__1', 'accepted_range_numbers_generated_number__1', 'numbers_from_package',
      'shop_utils_expression_is_true_order_audit_stg_rows_6_and_model_count_9_and_window_end_window_start_30']) {
      assert.match(build.stdout, new RegExp(`PASS ${name} `));
    }
    assert.match(build.stdout, /Done\. PASS=25 WARN=0 ERROR=0 SKIP=0 TOTAL=25/);
  });

  test("order_audit's log() and print() go to stderr once, from its render on the warehouse; no warning", () => {
    assert.equal(build.stderr.match(/^order_audit: 6 columns and 6 rows in stg_orders$/gm)?.length, 1, build.stderr);
    assert.equal(build.stderr.match(/^order_audit: counted by row_count$/gm)?.length, 1, build.stderr);
    assert.doesNotMatch(build.stderr, /SPK151/);
  });

  test('order_audit holds what the template context and the warehouse told it', async () => {
    const row = await withWarehouse(app, async (db) => (await db.query<Record<string, unknown>>(
      "select relation_name, heading, model_id, engine, target_name, model_count, numbers_schema, stg_kind, stg_columns, stg_rows, to_char(window_start, 'YYYY-MM-DD') as window_start, to_char(window_end, 'YYYY-MM-DD') as window_end, region_code, owner, meta_json, tiers from public.order_audit",
    )).rows);
    assert.deepEqual(row, [{
      relation_name: 'order_audit', heading: 'order_audit in public', model_id: 'model.pkg_shop.order_audit', engine: 'postgres/postgres/public', target_name: 'dev',
      model_count: 9, numbers_schema: 'public_utils', stg_kind: 'view',
      stg_columns: 'order_key text, order_id integer, customer text, status text, amount double precision, ordered_at date', stg_rows: 6,
      window_start: '2024-01-01', window_end: '2024-01-31', region_code: 'euwest1', owner: 'shop', meta_json: '{"owner": "shop", "tiers": [1, 2]}', tiers: '1+2',
    }]);
  });

  test("target/run shows the SQL the build ran: the columns the warehouse gave, not compile's *", () => {
    const ran = readFileSync(join(app, 'target/run/models/marts/orders_star.sql'), 'utf8');
    assert.match(ran, /"order_id", "customer", "status", "amount",/);
    assert.equal(readFileSync(join(app, 'target/compiled/models/marts/status_union.sql'), 'utf8').includes('cast(null as double precision) as "amount"'), true);
  });

  test('the manifest gives package nodes their package: ids, package_name, paths inside the package', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'target/manifest.json'), 'utf8'));
    const numbers = manifest.nodes['model.shop_utils.numbers'];
    assert.deepEqual([numbers.package_name, numbers.original_file_path, numbers.fqn, numbers.schema], ['shop_utils', 'models/numbers.sql', ['shop_utils', 'numbers'], 'public_utils']);
    assert.equal(manifest.nodes['seed.shop_utils.currencies'].package_name, 'shop_utils');
    const generic = Object.values(manifest.nodes as Record<string, { resource_type: string; test_metadata?: { name: string; namespace: string | null } }>)
      .filter((n) => n.resource_type === 'test' && n.test_metadata?.namespace === 'shop_utils').map((n) => n.test_metadata!.name).sort();
    assert.deepEqual(generic, ['accepted_range', 'equality', 'expression_is_true', 'expression_is_true', 'unique_combination_of_columns']);
    assert.ok(manifest.macros['macro.shop_utils.star']);
    assert.equal(manifest.macros['macro.shop_utils.star'].original_file_path, 'macros/star.sql');
    assert.equal(manifest.nodes['model.pkg_shop.status_union'].meta.sparkify.introspects, true);
    // Descriptions from docs blocks: the project's, and the package's own.
    assert.match(manifest.nodes['model.pkg_shop.order_audit'].description, /^One row about the build: what the templates knew/);
    assert.equal(manifest.nodes['model.shop_utils.numbers'].description, "The numbers 1 to var('number_count'), from cross joins of {0, 1}.");
  });

  test('compile renders on the warehouse once it exists; --no-introspect keeps execute false', () => {
    const live = sparkify(app, ['compile', '--select', 'orders_star']);
    assert.equal(live.code, 0, live.stderr);
    assert.match(live.stdout, /"order_id", "customer", "status", "amount",/);
    const pure = sparkify(app, ['compile', '--select', 'orders_star', '--no-introspect']);
    assert.equal(pure.code, 0, pure.stderr);
    assert.match(pure.stdout, /select\n {2}\*,\n/);
    assert.doesNotMatch(pure.stderr, /SPK068/);
  });

  test('an error in a package macro names the package file and line, and the model that called it', () => {
    const macro = join(app, 'dbt_packages/shop_utils/macros/pivot.sql');
    const original = readFileSync(macro, 'utf8');
    writeFileSync(macro, original.replace('{{ agg }}(case', '{{ agg + 1 }}(case'));
    try {
      const result = sparkify(app, ['compile', '--no-introspect']);
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stderr, /dbt_packages\/shop_utils\/macros\/pivot\.sql:4:\d+: template error: unsupported operand type\(s\) for \+: 'str' and 'int' \(in a macro called from models\/marts\/customer_status\.sql\) \[SPK110\]/);
    } finally {
      writeFileSync(macro, original);
    }
  });

  test('var() and env_var() override their defaults; warn and raise_compiler_error in a package macro point at its lines', () => {
    const given = sparkify(app, ['compile', '--select', 'order_audit', '--no-introspect', '--vars', '{audit_days: 90}'], { PKG_SHOP_REGION: 'us-east-2' });
    assert.equal(given.code, 0, given.stderr);
    assert.match(given.stdout, /cast\('2024-03-31' as date\) as window_end,/);
    assert.match(given.stderr, /^warning: dbt_packages\/shop_utils\/macros\/audit_window\.sql:7:\d+: audit_window: 90 days is more than two months of orders \(in a macro called from models\/marts\/order_audit\.sql\) \[SPK151\]$/m);
    assert.match(given.stdout, /'useast2' as region_code,/);
    // Without the warehouse (execute false) the profile is empty and graph.nodes has compile's view.
    assert.match(given.stdout, /'unknown' as stg_kind,\n {2}'' as stg_columns,\n {2}0 as stg_rows,/);
    const bad = sparkify(app, ['compile', '--select', 'order_audit', '--no-introspect', '--vars', '{audit_days: soon}']);
    assert.equal(bad.code, 2, bad.stdout + bad.stderr);
    assert.match(bad.stderr, /dbt_packages\/shop_utils\/macros\/audit_window\.sql:4:\d+: audit_window: days must be a number, got 'soon' \(in a macro called from models\/marts\/order_audit\.sql\) \[SPK150\]/);
  });

  test('show --inline calls package macros and reads the package-built tables', () => {
    const shown = sparkify(app, ['show', '--inline', "select {{ shop_utils.generate_surrogate_key(['1']) }} as k, count(*) as n from {{ ref('numbers') }}", '--output', 'csv']);
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(shown.stdout, 'k,n\nc4ca4238a0b923820dcc509a6f75849b,7\n');
  });

  test('the tables hold what the package macros computed on the warehouse', async () => {
    await withWarehouse(app, async (db) => {
      const union = await db.query('select "_dbt_source_relation" as src, order_id, customer, amount, status from public.status_union order by order_id');
      assert.deepEqual(union.rows, [
        { src: 'shipped_orders', order_id: 1, customer: 'ada', amount: 12.5, status: null },
        { src: 'returned_orders', order_id: 2, customer: 'ada', amount: null, status: 'returned' },
        { src: 'shipped_orders', order_id: 3, customer: 'bob', amount: 20, status: null },
        { src: 'shipped_orders', order_id: 5, customer: 'bob', amount: 3.75, status: null },
      ]);
      const status = await db.query<Record<string, unknown>>('select customer, n_placed, n_returned, n_shipped from public.customer_status order by customer');
      assert.deepEqual(status.rows.map((r) => Object.values(r).join(' ')), ['? 1 0 0', 'ada 0 1 1', 'bob 0 0 2', 'cy 1 0 0']);
      const calendar = await db.query<{ d: string }>("select to_char(date_day, 'YYYY-MM-DD') as d from public.calendar order by 1");
      assert.deepEqual(calendar.rows.map((r) => r.d), ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
      const columns = await db.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'orders_star' order by ordinal_position");
      assert.deepEqual(columns.rows.map((r) => r.column_name), ['order_id', 'customer', 'status', 'amount', 'due_at', 'age_days', 'order_month', 'loaded_at']);
      // shop_shims comes before shop_utils in the project's dispatch: search order.
      const keys = await db.query<{ n: number }>("select count(*)::int as n from public.stg_orders where order_key = md5(concat(order_id::text, '-', coalesce(customer, '_shim_')))");
      assert.equal(keys.rows[0].n, 6);
      const numbers = await db.query<{ n: number }>('select count(*)::int as n from public_utils.numbers');
      assert.equal(numbers.rows[0].n, 7);
    });
  });
});

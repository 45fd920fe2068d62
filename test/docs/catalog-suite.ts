/** readCatalog against a real engine: the same checks on PGlite and on a native PostgreSQL. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Adapter } from '../../src/engines/adapter.js';
import { catalogDocument } from '../../src/docs/catalog/catalog-document.js';
import { postgresCatalogSql } from '../../src/engines/postgres-family/docs-catalog-sql.js';
import { readCatalog } from '../../src/docs/catalog/read-catalog.js';
import { fixtureManifest } from './fixtures/dbt-artifacts.js';

const SETUP = [
  'create schema analytics',
  'create schema raw',
  `create table analytics.orders (order_id bigint primary key, status text, amount numeric(16,2))`,
  `comment on table analytics.orders is 'All orders'`,
  `comment on column analytics.orders.status is 'open or shipped'`,
  `insert into analytics.orders select g, case when g % 2 = 0 then 'open' else 'shipped' end, g * 1.5 from generate_series(1, 250) g`,
  'alter table analytics.orders drop column amount',
  'alter table analytics.orders add column amount_cents integer',
  `create view analytics.customers as select order_id as customer_id from analytics.orders`,
  `create table raw.raw_orders (id bigint, state varchar(16))`,
  `create table analytics.not_in_project (x int)`,
];

/** Registers the catalog tests for one engine. */
export function catalogSuite(name: string, open: () => Promise<Adapter>, dispose: () => Promise<void>): void {
  let adapter: Adapter;
  before(async () => {
    adapter = await open();
    await adapter.withSession(async (session) => {
      for (const sql of SETUP) await session.execute(sql);
    });
  });
  after(async () => {
    await adapter?.close();
    await dispose();
  });

  test(`${name}: columns in table order with their types and comments; dropped columns left out`, async () => {
    const relations = await readCatalog(adapter, postgresCatalogSql, ['analytics', 'raw']);
    const orders = relations.find((r) => r.schema === 'analytics' && r.name === 'orders')!;
    assert.deepEqual(orders.columns.map((c) => [c.name, c.type]), [['order_id', 'bigint'], ['status', 'text'], ['amount_cents', 'integer']]);
    assert.equal(orders.columns[1].comment, 'open or shipped');
    assert.equal(orders.comment, 'All orders');
    assert.equal(orders.type, 'BASE TABLE');
    assert.ok(orders.owner);
    assert.deepEqual(relations.find((r) => r.name === 'raw_orders')!.columns.map((c) => c.type), ['bigint', 'character varying(16)']);
  });

  test(`${name}: row counts (exact before the first ANALYZE, the estimate after) and sizes; views have neither`, async () => {
    const before = (await readCatalog(adapter, postgresCatalogSql, ['analytics'])).find((r) => r.name === 'orders')!;
    assert.deepEqual(before.rows, { value: 250, exact: true });
    assert.ok(before.bytes! > 8192, `size ${before.bytes}`);
    await adapter.withSession((session) => session.execute('analyze analytics.orders'));
    const analysed = (await readCatalog(adapter, postgresCatalogSql, ['analytics'])).find((r) => r.name === 'orders')!;
    assert.deepEqual(analysed.rows, { value: 250, exact: false });
    const view = (await readCatalog(adapter, postgresCatalogSql, ['analytics'])).find((r) => r.name === 'customers')!;
    assert.equal(view.type, 'VIEW');
    assert.equal(view.rows, undefined);
    assert.equal(view.bytes, undefined);
    assert.deepEqual(view.columns.map((c) => c.name), ['customer_id']);
  });

  test(`${name}: catalog.json v1 holds the project's relations under their unique ids, nothing else`, async () => {
    const relations = await readCatalog(adapter, postgresCatalogSql, ['analytics', 'raw']);
    const catalog = catalogDocument(fixtureManifest(), relations, { generatedAt: '2026-01-01T00:00:00Z', sparkifyVersion: '0.1.0', rowEstimateLabel: 'Approximate row count' });
    assert.equal(catalog.metadata.dbt_schema_version, 'https://schemas.getdbt.com/dbt/catalog/v1.json');
    assert.deepEqual(Object.keys(catalog.nodes).sort(), ['model.shop.customers', 'model.shop.orders']);
    assert.deepEqual(Object.keys(catalog.sources), ['source.shop.app.raw_orders']);
    const orders = catalog.nodes['model.shop.orders'];
    assert.deepEqual(orders.columns.status, { type: 'text', index: 2, name: 'status', comment: 'open or shipped' });
    assert.equal(orders.stats.row_count.value, 250);
    assert.equal(orders.stats.has_stats.value, true);
    assert.equal(orders.unique_id, 'model.shop.orders');
    assert.equal(catalog.nodes['model.shop.customers'].stats.has_stats.value, false);
  });

  test(`${name}: schema names are literals, never SQL`, async () => {
    assert.deepEqual(await readCatalog(adapter, postgresCatalogSql, ["x') or true --"]), []);
  });
}

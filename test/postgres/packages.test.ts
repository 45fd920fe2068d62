/**
 * The packaged shop (test/packages/fixtures/pkg_shop with its local packages) on a real PostgreSQL:
 * `sparkify deps` then `build --target pg` render the introspecting models on the server's
 * connection, and every table equals, row for row, the one PGlite builds from the same project.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sparkify, withWarehouse } from '../e2e/helpers.js';
import { copyPackagedShop } from '../packages/fixture.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { rowsSql } from './helpers.js';

/** The tables compared, each with the columns that do not hold the build's clock. */
const TABLES: Record<string, string> = {
  'public.stg_orders': '*', 'public.status_union': '*', 'public.customer_status': '*', 'public.calendar': '*',
  'public.orders_star': 'order_id, customer, status, amount, due_at, age_days, order_month', 'public_utils.numbers': '*', 'public.currencies': '*',
  // target_name is the target's (dev, pg); the rest is what templates and the warehouse told the model.
  'public.order_audit': 'relation_name, heading, model_id, engine, model_count, numbers_schema, stg_kind, stg_columns, stg_rows, window_start, window_end, region_code, owner, meta_json, tiers',
};

function tableSql(table: string, columns: string): string {
  return rowsSql('x').replace('public."x" t', `(select ${columns} from ${table}) t`);
}

describe('a dbt project with local packages builds on PostgreSQL as on PGlite', () => {
  let server: PostgresServer;
  let dir: string;
  let app: string;
  let env: Record<string, string>;

  before(async () => {
    server = await startPostgresServer('pkg_shop');
    ({ dir, app } = copyPackagedShop());
    env = { PKG_SHOP_PG_HOST: server.host, PKG_SHOP_PG_PORT: String(server.port), PKG_SHOP_PG_USER: server.user, PKG_SHOP_PG_PASSWORD: server.password, PKG_SHOP_PG_DBNAME: server.database };
    assert.equal(sparkify(app, ['deps']).code, 0);
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('sparkify build --target pg passes every model, seed and test', () => {
    const result = sparkify(app, ['build', '--target', 'pg'], env);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Running with sparkify on target pg \(postgres\)/);
    assert.match(result.stdout, /OK created table model public_utils\.numbers .* \[SELECT 7 /);
    assert.match(result.stdout, /Done\. PASS=25 WARN=0 ERROR=0 SKIP=0 TOTAL=25/);
    assert.doesNotMatch(result.stdout + result.stderr, new RegExp(server.password));
    assert.match(result.stderr, /^order_audit: 6 columns and 6 rows in stg_orders$/m);
  });

  test("order_audit names the target it was built on and what the server's catalog said", async () => {
    const rows = await server.query<{ target_name: string; stg_kind: string; stg_rows: number }>('select target_name, stg_kind, stg_rows from public.order_audit');
    assert.deepEqual(rows.map((r) => ({ ...r })), [{ target_name: 'pg', stg_kind: 'view', stg_rows: 6 }]);
  });

  test('every table equals the one PGlite builds', async () => {
    const lite = sparkify(app, ['build']);
    assert.equal(lite.code, 0, lite.stdout + lite.stderr);
    const liteRows = await withWarehouse(app, async (db) => {
      const out: Record<string, string[]> = {};
      for (const [table, columns] of Object.entries(TABLES)) out[table] = (await db.query<{ row: string }>(tableSql(table, columns))).rows.map((r) => r.row);
      return out;
    });
    for (const [table, columns] of Object.entries(TABLES)) {
      const pgRows = (await server.query<{ row: string }>(tableSql(table, columns))).map((r) => r.row);
      assert.ok(pgRows.length > 0, `${table} is empty`);
      assert.deepEqual(pgRows, liteRows[table], `${table} differs between PostgreSQL and PGlite`);
    }
  });

  test('compile --target pg renders the introspecting models on the server', () => {
    const result = sparkify(app, ['compile', '--target', 'pg', '--select', 'status_union'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /cast\(null as double precision\) as "amount"/);
  });
});

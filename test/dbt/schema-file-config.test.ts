/**
 * A model's `config:` in a schema file, as dbt applies it: over dbt_project.yml's folder configs and
 * under the model's own config(), tags and hooks adding up
 * (https://docs.getdbt.com/reference/configs-and-properties). Before, sparkify warned and ignored it,
 * so `config: {materialized: table}` in schema.yml built a view.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const env = { HOME: '/nonexistent-home', DBT_PROFILES_DIR: '' };

/** The shop fixture with `schema` as models/marts/schema.yml and `customers` as its model, if given. */
function shop(schema: string, customers?: string): string {
  const dir = tempDir('sparkify-schema-config-');
  cpSync(join(REPO_ROOT, 'test/fixtures/dbt/shop'), dir, { recursive: true });
  writeFileSync(join(dir, 'models/marts/schema.yml'), schema);
  if (customers !== undefined) writeFileSync(join(dir, 'models/marts/customers.sql'), customers);
  return dir;
}

const SCHEMA = `version: 2
models:
  - name: customers
    config:
      materialized: view
      tags: ['from_yml']
      post-hook: "select 1 as from_yml"
      meta: {owner: finance}
  - name: orders_by_day
    config:
      schema: reporting
      enabled: true
  - name: stg_orders
    config:
      alias: orders_clean
`;

describe("a model's config: in a schema file", () => {
  test('applies over the folder configs, under config(); unsupported keys warn; build creates what it says', () => {
    const dir = shop(SCHEMA);
    const compiled = sparkify(dir, ['compile'], env);
    assert.equal(compiled.code, 0, compiled.stderr);
    assert.match(compiled.stderr, /warning: models\/marts\/schema\.yml:8:7: `meta` in config of model 'customers' is not supported yet \[SPK040\]/);
    assert.doesNotMatch(compiled.stderr, /`config` in model/);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    const model = (name: string) => manifest.nodes[`model.shop.${name}`];
    // marts are tables by folder config; the schema file makes customers a view; config(tags=['vip']) adds to the yml's tags.
    assert.deepEqual([model('customers').config.materialized, model('customers').config.tags], ['view', ['from_yml', 'shop', 'vip']]);
    assert.deepEqual(model('customers').config['post-hook'].map((hook: { sql: string }) => hook.sql), ['select 1 as from_yml']);
    // the model's own folder config (+materialized: incremental) stays; the yml adds a custom schema, named as dbt names it.
    assert.deepEqual([model('orders_by_day').config.materialized, model('orders_by_day').schema], ['incremental', 'analytics_reporting']);
    assert.equal(model('stg_orders').alias, 'orders_clean');

    const built = sparkify(dir, ['build'], env);
    assert.equal(built.code, 0, built.stdout + built.stderr);
    assert.match(built.stdout, /OK created view model analytics\.customers/);
    assert.match(built.stdout, /model analytics_staging\.orders_clean/);
    assert.match(built.stdout, /model analytics_reporting\.orders_by_day/);
  });

  test("config() in the model wins over the schema file; enabled: false there disables the model and its tests", () => {
    const customers = "{{ config(materialized='table', tags=['vip']) }}\nselect customer_id from {{ ref('stg_orders') }} group by customer_id\n";
    const dir = shop(`${SCHEMA.replace('      enabled: true\n', '      enabled: false\n')}`, customers);
    const listed = sparkify(dir, ['ls', '--output', 'json', '--output-keys', 'name,config'], env);
    assert.equal(listed.code, 0, listed.stderr);
    const nodes = listed.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(nodes.find((n) => n.name === 'customers').config.materialized, 'table');
    assert.equal(nodes.find((n) => n.name === 'orders_by_day'), undefined);
  });

  test('an unknown materialization is an error at its line of the schema file', () => {
    const dir = shop(SCHEMA.replace('materialized: view', 'materialized: viw'));
    const compiled = sparkify(dir, ['compile'], env);
    assert.equal(compiled.code, 2);
    assert.match(compiled.stderr, /models\/marts\/schema\.yml:5:21: unknown materialization 'viw' in config of model 'customers'.*\[SPK018\]/);
  });
});

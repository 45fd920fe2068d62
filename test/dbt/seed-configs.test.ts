/**
 * dbt_project.yml's `seeds:` configs beyond `+column_types`: `+schema` (named `<target schema>_<custom>`
 * as dbt's generate_schema_name does), `+alias`, `+tags` and `+enabled`
 * (https://docs.getdbt.com/reference/seed-configs). Before, each was a "not supported yet" warning
 * and every seed landed in the target schema under its file name.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const env = { HOME: '/nonexistent-home', DBT_PROFILES_DIR: '' };

const SEEDS = `seeds:
  shop:
    +schema: raw
    +tags: ['raw']
    +column_types:
      amount: numeric(10,2)
    raw_orders:
      +alias: orders_export
    unused_codes:
      +enabled: false
`;

function shop(): string {
  const dir = tempDir('sparkify-seed-configs-');
  cpSync(join(REPO_ROOT, 'test/fixtures/dbt/shop'), dir, { recursive: true });
  const project = readFileSync(join(dir, 'dbt_project.yml'), 'utf8');
  writeFileSync(join(dir, 'dbt_project.yml'), project.replace(/^seeds:\n(?: {2,}.*\n)+/m, SEEDS));
  writeFileSync(join(dir, 'seeds/unused_codes.csv'), 'code,label\n1,one\n');
  writeFileSync(join(dir, 'seeds/schema.yml'), 'version: 2\nseeds:\n  - name: unused_codes\n    columns:\n      - name: code\n        data_tests: [unique]\n');
  return dir;
}

describe("dbt_project.yml's seeds: configs", () => {
  test('+schema, +alias and +tags place and tag the seed; refs read it there; +enabled: false leaves one out', () => {
    const dir = shop();
    const compiled = sparkify(dir, ['compile'], env);
    assert.equal(compiled.code, 0, compiled.stderr);
    assert.doesNotMatch(compiled.stderr, /under `seeds:` is not supported yet/);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    const seed = manifest.nodes['seed.shop.raw_orders'];
    assert.deepEqual([seed.schema, seed.alias, seed.tags, seed.config.column_types.amount], ['analytics_raw', 'orders_export', ['raw'], 'numeric(10,2)']);
    assert.equal(manifest.nodes['seed.shop.unused_codes'], undefined);
    assert.match(readFileSync(join(dir, 'target/compiled/models/staging/stg_orders.sql'), 'utf8'), /from "analytics_raw"\."orders_export"/);
    assert.deepEqual(sparkify(dir, ['ls', '--select', 'tag:raw'], env).stdout.trim().split('\n'), ['raw_orders']);

    const built = sparkify(dir, ['build'], env);
    assert.equal(built.code, 0, built.stdout + built.stderr);
    // analytics, analytics_staging and the seed's analytics_raw; the view over the aliased seed builds, so the seed is there.
    assert.match(built.stdout, /OK ran creation of 3 schemas/);
    assert.match(built.stdout, /OK loaded seed raw_orders/);
    assert.match(built.stdout, /OK created view model analytics_staging\.stg_orders/);
    assert.match(built.stdout, /OK created table model analytics\.customers \.+ \[SELECT 3/);
  });
});

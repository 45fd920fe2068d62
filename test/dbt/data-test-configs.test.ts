/**
 * dbt_project.yml's `data_tests:` configs, as dbt applies them
 * (https://docs.getdbt.com/reference/data-test-configs): to every generic test declared in a schema
 * file under the folder and every singular test under it, a test's own config winning and tags
 * adding up. Before, each `+key` there was a "not supported yet" warning.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const env = { HOME: '/nonexistent-home', DBT_PROFILES_DIR: '' };

const CONFIGS = `
data_tests:
  shop:
    +severity: warn
    marts:
      +store_failures: true
      +tags: ['marts_tests']
`;

const SCHEMA = `version: 2
models:
  - name: customers
    columns:
      - name: customer_id
        data_tests:
          - unique
          - not_null:
              config: {severity: error, tags: ['own']}
`;

/** The shop fixture with `data_tests:` configs, and a singular test that returns rows. */
function shop(configs: string): string {
  const dir = tempDir('sparkify-test-configs-');
  cpSync(join(REPO_ROOT, 'test/fixtures/dbt/shop'), dir, { recursive: true });
  appendFileSync(join(dir, 'dbt_project.yml'), configs);
  writeFileSync(join(dir, 'models/marts/schema.yml'), SCHEMA);
  mkdirSync(join(dir, 'tests'));
  writeFileSync(join(dir, 'tests/no_big_spenders.sql'), "select * from {{ ref('customers') }} where spent > 20\n");
  return dir;
}

describe("dbt_project.yml's data_tests: configs", () => {
  test("apply to the tests under each folder, under the test's own config; a warn-severity failure exits 0", () => {
    const dir = shop(CONFIGS);
    const compiled = sparkify(dir, ['compile'], env);
    assert.equal(compiled.code, 0, compiled.stderr);
    assert.doesNotMatch(compiled.stderr, /under `data_tests:` is not supported yet/);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    const tests = Object.values(manifest.nodes as Record<string, { name: string; resource_type: string; config: Record<string, unknown>; tags: string[] }>)
      .filter((node) => node.resource_type === 'test');
    const byName = (prefix: string) => tests.find((node) => node.name.startsWith(prefix))!;
    // from the project level and models/marts/, where the schema file is (manifest.json spells severity as dbt does)
    assert.deepEqual([byName('unique_customers').config.severity, byName('unique_customers').config.store_failures, byName('unique_customers').tags], ['WARN', true, ['marts_tests']]);
    // its own config wins; tags add up
    assert.deepEqual([byName('not_null_customers').config.severity, byName('not_null_customers').tags], ['ERROR', ['marts_tests', 'own']]);
    // tests/no_big_spenders.sql is not under models/marts: the project level only
    assert.deepEqual([byName('no_big_spenders').config.severity, byName('no_big_spenders').config.store_failures], ['WARN', null]);

    const built = sparkify(dir, ['build'], env);
    assert.equal(built.code, 0, built.stdout + built.stderr);
    assert.match(built.stdout, /WARN 1 no_big_spenders/);
    assert.match(built.stdout, /WARN=1 ERROR=0/);
  });

  test('a value that is not valid is an error at its line', () => {
    const dir = shop(CONFIGS.replace('+severity: warn', '+severity: fatal'));
    const compiled = sparkify(dir, ['compile'], env);
    assert.equal(compiled.code, 2);
    assert.match(compiled.stderr, /dbt_project\.yml:\d+:\d+: `\+severity: "fatal"` under `data_tests:` is not valid \[SPK018\]/);
  });
});

import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/index.js';
import { REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/dbt/shop');

/** A copy of the fixture dbt project, with `edits` (path → new text) applied. */
function shop(edits: Record<string, string> = {}): string {
  const dir = tempDir('sparkify-dbt-');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [path, text] of Object.entries(edits)) writeFileSync(join(dir, path), text);
  return dir;
}

const edit = (path: string, change: (text: string) => string) => change(readFileSync(join(FIXTURE, path), 'utf8'));
const env = { HOME: '/nonexistent-home' };

function errorOf(run: () => unknown): SparkifyError {
  try {
    run();
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  }
  throw new Error('expected a SparkifyError');
}

describe('dbt_project.yml and profiles.yml, read as dbt reads them', () => {
  test('the profile target, vars scoped to the project, dbt defaults', () => {
    const project = loadProject(shop(), { env });
    assert.equal(project.config.name, 'shop');
    assert.equal(project.config.flavor, 'dbt');
    assert.equal(project.target.name, 'local');
    assert.deepEqual({ type: project.target.type, schema: project.target.schema, threads: project.target.threads }, { type: 'pglite', schema: 'analytics', threads: 2 });
    assert.deepEqual(project.config.vars, { start_date: '2024-01-01', currency: 'EUR' });
    assert.equal(project.config.modelDefaults.materialized, 'view');
    assert.deepEqual(project.config.onRunStart, ['select 1 as run_started']);
    assert.deepEqual(project.config.seeds, { raw_orders: { columnTypes: { amount: 'numeric(10,2)' } } });
  });

  test('unsupported keys are warnings naming the key and file:line, never failures', () => {
    const project = loadProject(shop(), { env });
    const warnings = project.warnings.map((w) => `${w.location?.file}:${w.location?.line} ${w.code} ${w.message}`);
    assert.ok(warnings.includes('dbt_project.yml:26 SPK040 `+persist_docs` under `models:` is not supported yet'), warnings.join('\n'));
    assert.ok(warnings.includes('dbt_project.yml:44 SPK040 `flags` in dbt_project.yml is not supported yet'), warnings.join('\n'));
  });

  test('--target pg: env_var() inside profiles.yml, sslmode, and the password kept as a secret', () => {
    const project = loadProject(shop(), { env: { ...env, SHOP_PG_USER: 'analyst', SHOP_PG_PASSWORD: 's3cr3t-pw' }, targetName: 'pg' });
    const target = project.target;
    assert.equal(target.type, 'postgres');
    if (target.type !== 'postgres') return;
    assert.deepEqual({ host: target.host, port: target.port, user: target.user, database: target.database, schema: target.schema, threads: target.threads },
      { host: 'localhost', port: 5432, user: 'analyst', database: 'shop', schema: 'analytics', threads: 4 });
    assert.deepEqual(target.ssl, { rejectUnauthorized: false });
    assert.ok(project.secrets.includes('s3cr3t-pw'));
    assert.ok(project.warnings.some((w) => w.code === 'SPK040' && w.message.includes('keepalives_idle') && w.location?.file === 'profiles.yml'));
  });

  test('an unset env_var() in the selected output is SPK003 at profiles.yml:line', () => {
    const error = errorOf(() => loadProject(shop(), { env, targetName: 'pg' }));
    assert.equal(error.diagnostics[0].code, 'SPK003');
    assert.deepEqual(error.diagnostics[0].location, { file: 'profiles.yml', line: 13, column: 13 });
  });

  test('profiles.yml is found through --profiles-dir and DBT_PROFILES_DIR before the project folder', () => {
    const other = tempDir('sparkify-profiles-');
    writeFileSync(join(other, 'profiles.yml'), 'shop:\n  target: elsewhere\n  outputs:\n    elsewhere:\n      type: pglite\n      schema: other\n');
    assert.equal(loadProject(shop(), { env, profilesDir: other }).target.name, 'elsewhere');
    assert.equal(loadProject(shop(), { env: { ...env, DBT_PROFILES_DIR: other } }).target.schema, 'other');
  });

  test('redshift with IAM authentication is SPK044 naming the line', () => {
    const dir = shop({ 'profiles.yml': edit('profiles.yml', (t) => t.replace('method: database', 'method: iam\n      cluster_id: shop-cluster')) });
    const error = errorOf(() => loadProject(dir, { env, targetName: 'warehouse' }));
    assert.equal(error.diagnostics[0].code, 'SPK044');
    assert.equal(error.diagnostics[0].location?.file, 'profiles.yml');
    assert.equal(error.diagnostics[0].location?.line, 22);
  });

  test('a misspelled output type is SPK044 with a suggestion; a missing profile is SPK043', () => {
    const typo = shop({ 'profiles.yml': edit('profiles.yml', (t) => t.replace('type: pglite', 'type: pglit')) });
    const error = errorOf(() => loadProject(typo, { env }));
    assert.equal(error.diagnostics[0].code, 'SPK044');
    assert.equal(error.diagnostics[0].hint, "did you mean 'pglite'?");
    const missing = shop({ 'dbt_project.yml': edit('dbt_project.yml', (t) => t.replace('profile: shop', 'profile: shopp')) });
    const profile = errorOf(() => loadProject(missing, { env }));
    assert.equal(profile.diagnostics[0].code, 'SPK043');
    assert.equal(profile.diagnostics[0].hint, "did you mean 'shop'?");
  });

  test('require-dbt-version that excludes the version sparkify follows is a warning', () => {
    const dir = shop({ 'dbt_project.yml': edit('dbt_project.yml', (t) => t.replace('[">=1.5.0", "<2.0.0"]', '">=2.0.0"')) });
    const warning = loadProject(dir, { env }).warnings.find((w) => w.code === 'SPK042');
    assert.ok(warning, 'SPK042 warning');
    assert.equal(warning.location?.line, 6);
  });

  test('a folder holding both project.yml and dbt_project.yml is SPK041 naming both', () => {
    const dir = shop({ 'project.yml': 'name: shop\n' });
    const error = errorOf(() => loadProject(dir, { env }));
    assert.equal(error.diagnostics[0].code, 'SPK041');
    assert.match(error.diagnostics[0].message, /both project\.yml and dbt_project\.yml/);
  });
});

describe('a dbt project through the CLI', () => {
  test('compile resolves per-folder configs as dbt does, and build runs it on PGlite', () => {
    const dir = shop();
    const compiled = sparkify(dir, ['compile'], env);
    assert.equal(compiled.code, 0, compiled.stderr);
    assert.match(compiled.stderr, /warning: dbt_project\.yml:26:5: `\+persist_docs` under `models:` is not supported yet \[SPK040\]/);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    const model = (name: string) => manifest.nodes[`model.shop.${name}`];
    // staging: the project-level view, the custom schema appended to the target's, tags appended.
    assert.deepEqual([model('stg_orders').config.materialized, model('stg_orders').schema, model('stg_orders').config.tags], ['view', 'analytics_staging', ['shop', 'staging']]);
    // marts: table from the folder; config(tags=...) adds to the inherited tags.
    assert.deepEqual([model('customers').config.materialized, model('customers').schema, model('customers').config.tags], ['table', 'analytics', ['shop', 'vip']]);
    // a config on the model's own name, under its folder, wins over the folder's.
    assert.deepEqual([model('orders_by_day').config.materialized, model('orders_by_day').config.unique_key, model('orders_by_day').config.tags], ['incremental', 'order_date', ['finance', 'shop']]);
    const snapshot = manifest.nodes['snapshot.shop.customers_snapshot'];
    assert.equal(snapshot.config.snapshot_meta_column_names.dbt_valid_from, 'dbt_valid_from');
    assert.equal(manifest.nodes['seed.shop.raw_orders'].config.column_types.amount, 'numeric(10,2)');

    const built = sparkify(dir, ['build'], env);
    assert.equal(built.code, 0, built.stdout + built.stderr);
    assert.match(built.stdout, /OK created view model analytics_staging\.stg_orders/);
    assert.match(built.stdout, /OK snapshotted snapshot analytics\.customers_snapshot/);
    assert.match(built.stdout, /Done\. PASS=8 WARN=0 ERROR=0 SKIP=0 TOTAL=8/);
  });
});

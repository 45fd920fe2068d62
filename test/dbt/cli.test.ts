/**
 * dbt's commands and flags that need no data: init (its project builds at once), an unknown command,
 * seed-paths and target-path, -m, --warn-error, and the usage errors of retry, --defer and state:.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { ENV } from './rentals.js';
import { tempDir } from '../support/temp-dir.js';

const SHOP = join(REPO_ROOT, 'test/fixtures/dbt/shop');

function shop(): string {
  const dir = tempDir('sparkify-shop-');
  cpSync(SHOP, dir, { recursive: true });
  return dir;
}

describe('sparkify init', () => {
  test('init NAME writes a dbt-style project that builds at once, twice, in the embedded warehouse', () => {
    const parent = tempDir('sparkify-init-');
    const created = sparkify(parent, ['init', 'bikes'], ENV);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Next: cd bikes && sparkify build/);
    const dir = join(parent, 'bikes');
    for (const file of ['dbt_project.yml', 'profiles.yml', 'models/marts/schema.yml', 'seeds/countries.csv', '.gitignore']) assert.ok(existsSync(join(dir, file)), file);
    for (let run = 1; run <= 2; run++) {
      const built = sparkify(dir, ['build'], ENV);
      assert.equal(built.code, 0, built.stdout + built.stderr);
      assert.match(built.stdout, /Done\. PASS=9 WARN=0 ERROR=0 SKIP=0 TOTAL=9/);
      assert.equal(built.stderr, '', 'no warning: every key of the new project is applied');
    }
    const again = sparkify(parent, ['init', 'bikes'], ENV);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /holds a project already \(dbt_project\.yml\) \[SPK034\]/);
  });

  test('init without a name sets up the current folder when it is empty, named after it', () => {
    const dir = join(tempDir('sparkify-init-'), 'my-shop');
    cpSync(join(REPO_ROOT, 'test/fixtures/dbt/rentals/macros'), join(dir, '.hidden'), { recursive: true });
    const result = sparkify(dir, ['init', '--skip-profile-setup'], ENV);
    assert.equal(result.code, 0, result.stderr);
    assert.match(readFileSync(join(dir, 'dbt_project.yml'), 'utf8'), /^name: my_shop$/m);
    assert.ok(!existsSync(join(dir, 'profiles.yml')));
  });
});

describe('commands and flags', () => {
  test('a command sparkify lacks lists the ones it has (SPK033), exit 2', () => {
    const clone = sparkify(tmpdir(), ['clone'], ENV);
    assert.equal(clone.code, 2);
    assert.match(clone.stderr, /`clone` is a dbt command that sparkify does not have yet\. \[SPK033\]/);
    for (const command of ['build', 'run', 'retry', 'run-operation', 'source', 'init', 'parse', 'ls, list']) assert.match(clone.stderr, new RegExp(`\\n    ${command} `));
    const typo = sparkify(tmpdir(), ['biuld'], ENV);
    assert.deepEqual([typo.code, /sparkify has no command `biuld`/.test(typo.stderr)], [2, true]);
  });

  test('seed-paths and target-path of dbt_project.yml are honoured; clean removes its clean-targets', () => {
    const dir = shop();
    renameSync(join(dir, 'seeds'), join(dir, 'csv'));
    const project = join(dir, 'dbt_project.yml');
    writeFileSync(project, readFileSync(project, 'utf8').replace('seed-paths: ["seeds"]', 'seed-paths: ["csv"]')
      .replace('target-path: "target"', 'target-path: "out"').replace('clean-targets: ["target", "dbt_packages"]', 'clean-targets: ["out"]'));
    const listed = sparkify(dir, ['ls', '--resource-type', 'seed', '--output', 'path'], ENV);
    assert.deepEqual([listed.code, listed.stdout], [0, 'csv/raw_orders.csv\n']);
    assert.doesNotMatch(listed.stderr, /seed-paths|target-path/, 'no longer "not supported yet"');
    assert.equal(sparkify(dir, ['parse'], ENV).code, 0);
    assert.ok(existsSync(join(dir, 'out/manifest.json')) && !existsSync(join(dir, 'target')));
    assert.equal(sparkify(dir, ['parse', '--target-path', 'elsewhere'], ENV).code, 0);
    assert.ok(existsSync(join(dir, 'elsewhere/manifest.json')));
    const serve = sparkify(dir, ['docs', 'serve', '--target-path', 'elsewhere', '--port', '0'], ENV);
    assert.deepEqual([serve.code, /no elsewhere\/index\.html to serve \[SPK860\]/.test(serve.stderr)], [2, true], serve.stderr);
    const served = sparkify(dir, ['docs', 'serve', '--port', '0'], ENV);
    assert.deepEqual([served.code, /no out\/index\.html to serve \[SPK860\]/.test(served.stderr)], [2, true], served.stderr);
    assert.equal(sparkify(dir, ['clean'], ENV).code, 0);
    assert.ok(!existsSync(join(dir, 'out')));
  });

  test('-m is --select; --resource-type narrows; ls --output selector prints dbt\'s selectors', () => {
    const dir = shop();
    assert.deepEqual(sparkify(dir, ['ls', '-m', 'stg_orders+', '--resource-type', 'model'], ENV).stdout.trim().split('\n'), ['stg_orders', 'customers', 'orders_by_day']);
    assert.deepEqual(sparkify(dir, ['ls', '--select', 'customers', '--output', 'selector', '--exclude-resource-type', 'test'], ENV).stdout, 'shop.marts.customers\n');
    const bad = sparkify(dir, ['ls', '--resource-type', 'exposure'], ENV);
    assert.deepEqual([bad.code, /--resource-type 'exposure' is not a kind of node sparkify has \[SPK031\]/.test(bad.stderr)], [2, true]);
  });

  test('--warn-error makes a project warning an error (exit 2); --warn-error-options can silence it', () => {
    const dir = shop();
    const strict = sparkify(dir, ['parse', '--warn-error'], ENV);
    assert.equal(strict.code, 2);
    assert.match(strict.stderr, /error: dbt_project\.yml:26:5: `\+persist_docs` under `models:` is not supported yet \[SPK040\]\n  hint: .*an error because of --warn-error \[SPK038\]/);
    const silenced = sparkify(dir, ['parse', '--warn-error-options', '{"error": "all", "silence": ["SPK040"]}'], ENV);
    assert.equal(silenced.code, 0, silenced.stderr);
    assert.doesNotMatch(silenced.stderr, /SPK040/);
  });

  test('usage errors: retry with no last run, --defer without --state (SPK036), state: without --state (SPK214)', () => {
    const dir = shop();
    const retry = sparkify(dir, ['retry'], ENV);
    assert.deepEqual([retry.code, /no run_results\.json in .*target .*\[SPK036\]/.test(retry.stderr)], [2, true]);
    const defer = sparkify(dir, ['run', '--defer'], ENV);
    assert.deepEqual([defer.code, /--defer reads the relations of an earlier run, but no --state was given \[SPK036\]/.test(defer.stderr)], [2, true]);
    const state = sparkify(dir, ['ls', '--select', 'state:modified'], ENV);
    assert.deepEqual([state.code, /compares with a previous run, but no --state was given \[SPK214\]/.test(state.stderr)], [2, true]);
  });
});

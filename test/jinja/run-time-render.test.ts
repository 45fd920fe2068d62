/**
 * The run-time render through the real CLI on PGlite: `build` renders a model that introspects
 * again with execute true just before it builds it (an incremental one only the way its plan runs,
 * so its statement() runs once), with the run's invocation id and flags; a template error then fails
 * the node at its line; `compile` renders such models on the warehouse once it exists and warns
 * when it does not.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { editFile, sparkify, withWarehouse } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const FILES: Record<string, string> = {
  'project.yml': 'name: live\nmodels:\n  materialized: table\ntargets:\n  dev:\n    type: pglite\n    path: .sparkify/dev\n',
  'seeds/orders.csv': 'order_id,status\n1,placed\n2,shipped\n3,shipped\n',
  // Columns per status, from the warehouse.
  'models/by_status.sql': `{%- set statuses = run_query("select distinct status from " ~ ref('orders') ~ " order by 1").columns[0].values() if execute else [] -%}
select {% for s in statuses %}count(*) filter (where status = '{{ s }}') as n_{{ s }}, {% endfor %}count(*) as n_all from {{ ref('orders') }}
`,
  // An incremental model that asks the warehouse what it holds already.
  'models/runs.sql': `{{ config(materialized='incremental') }}
{%- set seen = 0 -%}
{%- if execute and is_incremental() -%}
  {%- call statement('seen', fetch_result=True) %}select count(*) from {{ this }}{% endcall -%}
  {%- set seen = load_result('seen')['data'][0][0] -%}
  {%- do log('runs holds ' ~ seen ~ ' rows', info=True) -%}
{%- endif %}
select {{ seen }} + 1 as run_number, '{{ invocation_id }}' as invocation, '{{ flags.WHICH }}' as which, {{ flags.FULL_REFRESH }} as full_refresh, {{ execute }} as executed
`,
  'models/bad.sql': "{% if execute and var('explode', false) %}\n{{ run_query('select 1').rows[0][0] + 'x' }}\n{% endif %}select 1 as one\n",
};

describe('the run-time render on PGlite', () => {
  let dir: string;
  before(() => {
    dir = tempDir('sparkify-live-');
    for (const [path, text] of Object.entries(FILES)) editFile(dir, path, () => text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('compile before any build warns that the warehouse does not exist and renders with execute false', () => {
    const result = sparkify(dir, ['compile', '--select', 'by_status']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: cannot reach target 'dev' \(.*\): the embedded warehouse \.sparkify\/dev does not exist yet; models whose templates ask the warehouse \(by_status\) are compiled with execute false \[SPK068\]/);
    assert.match(result.stdout, /select count\(\*\) as n_all from "public"\."orders"/);
  });

  test('build renders them on the warehouse with the run\'s invocation id and flags; target/run shows that SQL', async () => {
    const result = sparkify(dir, ['build']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const invocation = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')).metadata.invocation_id;
    await withWarehouse(dir, async (db) => {
      assert.deepEqual((await db.query('select * from public.by_status')).rows, [{ n_placed: 1, n_shipped: 2, n_all: 3 }]);
      assert.deepEqual((await db.query('select * from public.runs')).rows, [{ run_number: 1, invocation, which: 'build', full_refresh: false, executed: true }]);
    });
    assert.match(readFileSync(join(dir, 'target/run/models/by_status.sql'), 'utf8'), /count\(\*\) filter \(where status = 'placed'\) as n_placed/);
    assert.match(readFileSync(join(dir, 'target/compiled/models/by_status.sql'), 'utf8'), /n_shipped/);
  });

  test('an incremental model is rendered only the way its plan runs: its statement() runs once', async () => {
    const result = sparkify(dir, ['build', '--select', 'runs']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /OK updated incremental model public\.runs/);
    assert.equal(result.stderr.match(/^runs holds 1 rows$/gm)?.length, 1, result.stderr);
    await withWarehouse(dir, async (db) => {
      const rows = await db.query<{ run_number: number }>('select run_number from public.runs order by 1');
      assert.deepEqual(rows.rows.map((r) => r.run_number), [1, 2]);
    });
    assert.match(readFileSync(join(dir, 'target/run/models/runs.incremental.sql'), 'utf8'), /select 1 \+ 1 as run_number/);
  });

  test('--full-refresh reaches flags.FULL_REFRESH of the run-time render', async () => {
    const result = sparkify(dir, ['build', '--select', 'runs', '--full-refresh']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    await withWarehouse(dir, async (db) => {
      assert.deepEqual((await db.query('select run_number, full_refresh from public.runs')).rows, [{ run_number: 1, full_refresh: true }]);
    });
  });

  test('compile on the built warehouse renders with execute true; --no-introspect does not', () => {
    const live = sparkify(dir, ['compile', '--select', 'by_status']);
    assert.equal(live.code, 0, live.stderr);
    assert.doesNotMatch(live.stderr, /SPK068/);
    assert.match(live.stdout, /as n_placed, count\(\*\) filter \(where status = 'shipped'\) as n_shipped, count\(\*\) as n_all/);
    const pure = sparkify(dir, ['compile', '--select', 'by_status', '--no-introspect']);
    assert.match(pure.stdout, /select count\(\*\) as n_all from/);
  });

  test('a template error of the run-time render fails the node at the template line', () => {
    const result = sparkify(dir, ['build', '--select', 'bad', '--vars', '{explode: true}']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /ERROR building table model public\.bad/);
    assert.match(result.stderr, /models\/bad\.sql:2:\d+: template error: unsupported operand type\(s\) for \+: 'int' and 'str' \[SPK110\]/);
  });
});

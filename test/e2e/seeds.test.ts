/** Seeds (issue 4) through the real CLI on PGlite: `sparkify seed`, ref() to a seed, a bad CSV row. */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyProject, editFile, sparkify, tableDigest, withWarehouse } from './helpers.js';

describe('seeds', () => {
  let dir: string;
  before(() => {
    dir = copyProject({ withData: false });
    editFile(dir, 'seeds/plans.csv', () =>
      'plan_id,name,monthly_fee,launched,note\n1,free,0,2018-01-01,\n2,"premium, family",14.99,2018-06-15,"says ""hi""\tthere"\n3,student,4.5,,\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('sparkify seed loads every seed with COPY and inferred types, empty values as NULL', async () => {
    const result = sparkify(dir, ['seed']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Building 2 seeds/);
    assert.match(result.stdout, /OK loaded seed plans \.+ \[COPY 3 in/);
    assert.match(result.stdout, /OK loaded seed subscription_levels \.+ \[COPY 2 in/);
    await withWarehouse(dir, async (db) => {
      const types = await db.query<{ column_name: string; data_type: string }>(
        "select column_name, data_type from information_schema.columns where table_name = 'plans' order by ordinal_position");
      assert.deepEqual(types.rows.map((r) => `${r.column_name} ${r.data_type}`),
        ['plan_id integer', 'name text', 'monthly_fee double precision', 'launched date', 'note text']);
      const rows = await db.query<Record<string, unknown>>('select name, note, launched is null as no_date from public.plans order by plan_id');
      assert.deepEqual(rows.rows, [
        { name: 'free', note: null, no_date: false },
        { name: 'premium, family', note: 'says "hi"\tthere', no_date: false },
        { name: 'student', note: null, no_date: true },
      ]);
      const levels = await db.query('select level, is_paying from public.subscription_levels order by level');
      assert.deepEqual(levels.rows, [{ level: 'free', is_paying: false }, { level: 'paid', is_paying: true }]);
    });
  });

  test('column_types in project.yml override the inferred type', async () => {
    editFile(dir, 'project.yml', (text) => `${text}\nseeds:\n  plans:\n    column_types:\n      monthly_fee: numeric(6,2)\n`);
    const result = sparkify(dir, ['seed', '--select', 'plans']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Building 1 seed\n/);
    await withWarehouse(dir, async (db) => {
      const type = await db.query<{ data_type: string }>("select data_type from information_schema.columns where table_name = 'plans' and column_name = 'monthly_fee'");
      assert.equal(type.rows[0].data_type, 'numeric');
    });
  });

  test('a model refs a seed: the seed is its parent in the DAG, selectable by resource_type:seed', async () => {
    editFile(dir, 'models/paying_plans.sql', () => "{{ config(materialized='view') }}\nselect name from {{ ref('plans') }} where monthly_fee > 0\n");
    const listed = sparkify(dir, ['ls', '--select', 'resource_type:seed']);
    assert.deepEqual(listed.stdout.trim().split('\n'), ['plans', 'subscription_levels']);
    const result = sparkify(dir, ['build', '--select', 'plans+']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Building 1 seed and 1 model/);
    await withWarehouse(dir, async (db) => {
      const rows = await db.query('select name from public.paying_plans order by name');
      assert.deepEqual(rows.rows, [{ name: 'premium, family' }, { name: 'student' }]);
    });
  });

  test('a malformed CSV row fails with seeds/x.csv:line and leaves the old table', async () => {
    const before = await withWarehouse(dir, (db) => tableDigest(db, 'plans'));
    editFile(dir, 'seeds/plans.csv', (text) => `${text}4,family,9.99,2019-01-01,x,extra\n`);
    const result = sparkify(dir, ['seed', '--select', 'plans']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /seeds\/plans\.csv:5: malformed CSV row: the row has 6 values but the header has 5 columns \[SPK350\]/);
    assert.equal(await withWarehouse(dir, (db) => tableDigest(db, 'plans')), before);
  });

  test('sparkify seed with a selection that holds no seed says so and succeeds with 0 results, as dbt', () => {
    const result = sparkify(dir, ['seed', '--select', 'users']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /warning: Nothing to do: the selection holds no seed to load \[SPK355\]/);
    const results = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8'));
    assert.deepEqual([results.args.which, results.results], ['seed', []]);
  });
});

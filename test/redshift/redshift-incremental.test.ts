/**
 * Incremental models on Redshift, each strategy's first run (CTAS aside with the unique-key check)
 * and incremental run (a batch table, the columns and key checks, the strategy) as golden files.
 * Pages: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_AS.html (the batch),
 * https://docs.aws.amazon.com/redshift/latest/dg/r_INSERT_30.html (append),
 * https://docs.aws.amazon.com/redshift/latest/dg/r_DELETE.html (DELETE ... USING, no target alias),
 * https://docs.aws.amazon.com/redshift/latest/dg/r_MERGE.html (source a table, both WHEN clauses),
 * https://docs.aws.amazon.com/redshift/latest/dg/c_join_PG_examples.html (the columns check's catalog join).
 */
import { VARIANTS } from '../../src/plan/materializations/incremental.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ModelNode } from '../../src/manifest/manifest.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { assertGolden } from '../golden.js';
import { compileFor, dialect } from './helpers.js';

function incrementalModel(config: string) {
  return compileFor({
    'models/plays.sql': `{{ config(materialized='incremental', ${config}) }}\nselect id, kind from {{ source('raw', 'events') }}\n`
      + '{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}\n',
  });
}

/** The warehouse as build reads it: plays exists, with these columns. */
function existing(columns = ['id', 'kind']): WarehouseState {
  const types: Record<string, string> = { id: 'integer', kind: 'character varying(16)' };
  return { relations: { '["public","plays"]': { kind: 'table', columns: columns.map((name) => ({ name, type: types[name] })) } }, leftovers: [] };
}

function plans(config: string, state?: WarehouseState) {
  return planNodes(incrementalModel(config).compiled.manifest, ['model.plays'], dialect, { state })[0];
}

const STRATEGIES: [string, string][] = [
  ['append', "incremental_strategy='append'"],
  ['delete-insert', "unique_key='id', incremental_strategy='delete+insert'"],
  ['merge', "unique_key='id', incremental_strategy='merge'"],
];

describe('Redshift incremental strategies', () => {
  for (const [name, config] of STRATEGIES) {
    test(`${name}: the first run builds the table aside, the next adds the new rows (r_CREATE_TABLE_AS.html, r_INSERT_30.html, r_DELETE.html, r_MERGE.html)`, () => {
      const first = plans(config);
      assert.equal(first.variant, VARIANTS.full);
      assertGolden(`redshift/incremental-${name}-first.sql`, renderPlan(first));
      const next = plans(config, existing());
      assert.equal(next.variant, VARIANTS.incremental);
      assert.equal(next.runPath, 'models/plays.incremental.sql');
      assertGolden(`redshift/incremental-${name}.sql`, renderPlan(next));
      const sql = next.statements.map((s) => s.sql);
      assert.equal(sql[0], 'BEGIN');
      assert.equal(sql.at(-1), 'COMMIT');
      assert.match(sql.at(-2)!, /^DROP TABLE "public"\."plays__sparkify_batch_00000000"$/, 'the batch is gone before COMMIT');
      assert.match(sql.join('\n'), /where id > \(select max\(id\) from "public"\."plays"\)/, 'the incremental SQL');
      const checks = next.statements.filter((s) => s.check).map((s) => s.check!.code);
      assert.deepEqual(checks, name === 'append' ? ['SPK511'] : ['SPK511', 'SPK510']);
    });
  }

  test('a full build of a model with a unique_key checks the whole table for duplicates (SPK510), as on PostgreSQL', () => {
    const first = plans("unique_key='id'");
    const create = first.statements.findIndex((s) => s.sql.startsWith('CREATE TABLE "public"."plays__sparkify_new_'));
    const check = first.statements.findIndex((s) => s.check?.code === 'SPK510');
    const swap = first.statements.findIndex((s) => s.sql.startsWith('ALTER TABLE "public"."plays" RENAME'));
    assert.ok(create > 0 && check > create && swap > check);
    assert.match(first.statements[check].sql, /FROM "public"\."plays__sparkify_new_00000000"/);
  });

  test('no PostgreSQL-only SQL: no pg_temp, ON COMMIT DROP, regclass, IS DISTINCT FROM, ROW(), window functions or aliased DELETE target', () => {
    const sql = STRATEGIES.map(([, config]) => renderPlan(plans(config, existing()))).join('\n');
    for (const banned of ['pg_temp', 'ON COMMIT DROP', 'regclass', 'IS DISTINCT FROM', 'ROW(', ' OVER (', 'DELETE FROM "public"."plays" AS', '::']) {
      assert.ok(!sql.includes(banned), banned);
    }
  });

  test('merge lists the columns the warehouse holds; compile, without them, prints a marked placeholder', () => {
    const built = renderPlan(plans("unique_key='id', incremental_strategy='merge'", existing()));
    assert.match(built, /WHEN MATCHED THEN UPDATE SET\n {4}"kind" = "new_rows"\."kind"\nWHEN NOT MATCHED THEN INSERT \("id", "kind"\)\n {2}VALUES \("new_rows"\."id", "new_rows"\."kind"\);/);
    const fixture = incrementalModel("unique_key='id', incremental_strategy='merge'");
    const assumed: WarehouseState = { relations: { '["public","plays"]': { kind: 'table' } }, leftovers: [] };
    const compiled = renderPlan(planNodes(fixture.compiled.manifest, ['model.plays'], dialect, { state: assumed })[0]);
    assert.match(compiled, /UPDATE SET \/\* every column of "public"\."plays" but the key/);
    assert.match(compiled, /INSERT \/\* \("column", \.\.\.\) VALUES/);
  });

  test('merge on a table whose every column is in the unique_key falls back to delete+insert, saying why', () => {
    const sql = renderPlan(plans("unique_key=['id', 'kind'], incremental_strategy='merge'", existing()));
    assert.doesNotMatch(sql, /MERGE/);
    assert.match(sql, /-- every column is part of the unique_key[^\n]*\nDELETE FROM "public"\."plays"\nUSING "public"\."plays__sparkify_batch_00000000"\nWHERE "plays"\."id" = "plays__sparkify_batch_00000000"\."id"\n {2}AND "plays"\."kind" = "plays__sparkify_batch_00000000"\."kind"/);
  });

  test('--full-refresh, or no table yet, rebuilds in full', () => {
    const fixture = incrementalModel("unique_key='id'");
    const full = planNodes(fixture.compiled.manifest, ['model.plays'], dialect, { state: existing(), fullRefresh: true })[0];
    assert.equal(full.variant, VARIANTS.full);
    const view: WarehouseState = { relations: { '["public","plays"]': { kind: 'view' } }, leftovers: [] };
    assert.equal(planNodes(fixture.compiled.manifest, ['model.plays'], dialect, { state: view })[0].variant, VARIANTS.full);
    assert.equal((fixture.compiled.manifest.nodes['model.plays'] as ModelNode).incremental?.strategy, 'delete+insert');
  });
});

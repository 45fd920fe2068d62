import { VARIANTS } from '../../src/plan/materializations/incremental.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ModelNode } from '../../src/manifest/manifest.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { planForReview, planRun, runSteps, stateRequest } from '../../src/kinds/plan-run.js';
import { LEFTOVER_PATTERN, sideRelation } from '../../src/plan/side-names.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { relationKey } from '../../src/plan/warehouse-state.js';
import { compileFixture, PROJECT_YML } from '../compile/fixture.js';
import { assertGolden } from '../golden.js';

// Golden plans of every materialization and incremental strategy on PGlite/PostgreSQL, with and
// without warehouse state. Review a changed golden file as you would review the SQL it runs.
const dialect = new PostgresDialect('pglite', "'/dev/blob'");
const RUN = 'abcd1234';

const { manifest } = compileFixture({
  'project.yml': `${PROJECT_YML}on_run_start:
  - create table if not exists {{ target.schema }}.audit (event text)
on_run_end: "insert into {{ target.schema }}.audit select 'end' from {{ ref('base') }} limit 1"
`,
  'models/base.sql': "select id, kind from {{ source('raw', 'events') }}\n",
  'models/recent.sql': "{{ config(materialized='view') }}\nselect * from {{ ref('base') }}\n",
  'models/eph_a.sql': "{{ config(materialized='ephemeral') }}\nselect id, kind from {{ source('raw', 'events') }} where kind = 'a'\n",
  'models/eph_b.sql': "{{ config(materialized='ephemeral') }}\n-- ids of kind a\nwith positive as (select * from {{ ref('eph_a') }} where id > 0)\nselect id from positive\n",
  'models/uses_eph.sql': '-- reads two ephemeral models\nwith one as (select 1 as n)\n'
    + "select b.id, a.kind from {{ ref('eph_b') }} b join {{ ref('eph_a') }} a using (id) cross join one\n",
  'models/plain_eph.sql': "select count(*) as n from {{ ref('eph_a') }}\n",
  'models/inc_append.sql': "{{ config(materialized='incremental') }}\nselect id, kind from {{ source('raw', 'events') }}\n"
    + '{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}\n',
  'models/inc_delete.sql': "{{ config(materialized='incremental', unique_key=['id', 'kind'], incremental_strategy='delete+insert') }}\n"
    + "select id, kind from {{ source('raw', 'events') }}\n",
  'models/inc_merge.sql': "{{ config(materialized='incremental', unique_key='id', incremental_strategy='merge') }}\n"
    + "select id, kind from {{ source('raw', 'events') }}\n",
  'models/hooked.sql': "{{ config(pre_hook=\"delete from audit where event = '{{ this }}'\", post_hook=['analyze {{ this }}', \"insert into audit values ('{{ this }}');\"]) }}\n"
    + "select id from {{ ref('base') }}\n",
});

const model = (name: string) => manifest.nodes[`model.${name}`] as ModelNode;
const plan = (name: string, state?: WarehouseState, fullRefresh = false) =>
  planNodes(manifest, [`model.${name}`], dialect, { runId: RUN, state, fullRefresh })[0];
const stateWith = (name: string, entry: WarehouseState['relations'][string], serverVersion = 180006): WarehouseState =>
  ({ relations: { [relationKey(model(name).relation)]: entry }, leftovers: [], serverVersion });
const columns = [{ name: 'id', type: 'integer' }, { name: 'kind', type: 'character varying(16)' }];
const recentView = { relation: { schema: 'public', identifier: 'recent' }, definition: ' SELECT id,\n    kind\n   FROM public.base;', options: ['security_barrier=true'] };

describe('table and view plans', () => {
  test('a table is built aside under the run id and swapped in, in one transaction', () => {
    assertGolden('pglite/materializations/table.sql', renderPlan(plan('base')));
  });

  test('views that read the table are re-pointed at the new one before the old one is dropped', () => {
    const rebuilt = plan('base', stateWith('base', { kind: 'table', dependentViews: [recentView] }));
    assertGolden('pglite/materializations/table-with-dependent-views.sql', renderPlan(rebuilt));
    const sql = rebuilt.statements.map((s) => s.sql);
    const swap = sql.findIndex((s) => s.includes('RENAME TO "base"'));
    const repoint = sql.findIndex((s) => s.includes('CREATE OR REPLACE VIEW "public"."recent" WITH (security_barrier=true) AS'));
    const drop = sql.findIndex((s) => s.startsWith('DROP TABLE IF EXISTS "public"."base__sparkify_old_abcd1234"'));
    assert.ok(swap < repoint && repoint < drop, 'swap, re-point, then drop');
    assert.ok(!sql.some((s) => /CASCADE/.test(s)), 'nothing is dropped with CASCADE');
  });

  test('a table replacing a view moves the view aside and drops it as a view', () => {
    assertGolden('pglite/materializations/table-over-view.sql', renderPlan(plan('base', stateWith('base', { kind: 'view' }))));
  });

  test('a view is created or replaced; a view replacing a table is swapped in', () => {
    assertGolden('pglite/materializations/view.sql', renderPlan(plan('recent')));
    const overTable = plan('recent', stateWith('recent', { kind: 'table' }));
    assertGolden('pglite/materializations/view-over-table.sql', renderPlan(overTable));
  });

  test('two runs name their side relations apart; long names stay within 63 bytes', () => {
    const first = renderPlan(planNodes(manifest, ['model.base'], dialect, { runId: 'aaaaaaaa' })[0]);
    const second = renderPlan(planNodes(manifest, ['model.base'], dialect, { runId: 'bbbbbbbb' })[0]);
    assert.match(first, /base__sparkify_new_aaaaaaaa/);
    assert.doesNotMatch(second, /aaaaaaaa/);
    const long = sideRelation({ schema: 's', identifier: 'x'.repeat(60) }, 'new', RUN);
    assert.ok(Buffer.byteLength(long.identifier) <= 63, long.identifier);
    assert.match(long.identifier, new RegExp(LEFTOVER_PATTERN));
    assert.notEqual(long.identifier, sideRelation({ schema: 's', identifier: `${'x'.repeat(59)}y` }, 'new', RUN).identifier);
  });
});

describe('ephemeral models', () => {
  test('are inlined as CTEs, transitively and once each, dependencies first', () => {
    assertGolden('pglite/materializations/ephemeral-compiled-uses_eph.sql', model('uses_eph').compiledSql);
    assertGolden('pglite/materializations/ephemeral-compiled-plain_eph.sql', model('plain_eph').compiledSql);
    const sql = model('uses_eph').compiledSql;
    assert.equal(sql.match(/"__sparkify_cte__eph_a" as \(/g)?.length, 1);
    assert.ok(sql.indexOf('"__sparkify_cte__eph_a" as (') < sql.indexOf('"__sparkify_cte__eph_b" as ('));
  });

  test('plan nothing, and stay in the manifest and the graph', () => {
    assert.deepEqual(plan('eph_a').statements, []);
    assert.equal(plan('eph_a').description, 'ephemeral model eph_a');
    assert.deepEqual(manifest.parentMap['model.uses_eph'], ['model.eph_a', 'model.eph_b']);
    const request = stateRequest(manifest, ['model.eph_a', 'model.uses_eph']);
    assert.deepEqual(request.relations.map((r) => r.identifier), ['uses_eph']);
  });
});

describe('incremental models', () => {
  for (const name of ['inc_append', 'inc_delete', 'inc_merge']) {
    test(`${name}: a full build without the table, an incremental run with it`, () => {
      const full = plan(name);
      assert.equal(full.variant, VARIANTS.full);
      assertGolden(`pglite/materializations/${name}-full.sql`, renderPlan(full));
      const run = plan(name, stateWith(name, { kind: 'table', columns }));
      assert.equal(run.variant, VARIANTS.incremental);
      assert.equal(run.runPath, `models/${name}.incremental.sql`);
      assertGolden(`pglite/materializations/${name}-incremental.sql`, renderPlan(run));
      assert.equal(renderPlan(plan(name, stateWith(name, { kind: 'table', columns }), true)), renderPlan(full), '--full-refresh');
      assert.equal(plan(name, stateWith(name, { kind: 'view' })).variant, VARIANTS.full, 'a view in its place is rebuilt');
    });
  }

  test('is_incremental() is rendered both ways and both are kept in the manifest', () => {
    const node = model('inc_append');
    assert.doesNotMatch(node.compiledSql, /max\(id\)/);
    assert.match(node.incremental!.compiledSql, /where id > \(select max\(id\) from "public"\."inc_append"\)/);
    assert.deepEqual({ ...node.incremental, compiledSql: undefined }, { strategy: 'append', uniqueKey: [], compiledSql: undefined });
    assert.deepEqual(model('inc_delete').incremental!.uniqueKey, ['id', 'kind']);
  });

  test('MERGE falls back to delete+insert before PostgreSQL 15; compile marks the columns it cannot know', () => {
    const old = plan('inc_merge', stateWith('inc_merge', { kind: 'table', columns }, 140011));
    assertGolden('pglite/materializations/inc_merge-incremental-pg14.sql', renderPlan(old));
    const review = planForReview(manifest, ['model.inc_merge'], dialect);
    assert.deepEqual(review.nodes.map((p) => p.variant), [VARIANTS.full, VARIANTS.incremental]);
    assertGolden('pglite/materializations/inc_merge-compile.sql', renderPlan(review.nodes[1]));
    assert.deepEqual(planForReview(manifest, ['model.inc_merge'], dialect, true).nodes.map((p) => p.variant), [VARIANTS.full]);
  });

  test('the checks fail the node with the key, and with a hint to --full-refresh', () => {
    const checks = plan('inc_merge', stateWith('inc_merge', { kind: 'table', columns })).statements.filter((s) => s.check);
    assert.deepEqual(checks.map((s) => s.check!.code), ['SPK511', 'SPK510']);
    assert.match(checks[0].check!.hint!, /--full-refresh/);
    assert.match(checks[1].check!.message, /unique_key \(id\)/);
  });
});

describe('hooks and the run', () => {
  test('pre_hook and post_hook run inside the model\'s transaction, with this resolved', () => {
    assertGolden('pglite/materializations/hooked.sql', renderPlan(plan('hooked')));
  });

  test('a run: cleanup of leftovers, on_run_start, the nodes, on_run_end', () => {
    const state: WarehouseState = {
      relations: {}, serverVersion: 180006,
      leftovers: [{ relation: { schema: 'public', identifier: 'base__sparkify_new_zzzz9999' }, kind: 'table' },
        { relation: { schema: 'public', identifier: 'recent__sparkify_old' }, kind: 'view' }],
    };
    const run = planRun(manifest, ['source.raw.events', 'model.base'], dialect, { runId: RUN, state });
    assert.deepEqual(runSteps(run).map((p) => p.id), ['run.cleanup', 'run.on_run_start', 'source.raw.events', 'model.base', 'run.on_run_end']);
    for (const step of [run.cleanup!, run.onRunStart!, run.onRunEnd!]) assertGolden(`pglite/materializations/run-${step.runPath}`, renderPlan(step));
    assert.equal(planRun(manifest, ['model.base'], dialect, { runId: RUN }).cleanup, undefined);
  });

  test('the state request names what the plan depends on', () => {
    const request = stateRequest(manifest, ['source.raw.events', 'model.inc_merge', 'model.recent']);
    assert.deepEqual(request.relations.map((r) => r.identifier), ['events', 'inc_merge', 'recent']);
    assert.deepEqual(request.columnsOf.map((r) => r.identifier), ['inc_merge']);
    assert.deepEqual(request.schemas, ['public']);
    assert.ok(request.known.some((r) => r.identifier === 'eph_a'));
  });
});

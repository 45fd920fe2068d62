/**
 * The warehouse state on Redshift: the catalog queries (golden), how their rows become the state,
 * and the cleanup of a crashed or failed run's side relations planned from it.
 * Pages: https://docs.aws.amazon.com/redshift/latest/dg/c_join_PG_examples.html (pg_class, pg_namespace,
 * pg_attribute joins), https://docs.aws.amazon.com/redshift/latest/dg/pattern-matching-conditions-posix.html (~),
 * https://docs.aws.amazon.com/redshift/latest/dg/r_SVV_TABLE_INFO.html (why not: no empty tables),
 * https://docs.aws.amazon.com/redshift/latest/dg/r_DROP_TABLE.html, r_DROP_VIEW.html (IF EXISTS).
 */
import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redshiftCatalog } from '../../src/engines/redshift/redshift-catalog.js';
import { planRun, stateRequest } from '../../src/kinds/plan-run.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { assertGolden } from '../golden.js';
import { compileFor, dialect } from './helpers.js';

const MODELS = {
  'models/plays.sql': "{{ config(materialized='incremental', unique_key='id') }}\nselect id, kind from {{ source('raw', 'events') }}\n",
  'models/kinds.sql': "{{ config(materialized='view', bind=false) }}\nselect distinct kind from {{ ref('plays') }}\n",
};

function request() {
  const fixture = compileFor(MODELS);
  const ids = ['source.raw.events', 'model.plays', 'model.kinds'];
  return { fixture, ids, request: stateRequest(fixture.compiled.manifest, ids) };
}

/** Runs the catalog's readers over rows as Redshift returns them, one list per step. */
function readState(rowsPerStep: Record<string, unknown>[][]): WarehouseState {
  const state: WarehouseState = { relations: {}, leftovers: [] };
  const steps = redshiftCatalog.steps(request().request);
  assert.equal(steps.length, rowsPerStep.length);
  steps.forEach((step, i) => step.read?.(rowsPerStep[i], state));
  return state;
}

test('the catalog queries read pg_class, pg_namespace and pg_attribute only, in SQL the leader node runs (c_join_PG_examples.html)', () => {
  const steps = redshiftCatalog.steps(request().request);
  const sql = steps.map((s) => `${s.sql};\n`).join('\n');
  assertGolden('redshift/catalog.sql', sql);
  for (const banned of ['regclass', 'VALUES', 'pg_get_viewdef', 'pg_depend', 'svv_table_info', 'OVER (', 'server_version', 'search_path']) {
    assert.ok(!sql.toLowerCase().includes(banned.toLowerCase()), banned);
  }
  assert.match(sql, /c\.relname ~ '__sparkify_\(new\|old\)\(_\[0-9a-z\]\+\)\?\$'/);
});

test('names reach the catalog queries as Redshift literals: a backslash or quote cannot end them', () => {
  const fixture = compileFor({ 'models/odd.sql': "{{ config(materialized='incremental', alias=\"it\\\\'s\") }}\nselect 1 as id\n" });
  const steps = redshiftCatalog.steps(stateRequest(fixture.compiled.manifest, ['model.odd']));
  assert.match(steps[0].sql, /c\.relname = 'it\\\\''s'/);
});

test('rows become relation kinds, the incremental model\'s columns in order, and the leftovers that are not the project\'s', () => {
  const state = readState([
    [{ schema: 'public', identifier: 'plays', relkind: 'r' }, { schema: 'public', identifier: 'kinds', relkind: 'v' }],
    [{ schema: 'public', identifier: 'plays', name: 'id', type: 'integer' }, { schema: 'public', identifier: 'plays', name: 'kind', type: 'character varying(16)' }],
    [
      { schema: 'public', identifier: 'events__sparkify_new_k3x9q2zz', relkind: 'r' },
      { schema: 'public', identifier: 'plays__sparkify_old_k3x9q2zz', relkind: 'r' },
      { schema: 'public', identifier: 'kinds__sparkify_new_k3x9q2zz', relkind: 'v' },
    ],
  ]);
  assert.deepEqual(state.relations['["public","plays"]'], { kind: 'table', columns: [{ name: 'id', type: 'integer' }, { name: 'kind', type: 'character varying(16)' }] });
  assert.deepEqual(state.relations['["public","kinds"]'], { kind: 'view' });
  assert.deepEqual(state.leftovers.map((l) => [l.relation.identifier, l.kind]), [
    ['events__sparkify_new_k3x9q2zz', 'table'], ['plays__sparkify_old_k3x9q2zz', 'table'], ['kinds__sparkify_new_k3x9q2zz', 'view'],
  ]);
});

test('the empty side table a failed COPY left is dropped by the next run, first, in one transaction (r_DROP_TABLE.html, r_DROP_VIEW.html)', () => {
  const { fixture, ids } = request();
  const state = readState([[], [], [
    { schema: 'public', identifier: 'events__sparkify_new_k3x9q2zz', relkind: 'r' },
    { schema: 'public', identifier: 'kinds__sparkify_new_k3x9q2zz', relkind: 'v' },
  ]]);
  const run = planRun(fixture.compiled.manifest, ids, dialect, { runId: 'n3wrun00', state });
  assert.ok(run.cleanup);
  assert.equal(run.cleanup.description, 'cleanup of 2 side relations left by an earlier run');
  assertGolden('redshift/cleanup-leftovers.sql', renderPlan(run.cleanup));
  // The project's own relations are never leftovers, whatever their names.
  const own = compileFor({ 'models/x__sparkify_new_k3x9q2zz.sql': 'select 1 as id\n' });
  const known = stateRequest(own.compiled.manifest, ['model.x__sparkify_new_k3x9q2zz']);
  const ownState: WarehouseState = { relations: {}, leftovers: [] };
  const steps = redshiftCatalog.steps(known);
  steps.at(-1)!.read?.([{ schema: 'public', identifier: 'x__sparkify_new_k3x9q2zz', relkind: 'r' }], ownState);
  assert.deepEqual(ownState.leftovers, []);
  assert.equal(planRun(fixture.compiled.manifest, ids, dialect, { state: readState([[], [], []]) }).cleanup, undefined);
});

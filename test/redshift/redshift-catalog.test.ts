/**
 * The warehouse state on Redshift: the catalog queries (golden), how their rows become the state,
 * and the cleanup of a crashed or failed run's side relations planned from it.
 * Pages: https://docs.aws.amazon.com/redshift/latest/dg/c_join_PG_examples.html (pg_class, pg_namespace,
 * pg_attribute joins), https://docs.aws.amazon.com/redshift/latest/dg/r_DROP_TABLE.html (the FIND_DEPEND
 * view: pg_depend joined twice, deptype 'i'), https://docs.aws.amazon.com/redshift/latest/dg/r_SET.html
 * (SET LOCAL), https://docs.aws.amazon.com/redshift/latest/dg/r_BEGIN.html (BEGIN [ READ WRITE | READ ONLY ]), https://docs.aws.amazon.com/redshift/latest/dg/pattern-matching-conditions-posix.html (~),
 * https://docs.aws.amazon.com/redshift/latest/dg/r_SVV_TABLE_INFO.html (why not: no empty tables),
 * https://docs.aws.amazon.com/redshift/latest/dg/r_PG_DEFAULT_ACL.html (the ACL text),
 * https://docs.aws.amazon.com/redshift/latest/dg/r_DROP_TABLE.html, r_DROP_VIEW.html (IF EXISTS).
 */
import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redshiftCatalog } from '../../src/engines/redshift/redshift-catalog.js';
import { planRun, stateRequest } from '../../src/kinds/plan-run.js';
import type { CatalogStep } from '../../src/plan/warehouse-catalog.js';
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

/** Which step a query is, by what it reads. */
function stepName(step: CatalogStep): string {
  if (step.sql.includes('pg_namespace n WHERE')) return 'schemas';
  if (step.sql.includes('pg_depend')) return 'dependents';
  if (step.sql.includes('pg_attribute')) return 'columns';
  if (step.sql.includes('c.relname ~')) return 'leftovers';
  if (step.sql.includes('c.relkind AS relkind')) return 'kinds';
  return step.sql;
}

/** Runs the catalog's readers over rows as Redshift returns them, by step name (absent: no rows). */
function readState(rows: Record<string, Record<string, unknown>[]>): WarehouseState {
  const state: WarehouseState = { relations: {}, leftovers: [] };
  for (const step of redshiftCatalog.steps(request().request)) step.read?.(rows[stepName(step)] ?? [], state);
  return state;
}

test('the catalog queries read the leader node\'s catalog tables, in one read-only transaction whose search_path qualifies view definitions (c_join_PG_examples.html, r_DROP_TABLE.html, r_SET.html, r_BEGIN.html)', () => {
  const steps = redshiftCatalog.steps(request().request);
  const sql = steps.map((s) => `${s.sql};\n`).join('\n');
  assertGolden('redshift/catalog.sql', sql);
  assert.deepEqual(steps.map(stepName), ['BEGIN READ ONLY', 'SET LOCAL search_path TO pg_catalog', 'schemas', 'kinds', 'columns', 'dependents', 'leftovers', 'COMMIT']);
  // What the leader node does not run, or what would miss rows (SVV_TABLE_INFO omits empty tables).
  for (const banned of ['regclass', 'VALUES', 'svv_table_info', 'OVER (', 'server_version']) {
    assert.ok(!sql.toLowerCase().includes(banned.toLowerCase()), banned);
  }
  assert.match(sql, /c\.relname ~ '__sparkify_\(new\|old\)\(_\[0-9a-z\]\+\)\?\$'/);
  // AWS's FIND_DEPEND: the rule depends on the table (d_p) and internally ('i') on its view (d_c).
  assert.match(sql, /JOIN pg_catalog\.pg_depend d_c ON d_c\.objid = d_p\.objid AND d_c\.deptype = 'i'/);
});

test('names reach the catalog queries as Redshift literals: a backslash or quote cannot end them', () => {
  const fixture = compileFor({ 'models/odd.sql': "{{ config(materialized='incremental', alias=\"it\\\\'s\") }}\nselect 1 as id\n" });
  const steps = redshiftCatalog.steps(stateRequest(fixture.compiled.manifest, ['model.odd']));
  assert.match(steps.find((s) => stepName(s) === 'kinds')!.sql, /c\.relname = 'it\\\\''s'/);
});

test('rows become relation kinds, grants, the incremental model\'s columns in order, and the leftovers that are not the project\'s', () => {
  const state = readState({
    schemas: [{ schema: 'public' }],
    kinds: [
      { schema: 'public', identifier: 'plays', relkind: 'r', acl: 'etl=arwdRxt/etl,group analysts=r/etl,"Jane Doe"=r*/etl', build_user: 'etl' },
      { schema: 'public', identifier: 'kinds', relkind: 'v', acl: null, build_user: 'etl' },
    ],
    columns: [{ schema: 'public', identifier: 'plays', name: 'id', type: 'integer' }, { schema: 'public', identifier: 'plays', name: 'kind', type: 'character varying(16)' }],
    leftovers: [
      { schema: 'public', identifier: 'events__sparkify_new_k3x9q2zz', relkind: 'r' },
      { schema: 'public', identifier: 'plays__sparkify_old_k3x9q2zz', relkind: 'r' },
      { schema: 'public', identifier: 'kinds__sparkify_new_k3x9q2zz', relkind: 'v' },
    ],
  });
  assert.deepEqual(state.schemas, ['public']);
  assert.deepEqual(state.relations['["public","plays"]'], {
    kind: 'table',
    columns: [{ name: 'id', type: 'integer' }, { name: 'kind', type: 'character varying(16)' }],
    // The build's own user (etl, the owner) owns the replacement: only the others' privileges are kept.
    grants: [
      { grantee: 'analysts', granteeKind: 'group', privileges: ['SELECT'], grantable: [] },
      { grantee: 'Jane Doe', granteeKind: 'user', privileges: ['SELECT'], grantable: ['SELECT'] },
    ],
  });
  assert.deepEqual(state.relations['["public","kinds"]'], { kind: 'view' });
  assert.deepEqual(state.leftovers.map((l) => [l.relation.identifier, l.kind]), [
    ['events__sparkify_new_k3x9q2zz', 'table'], ['plays__sparkify_old_k3x9q2zz', 'table'], ['kinds__sparkify_new_k3x9q2zz', 'view'],
  ]);
});

test('dependent views: every bound view reached from a rebuilt relation, views on views after the views they read (r_DROP_TABLE.html)', () => {
  const edge = (identifier: string, view: string, acl: string | null = null) => ({
    schema: 'public', identifier, view_schema: 'reporting', view_name: view, definition: ` SELECT * FROM reporting.${view}_source;`, acl, build_user: 'etl',
  });
  const viewEdge = (from: string, view: string) => ({ ...edge(from, view), schema: 'reporting' });
  const state = readState({
    kinds: [{ schema: 'public', identifier: 'plays', relkind: 'r', acl: null, build_user: 'etl' }],
    dependents: [
      // plays ← a, plays ← c, a ← b, b ← c (c reads plays and b), and z ← y, which reads no rebuilt relation.
      edge('plays', 'a', 'etl=arwdRxt/etl,=r/etl'), edge('plays', 'c'), viewEdge('a', 'b'), viewEdge('b', 'c'), viewEdge('z', 'y'),
    ],
  });
  const views = state.relations['["public","plays"]'].dependentViews!;
  assert.deepEqual(views.map((v) => v.relation.identifier), ['a', 'b', 'c']);
  assert.deepEqual(views[0].grants, [{ grantee: 'PUBLIC', granteeKind: 'public', privileges: ['SELECT'], grantable: [] }]);
  assert.equal(state.relations['["public","kinds"]'], undefined, 'a relation the catalog did not list gets no entry');
});

test('the empty side table a failed COPY left is dropped by the next run, first, in one transaction (r_DROP_TABLE.html, r_DROP_VIEW.html)', () => {
  const { fixture, ids } = request();
  const state = readState({
    leftovers: [
      { schema: 'public', identifier: 'events__sparkify_new_k3x9q2zz', relkind: 'r' },
      { schema: 'public', identifier: 'kinds__sparkify_new_k3x9q2zz', relkind: 'v' },
    ],
  });
  const run = planRun(fixture.compiled.manifest, ids, dialect, { runId: 'n3wrun00', state });
  assert.ok(run.cleanup);
  assert.equal(run.cleanup.description, 'cleanup of 2 side relations left by an earlier run');
  assertGolden('redshift/cleanup-leftovers.sql', renderPlan(run.cleanup));
  // The project's own relations are never leftovers, whatever their names.
  const own = compileFor({ 'models/x__sparkify_new_k3x9q2zz.sql': 'select 1 as id\n' });
  const known = stateRequest(own.compiled.manifest, ['model.x__sparkify_new_k3x9q2zz']);
  const ownState: WarehouseState = { relations: {}, leftovers: [] };
  const steps = redshiftCatalog.steps(known);
  steps.find((s) => stepName(s) === 'leftovers')!.read?.([{ schema: 'public', identifier: 'x__sparkify_new_k3x9q2zz', relkind: 'r' }], ownState);
  assert.deepEqual(ownState.leftovers, []);
  assert.equal(planRun(fixture.compiled.manifest, ids, dialect, { state: readState({}) }).cleanup, undefined);
});

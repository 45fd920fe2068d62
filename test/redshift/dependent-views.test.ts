/**
 * Rebuilds on Redshift with views that read what is rebuilt (issue 15, points 1 and 2), planned from
 * the catalog state that triggers them: the rows Redshift's catalog returns are read by the
 * catalog's own readers, then planned. Pages and the sentences each golden relies on:
 * - https://docs.aws.amazon.com/redshift/latest/dg/r_DROP_TABLE.html: RESTRICT, "Clause that indicates
 *   not to drop the table if any objects depend on it. This action is the default." Its FIND_DEPEND
 *   view is the catalog join the dependents query follows;
 * - https://docs.aws.amazon.com/redshift/latest/dg/r_DROP_VIEW.html: RESTRICT, "Clause that indicates
 *   not to drop the view if any objects depend on it. This action is the default." — hence views on
 *   views are dropped first;
 * - https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_VIEW.html: OR REPLACE, "You can only replace
 *   a view with a new query that generates the identical set of columns, using the same column names
 *   and data types", and WITH NO SCHEMA BINDING, "there is no dependency between the view and the
 *   objects it references";
 * - https://docs.aws.amazon.com/redshift/latest/dg/r_GRANT.html: GRANT … ON [ TABLE ] … TO { username
 *   [ WITH GRANT OPTION ] | GROUP group_name | PUBLIC };
 * - https://docs.aws.amazon.com/redshift/latest/dg/r_PG_DEFAULT_ACL.html: the ACL text read back.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reviewHeader } from '../../src/cli/compile-review.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { redshiftCatalog } from '../../src/engines/redshift/redshift-catalog.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { planForReview, stateRequest } from '../../src/kinds/plan-run.js';
import { VIEW_VARIANTS } from '../../src/plan/materializations/view.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { assertGolden } from '../golden.js';
import { compileFor, dialect, type Fixture } from './helpers.js';

const MODELS = {
  'models/plays.sql': "{{ config(materialized='table') }}\nselect id, kind from {{ source('raw', 'events') }}\n",
  'models/recent.sql': "{{ config(materialized='view') }}\nselect id, kind from {{ ref('plays') }}\n",
};

/** The state build reads for `ids`, from catalog rows as Redshift would return them (by what each query reads). */
function stateFrom(fixture: Fixture, ids: string[], rows: { kinds?: Record<string, unknown>[]; dependents?: Record<string, unknown>[] }): WarehouseState {
  const state: WarehouseState = { relations: {}, leftovers: [] };
  for (const step of redshiftCatalog.steps(stateRequest(fixture.compiled.manifest, ids))) {
    if (step.sql.includes('pg_depend')) step.read?.(rows.dependents ?? [], state);
    else if (step.sql.includes('c.relkind AS relkind,')) step.read?.(rows.kinds ?? [], state);
    else step.read?.([], state);
  }
  return state;
}

/** A bound view reading `schema.identifier`, as the dependents query returns it. */
function edge(identifier: string, view: string, definition: string, acl: string | null, schema = 'public') {
  return { schema, identifier, view_schema: 'public', view_name: view, definition, acl, build_user: 'etl' };
}

describe('a rebuilt table read by bound views (r_DROP_TABLE.html, r_DROP_VIEW.html, r_CREATE_VIEW.html, r_GRANT.html)', () => {
  const fixture = compileFor(MODELS);
  const state = stateFrom(fixture, ['model.plays'], {
    kinds: [{ schema: 'public', identifier: 'plays', relkind: 'r', acl: 'etl=arwdRxt/etl,group analysts=r/etl,bi_user=r*/etl', build_user: 'etl' }],
    dependents: [
      // A user's view on plays, and a user's view on that view.
      edge('plays', 'plays_by_kind', ' SELECT plays.kind, count(*) AS n FROM public.plays GROUP BY plays.kind;', 'etl=arwdRxt/etl,=r/etl'),
      edge('plays_by_kind', 'top_kind', ' SELECT plays_by_kind.kind FROM public.plays_by_kind ORDER BY plays_by_kind.n DESC LIMIT 1;', null),
    ],
  });

  test('the swap drops them (views on views first), creates them again from their definitions with their grants, then drops the old table without CASCADE', () => {
    const plan = planNodes(fixture.compiled.manifest, ['model.plays'], dialect, { runId: 'abcd1234', state })[0];
    const sql = renderPlan(plan);
    assertGolden('redshift/table-swap-dependent-views.sql', sql);
    const at = (pattern: RegExp) => plan.statements.findIndex((s) => pattern.test(s.sql));
    const renamed = at(/RENAME TO "plays";?$/);
    const dropTop = at(/DROP VIEW "public"\."top_kind"$/);
    const dropByKind = at(/DROP VIEW "public"\."plays_by_kind"$/);
    const createByKind = at(/CREATE VIEW "public"\."plays_by_kind" AS/);
    const createTop = at(/CREATE VIEW "public"\."top_kind" AS/);
    const dropOld = at(/^DROP TABLE "public"\."plays__sparkify_old_abcd1234"$/);
    assert.ok(renamed < dropTop && dropTop < dropByKind && dropByKind < createByKind && createByKind < createTop && createTop < dropOld, sql);
    assert.ok(plan.statements.every((s) => !/CASCADE/.test(s.sql)), 'nothing is ever dropped with CASCADE');
    assert.ok(sql.includes('GRANT SELECT ON "public"."plays_by_kind" TO PUBLIC'));
    assert.ok(sql.includes('GRANT SELECT ON "public"."plays" TO GROUP "analysts"'));
    assert.ok(sql.includes('GRANT SELECT ON "public"."plays" TO "bi_user" WITH GRANT OPTION'));
    assert.equal(plan.statements[0].sql, 'BEGIN');
    assert.equal(plan.statements.at(-1)!.sql, 'COMMIT', 'all inside the swap\'s transaction');
  });

  test('late-binding views hold no dependency: the catalog lists none, and the plan touches none', () => {
    const late = stateFrom(fixture, ['model.plays'], { kinds: [{ schema: 'public', identifier: 'plays', relkind: 'r', acl: null, build_user: 'etl' }] });
    const plan = planNodes(fixture.compiled.manifest, ['model.plays'], dialect, { runId: 'abcd1234', state: late })[0];
    assert.ok(plan.statements.every((s) => !/VIEW|GRANT/.test(s.sql)));
  });
});

describe('a view model whose view exists (r_CREATE_VIEW.html, r_ALTER_TABLE.html)', () => {
  const fixture = compileFor(MODELS);
  const state = stateFrom(fixture, ['model.recent'], {
    kinds: [{ schema: 'public', identifier: 'recent', relkind: 'v', acl: 'etl=arwdRxt/etl,group analysts=r/etl', build_user: 'etl' }],
    dependents: [edge('recent', 'recent_ids', ' SELECT recent.id FROM public.recent;', null)],
  });

  test('is built aside and swapped in, since its columns may have changed and OR REPLACE needs "the identical set of columns"', () => {
    const plan = planNodes(fixture.compiled.manifest, ['model.recent'], dialect, { runId: 'abcd1234', state })[0];
    assert.equal(plan.variant, VIEW_VARIANTS.replace);
    assert.equal(plan.runPath, 'models/recent.replace.sql');
    const sql = renderPlan(plan);
    assertGolden('redshift/view-replace.sql', sql);
    assert.ok(!sql.includes('OR REPLACE'));
    assert.ok(!sql.includes('(LIKE'), 'a view gets no LIKE stand-in');
    assert.match(sql, /DROP VIEW "public"\."recent__sparkify_old_abcd1234";\n\nCOMMIT;\n$/);
  });

  test('without a view, CREATE OR REPLACE VIEW; compile shows both plans, labelled', () => {
    const first = planNodes(fixture.compiled.manifest, ['model.recent'], dialect)[0];
    assert.equal(first.variant, VIEW_VARIANTS.create);
    assert.match(renderPlan(first), /CREATE OR REPLACE VIEW "public"\."recent" AS/);
    const review = planForReview(fixture.compiled.manifest, ['model.recent'], dialect);
    assert.deepEqual(review.nodes.map((p) => [p.variant, p.runPath]), [[VIEW_VARIANTS.create, 'models/recent.sql'], [VIEW_VARIANTS.replace, 'models/recent.replace.sql']]);
  });
});

test('the review header compile prints says what each engine does with dependent views, from its dialect', () => {
  const redshift = reviewHeader(dialect);
  const postgres = reviewHeader(new PostgresDialect('pglite', "'/dev/blob'"));
  assert.match(redshift, /-- \* bound views that read a rebuilt table, source, seed or view \(and the views on them\) are dropped\n--   and created again/);
  assert.match(redshift, /late-binding views \(WITH NO SCHEMA BINDING\) depend on nothing and are left alone/);
  assert.doesNotMatch(redshift, /re-pointed/);
  assert.match(postgres, /-- \* views that read a rebuilt table, source, seed or view are re-pointed at the new one/);
  assert.doesNotMatch(postgres, /dropped\n--   and created again/);
  for (const header of [redshift, postgres]) assert.match(header, /privileges others hold on a rebuilt relation are granted on the new one/);
});

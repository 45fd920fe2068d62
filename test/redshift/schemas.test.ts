/**
 * Schemas on Redshift (issue 15, point 7): created once per run, before any node and outside the
 * nodes' transactions, only those the catalog (PG_NAMESPACE) says are missing, never public. Page:
 * https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_SCHEMA.html — "Following are required
 * privileges for CREATE SCHEMA: Superuser, Users with the CREATE SCHEMA privilege", "The schema name
 * can't be PUBLIC", IF NOT EXISTS "should make no changes and return a message that the schema exists",
 * and "To view the new schema, query the PG_NAMESPACE catalog table".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redshiftCatalog } from '../../src/engines/redshift/redshift-catalog.js';
import { planRun, stateRequest } from '../../src/kinds/plan-run.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { assertGolden } from '../golden.js';
import { compileFor, dialect } from './helpers.js';

const fixture = compileFor({
  'models/facts.sql': "{{ config(schema='analytics') }}\nselect 1 as id\n",
  'models/Marts.sql': "{{ config(schema='Reporting') }}\nselect 1 as id\n",
  'models/plain.sql': 'select 1 as id\n',
});
const IDS = ['model.facts', 'model.Marts', 'model.plain'];

/** The state whose schemas query returned `existing`. */
function stateWith(existing: string[]): WarehouseState {
  const state: WarehouseState = { relations: {}, leftovers: [] };
  for (const step of redshiftCatalog.steps(stateRequest(fixture.compiled.manifest, IDS))) {
    step.read?.(step.sql.includes('pg_namespace n WHERE') ? existing.map((schema) => ({ schema })) : [], state);
  }
  return state;
}

test('the catalog is asked which of the run\'s schemas exist, folded as Redshift stores them (r_CREATE_SCHEMA.html: PG_NAMESPACE)', () => {
  const step = redshiftCatalog.steps(stateRequest(fixture.compiled.manifest, IDS)).find((s) => s.sql.includes('pg_namespace n WHERE'))!;
  assert.equal(step.sql, "SELECT n.nspname AS schema FROM pg_catalog.pg_namespace n WHERE n.nspname IN ('analytics', 'public', 'reporting') ORDER BY 1");
});

test('missing schemas are created once, before the nodes, each on its own; public never; no node creates one (r_CREATE_SCHEMA.html)', () => {
  const run = planRun(fixture.compiled.manifest, IDS, dialect, { runId: 'abcd1234', state: stateWith(['public']) });
  assert.ok(run.schemas);
  assertGolden('redshift/create-schemas.sql', renderPlan(run.schemas));
  assert.equal(run.schemas.description, 'creation of 2 schemas the run builds in');
  assert.ok(run.nodes.every((plan) => plan.statements.every((s) => !/CREATE SCHEMA/.test(s.sql))));
});

test('with every schema in the catalog, no statement creates one: a deploy user without CREATE SCHEMA builds (r_CREATE_SCHEMA.html)', () => {
  assert.equal(planRun(fixture.compiled.manifest, IDS, dialect, { state: stateWith(['analytics', 'public', 'reporting']) }).schemas, undefined);
  const onlyPublic = compileFor({ 'models/plain.sql': 'select 1 as id\n' });
  assert.equal(planRun(onlyPublic.compiled.manifest, ['model.plain'], dialect, {}).schemas, undefined, 'compile, without state: public is never created');
});

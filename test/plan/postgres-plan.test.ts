import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { compileFixture } from '../compile/fixture.js';
import { assertGolden } from '../golden.js';

describe('the plan for PGlite and PostgreSQL', () => {
  const { manifest } = compileFixture({
    'models/daily.sql': "select id, kind from {{ source('raw', 'events') }}\n",
    'models/recent.sql': "{{ config(materialized='view') }}\nselect * from {{ ref('daily') }}\n",
  });
  const ids = ['source.raw.events', 'model.daily', 'model.recent'];

  test('PGlite: load, table and view plans match the golden files', () => {
    const plans = planNodes(manifest, ids, new PostgresDialect('pglite', "'/dev/blob'"));
    for (const plan of plans) assertGolden(`pglite/${plan.runPath}`, renderPlan(plan));
  });

  test('PostgreSQL reads COPY rows from STDIN, the rest is the same SQL', () => {
    const pg = planNodes(manifest, ids, new PostgresDialect('postgres', 'STDIN'));
    const lite = planNodes(manifest, ids, new PostgresDialect('pglite', "'/dev/blob'"));
    assert.equal(renderPlan(pg[0]), renderPlan(lite[0]).replaceAll("FROM '/dev/blob'", 'FROM STDIN')); // the rows and the ledger's rows
    assert.equal(renderPlan(pg[1]), renderPlan(lite[1]));
  });

  test('every rebuild is one transaction that swaps the new relation in', () => {
    const [load, table] = planNodes(manifest, ids, new PostgresDialect('pglite', "'/dev/blob'"));
    for (const plan of [load, table]) {
      const sql = plan.statements.map((s) => s.sql);
      assert.equal(sql[0], 'BEGIN');
      assert.equal(sql[sql.length - 1], 'COMMIT');
      const rename = sql.findIndex((s) => s.includes('RENAME TO "'));
      const build = sql.findIndex((s) => s.startsWith('CREATE TABLE') || s.includes('COPY '));
      assert.ok(build > 0 && rename > build, 'the new relation is built before anything is renamed');
    }
    assert.equal(load.statements.filter((s) => s.copyFrom === 'source.raw.events').length, 1);
  });
});

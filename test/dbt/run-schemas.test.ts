/** The run step that creates schemas, for a dbt project: what sparkify builds in, never a source's schema. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadProjectContext } from '../../src/cli/project-context.js';
import { dialectFor } from '../../src/engines/registry.js';
import { planRun, stateRequest } from '../../src/kinds/plan-run.js';
import { copyRentals } from './rentals.js';

describe('the schemas step of a dbt project', () => {
  // A copy: compile writes its caches into .sparkify/, which must not land in the fixture (copies of it would carry them).
  const context = loadProjectContext({ projectDir: copyRentals(), quiet: true });
  const { manifest } = context.compiled;
  const ids = Object.keys(manifest.nodes).sort();
  const dialect = dialectFor(context.project.target);
  const sqlOf = (run: ReturnType<typeof planRun>) => run.schemas?.statements.map((s) => s.sql) ?? [];

  test('the target schema and the snapshots\' target_schema; raw, where the sources are, is not sparkify\'s to create', () => {
    assert.deepEqual(sqlOf(planRun(manifest, ids, dialect, {})), ['CREATE SCHEMA IF NOT EXISTS "analytics"', 'CREATE SCHEMA IF NOT EXISTS "snapshots"']);
    assert.deepEqual(stateRequest(manifest, ids).buildSchemas, ['analytics', 'snapshots']);
  });

  test('--store-failures adds the audit schema, to the catalog\'s question too; what exists is not created again', () => {
    assert.deepEqual(stateRequest(manifest, ids, true).buildSchemas, ['analytics', 'analytics_dbt_test__audit', 'snapshots']);
    const state = { relations: {}, leftovers: [], schemas: ['analytics', 'snapshots'] };
    assert.deepEqual(sqlOf(planRun(manifest, ids, dialect, { storeFailures: true, state })), ['CREATE SCHEMA IF NOT EXISTS "analytics_dbt_test__audit"']);
    assert.equal(planRun(manifest, ids, dialect, { state }).schemas, undefined);
  });
});

/**
 * Capitalised names on Redshift (issue 15, point 4). "ASCII letters in delimited identifiers are
 * case-insensitive and are folded to lowercase" (https://docs.aws.amazon.com/redshift/latest/dg/r_names.html),
 * unless enable_case_sensitive_identifier is on ("When you set enable_case_sensitive_identifier to
 * false, the case of name identifiers is not preserved",
 * https://docs.aws.amazon.com/redshift/latest/dg/r_enable_case_sensitive_identifier.html). sparkify folds
 * every name it writes, so the table `CREATE TABLE "DimTest"` made is the one the catalog lookup finds
 * (`relname = 'dimtest'`) whatever that setting: the second run is an incremental run, and a
 * snapshot's second run closes rows instead of failing with "already exists".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { redshiftCatalog } from '../../src/engines/redshift/redshift-catalog.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { stateRequest } from '../../src/kinds/plan-run.js';
import { VARIANTS } from '../../src/plan/materializations/incremental.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { SNAPSHOT_VARIANTS } from '../../src/snapshots/plan-snapshot.js';
import { readSnapshotFiles } from '../../src/snapshots/snapshot-files.js';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { loadProject } from '../../src/project/index.js';
import { writeProject } from '../compile/fixture.js';
import { assertGolden } from '../golden.js';
import { compileFor, dialect, RS_PROJECT_YML, RS_SOURCES_YML } from './helpers.js';

const FILES = {
  'project.yml': RS_PROJECT_YML,
  'sources.yml': RS_SOURCES_YML,
  'models/DimTest.sql': "{{ config(materialized='incremental', unique_key='UserId', incremental_strategy='merge') }}\n"
    + "select id as \"UserId\", kind as \"Kind\" from {{ source('raw', 'events') }}\n",
  'snapshots/SnapTest.sql': "{{ config(strategy='check', unique_key='UserId', check_cols=['Kind'], snapshot_meta_column_names={'valid_to': 'ValidTo'}) }}\n"
    + "select * from {{ ref('DimTest') }}\n",
};
const IDS = ['model.DimTest', 'snapshot.SnapTest'];

function compiled(target = 'rs') {
  const root = writeProject(FILES);
  const project = loadProject(root, { env: {}, targetName: target });
  return compileProject({ project, env: {}, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), snapshots: readSnapshotFiles(root, project.config.snapshotPaths) });
}

/** The state after a first build, read by the catalog's own readers from what Redshift's catalog holds: folded names. */
function secondRunState(manifest: ReturnType<typeof compiled>['manifest']): WarehouseState {
  const state: WarehouseState = { relations: {}, leftovers: [] };
  const rows: Record<string, Record<string, unknown>[]> = {
    kinds: [
      { schema: 'public', identifier: 'dimtest', relkind: 'r', acl: null, build_user: 'etl' },
      { schema: 'public', identifier: 'snaptest', relkind: 'r', acl: null, build_user: 'etl' },
    ],
    columns: [
      ...['userid', 'kind'].map((name) => ({ schema: 'public', identifier: 'dimtest', name, type: 'integer' })),
      ...['userid', 'kind', 'scd_id', 'snapshot_updated_at', 'valid_from', 'validto'].map((name) => ({ schema: 'public', identifier: 'snaptest', name, type: 'integer' })),
    ],
  };
  for (const step of redshiftCatalog.steps(stateRequest(manifest, IDS))) {
    const name = step.sql.includes('pg_attribute') ? 'columns' : step.sql.includes('c.relkind AS relkind,') ? 'kinds' : '';
    step.read?.(rows[name] ?? [], state);
  }
  return state;
}

describe('capitalised model, snapshot and column names on Redshift (r_names.html, r_enable_case_sensitive_identifier.html)', () => {
  test('the manifest names the relations as Redshift stores them, and the catalog is asked for those names', () => {
    const { manifest } = compiled();
    assert.deepEqual(IDS.map((id) => (manifest.nodes[id] as { relation: unknown }).relation), [
      { schema: 'public', identifier: 'dimtest' }, { schema: 'public', identifier: 'snaptest' },
    ]);
    const kinds = redshiftCatalog.steps(stateRequest(manifest, IDS)).find((s) => s.sql.includes('c.relkind AS relkind,'))!;
    assert.match(kinds.sql, /c\.relname = 'dimtest'\)/);
    assert.doesNotMatch(kinds.sql, /DimTest/);
    // On PGlite and PostgreSQL a quoted name keeps its case.
    assert.deepEqual((compiled('dev').manifest.nodes['model.DimTest'] as { relation: unknown }).relation, { schema: 'public', identifier: 'DimTest' });
  });

  test('with the catalog holding dimtest and snaptest, the second run is the incremental run and the later snapshot run, every name folded', () => {
    const { manifest } = compiled();
    const plans = planNodes(manifest, IDS, dialect, { runId: 'abcd1234', state: secondRunState(manifest) });
    assert.deepEqual(plans.map((p) => p.variant), [VARIANTS.incremental, SNAPSHOT_VARIANTS.later]);
    const [model, snapshot] = plans.map(renderPlan);
    assertGolden('redshift/names-folded-incremental.sql', model);
    assertGolden('redshift/names-folded-snapshot-later.sql', snapshot);
    // Every name sparkify writes is folded; the model's own SELECT is the user's text (Redshift folds it itself).
    const own = (manifest.nodes['model.DimTest'] as { compiledSql: string }).compiledSql;
    const capitalised = (sql: string) => [...sql.replace(own, '').matchAll(/"(?:[^"]|"")*"/g)].map((m) => m[0]).filter((name) => /[A-Z]/.test(name));
    for (const sql of [model, snapshot]) assert.deepEqual(capitalised(sql), [], 'no quoted name keeps a capital');
    // The MERGE updates every column but the key, compared folded: UserId is userid.
    assert.match(model, /WHEN MATCHED THEN UPDATE SET\n {4}"kind" = "new_rows"\."kind"\nWHEN NOT MATCHED/);
  });

  test('two names that fold to one relation are SPK139 on Redshift, and two relations on PostgreSQL', () => {
    const files = { 'models/Users.sql': 'select 1 as id\n', 'models/users.sql': 'select 2 as id\n' };
    let caught: unknown;
    try {
      compileFor(files);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof SparkifyError);
    assert.deepEqual(caught.diagnostics.map((d) => d.code), ['SPK139']);
    assert.match(caught.diagnostics[0].message, /are the same relation public\.users on this target, which folds names to lower case/);
    compileFor(files, 'dev');
  });
});

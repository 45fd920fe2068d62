/**
 * The Sparkify warehouse as the prod target builds it on Redshift: every node's plan as a golden
 * file (test/golden/redshift/sparkify/), compiled from the repo's own models, macros and configs.
 */
import { VARIANTS } from '../../src/plan/materializations/incremental.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { topologicalOrder } from '../../src/graph/index.js';
import { dialectFor } from '../../src/engines/registry.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { loadProject } from '../../src/project/index.js';
import { readSeedFiles } from '../../src/seeds/seed-files.js';
import { assertGolden } from '../golden.js';
import { copyRepoProject, SEED_DWH_CFG } from './helpers.js';

function prodPlans(state?: WarehouseState) {
  const root = copyRepoProject();
  writeFileSync(join(root, 'dwh.cfg'), SEED_DWH_CFG);
  const project = loadProject(root, { env: {}, targetName: 'prod' });
  const files = readProjectFiles(root, project.config.modelPaths, project.config.macroPaths);
  const compiled = compileProject({ project, files, env: {}, seeds: readSeedFiles(root) });
  return planNodes(compiled.manifest, topologicalOrder(compiled.graph), dialectFor(project.target), { state });
}

// Each statement kind is checked against its AWS page in redshift-plan.test.ts; these files show them together.
test('every node of the Sparkify warehouse plans for Redshift as its golden file, the seed as INSERTs (r_COPY.html, r_CREATE_TABLE_AS.html, r_ALTER_TABLE.html, r_INSERT_30.html)', () => {
  const plans = prodPlans();
  assert.deepEqual(plans.map((p) => p.id), [
    'seed.subscription_levels', 'source.sparkify.staging_events', 'source.sparkify.staging_songs',
    'model.artists', 'model.songplays', 'model.songs', 'model.time', 'model.users',
  ]);
  assert.ok(plans.every((p) => p.statements.every((s) => s.check?.code !== 'SPK354')), 'seeds load on Redshift: no SPK354');
  for (const plan of plans) assertGolden(`redshift/sparkify/${plan.runPath}`, renderPlan(plan));
});

test('no PostgreSQL-only SQL reaches Redshift: no interval arithmetic, :: casts, ALTER TABLE IF EXISTS or client-fed COPY', () => {
  const plans = prodPlans();
  const sql = plans.map(renderPlan).join('\n');
  // The ARN holds '::' (arn:aws:iam::...), so casts are looked for in the models' SQL only.
  const models = plans.filter((p) => p.id.startsWith('model.')).map(renderPlan).join('\n');
  assert.ok(!models.includes('::'), ':: casts are PostgreSQL-only: write cast(x as type)');
  for (const banned of ["interval '1 millisecond'", 'ALTER TABLE IF EXISTS', 'FROM STDIN', "'/dev/blob'", 'CASCADE']) {
    assert.ok(!sql.includes(banned), `${banned} is not Redshift SQL (or not wanted there)`);
  }
  assert.match(sql, /DISTSTYLE ALL AS/);
  assert.match(sql, /DISTSTYLE KEY DISTKEY\("start_time"\) SORTKEY\("start_time"\) AS/);
  assert.match(sql, /IAM_ROLE 'arn:aws:iam::123456789012:role\/dwhRole'/);
});

// https://docs.aws.amazon.com/redshift/latest/dg/r_DELETE.html (DELETE ... USING), r_INSERT_30.html
test('songplays, incremental (delete+insert on songplay_id), adds only the new plays once its table exists (r_DELETE.html, r_INSERT_30.html)', () => {
  const state: WarehouseState = { relations: { '["public","songplays"]': { kind: 'table' } }, leftovers: [] };
  const songplays = prodPlans(state).find((p) => p.id === 'model.songplays')!;
  assert.equal(songplays.variant, VARIANTS.incremental);
  assertGolden(`redshift/sparkify/${songplays.runPath}`, renderPlan(songplays));
  const sql = renderPlan(songplays);
  // No load ledger on Redshift (its COPY reloads every file): the filter is `true`, and the
  // delete+insert on songplay_id keeps the re-read plays exact.
  assert.match(sql, /where page = 'NextSong'\n(    --.*\n)*    and true\n\)/);
  assert.match(sql, /DELETE FROM "public"\."songplays"\nUSING "public"\."songplays__sparkify_batch_00000000"\nWHERE "songplays"\."songplay_id" = "songplays__sparkify_batch_00000000"\."songplay_id";/);
});

/**
 * The plans of a snapshot (first run and later run) as golden files, on PostgreSQL/PGlite and on
 * Redshift. The Redshift statements were checked against the AWS pages cited in each test; re-read
 * them before accepting a changed golden file (UPDATE_GOLDENS=1).
 */
import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { SNAPSHOT_VARIANTS } from '../../src/snapshots/plan-snapshot.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { RedshiftDialect } from '../../src/engines/redshift/redshift-dialect.js';
import { planForReview, planRun, stateRequest } from '../../src/kinds/plan-run.js';
import type { Dialect } from '../../src/plan/dialect.js';
import type { ColumnState } from '../../src/plan/warehouse-state.js';
import { relationKey } from '../../src/plan/warehouse-state.js';
import { assertGolden } from '../golden.js';
import { compileSnapshotFixture } from './fixture.js';

const redshift = new RedshiftDialect({ iamRole: 'arn:aws:iam::123456789012:role/sparkify-s3-read', region: 'us-west-2' });
const postgres = new PostgresDialect('pglite', "'/dev/blob'");

const { manifest } = compileSnapshotFixture({
  'models/users.sql': 'select 1 as user_id, \'free\' as level, timestamp \'2024-01-01\' as updated_at\n',
  'snapshots/by_time.sql': "{{ config(strategy='timestamp', unique_key='user_id', updated_at='updated_at') }}\nselect * from {{ ref('users') }}\n",
  'snapshots/by_level.sql': "{% snapshot by_level %}\n{{ config(strategy='check', unique_key=['user_id'], check_cols=['level'], invalidate_hard_deletes=true) }}\n"
    + "select user_id, level from {{ ref('users') }}\n{% endsnapshot %}\n",
  'snapshots/deletions.sql': "{{ config(strategy='check', unique_key='user_id', check_cols=['level'], hard_deletes='new_record', "
    + "valid_to_current=\"timestamp '9999-12-31'\", snapshot_meta_column_names={'valid_from': 'start_at', 'valid_to': 'end_at'}) }}\n"
    + "select user_id, level from {{ ref('users') }}\n",
  'snapshots/all_columns.sql': "{{ config(strategy='check', unique_key='user_id', check_cols='all') }}\nselect * from {{ ref('users') }}\n",
});

/** Both plans of a snapshot, as compile prints them: the first run, then a later run. */
function plans(dialect: Dialect, name: string): [string, string] {
  const review = planForReview(manifest, [`snapshot.${name}`], dialect);
  assert.deepEqual(review.nodes.map((p) => p.variant), [SNAPSHOT_VARIANTS.first, SNAPSHOT_VARIANTS.later]);
  assert.deepEqual(review.nodes.map((p) => p.runPath), [`snapshots/${name}.sql`, `snapshots/${name}.later.sql`]);
  return [renderPlan(review.nodes[0]), renderPlan(review.nodes[1])];
}

/** The later run as build plans it, the warehouse holding the snapshot's table with these columns. */
function laterWithColumns(dialect: Dialect, name: string, columns: string[]): string {
  const relation = { schema: 'public', identifier: name };
  const state = { relations: { [relationKey(relation)]: { kind: 'table' as const, columns: columns.map((c): ColumnState => ({ name: c, type: 'text' })) } }, leftovers: [] };
  const [plan] = planRun(manifest, [`snapshot.${name}`], dialect, { state }).nodes;
  assert.equal(plan.variant, SNAPSHOT_VARIANTS.later);
  return renderPlan(plan);
}

const META = ['scd_id', 'snapshot_updated_at', 'valid_from', 'valid_to'];

describe('snapshot plans on PostgreSQL/PGlite', () => {
  for (const name of ['by_time', 'by_level', 'deletions', 'all_columns']) {
    test(`${name}: first run and later run`, () => {
      const [first, later] = plans(postgres, name);
      assertGolden(`pglite/snapshots/${name}-first.sql`, first);
      assertGolden(`pglite/snapshots/${name}-later.sql`, later);
    });
  }

  test('one transaction each; the first run creates the table, a later run never drops or rebuilds it', () => {
    const [first, later] = plans(postgres, 'by_level');
    for (const text of [first, later]) {
      assert.match(text, /^BEGIN;\n/);
      assert.match(text, /COMMIT;\n$/);
      assert.doesNotMatch(text, /DROP TABLE|RENAME/);
    }
    assert.match(first, /CREATE TABLE "public"\."by_level" AS/);
    assert.doesNotMatch(later, /CREATE TABLE "public"/);
  });
});

describe('snapshot plans on Redshift', () => {
  // UPDATE … FROM, target without alias: https://docs.aws.amazon.com/redshift/latest/dg/r_UPDATE.html
  // INSERT … SELECT: https://docs.aws.amazon.com/redshift/latest/dg/r_INSERT_30.html
  // BEGIN/COMMIT around them: https://docs.aws.amazon.com/redshift/latest/dg/r_BEGIN.html
  // CREATE TEMP TABLE … AS: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_AS.html
  // SYSDATE is the transaction's start: https://docs.aws.amazon.com/redshift/latest/dg/r_SYSDATE.html
  // No IS DISTINCT FROM among the comparison conditions: https://docs.aws.amazon.com/redshift/latest/dg/r_comparison_condition.html
  // ALTER TABLE ADD COLUMN in a transaction block (refused only for external tables): https://docs.aws.amazon.com/redshift/latest/dg/r_ALTER_TABLE.html
  for (const name of ['by_time', 'by_level', 'deletions', 'all_columns']) {
    test(`${name}: first run and later run`, () => {
      const [first, later] = plans(redshift, name);
      assertGolden(`redshift/snapshots/${name}-first.sql`, first);
      assertGolden(`redshift/snapshots/${name}-later.sql`, later);
      assert.doesNotMatch(first + later, /ON CONFLICT|MERGE|IS DISTINCT FROM|now\(\)|DO \$/);
      assert.doesNotMatch(later, /UPDATE "public"\."\w+" AS/, 'Redshift takes no alias on the UPDATE target');
    });
  }

  test('the state request reads the columns of snapshot tables', () => {
    assert.deepEqual(stateRequest(manifest, ['snapshot.by_level', 'snapshot.all_columns']).columnsOf.map((r) => r.identifier), ['by_level', 'all_columns']);
  });

  test("check_cols='all' compares every column of the table but the meta columns; new rows are inserted by name", () => {
    // The table's columns in another order than the query's (user_id, level, updated_at).
    const later = laterWithColumns(redshift, 'all_columns', ['level', ...META, 'updated_at', 'user_id']);
    assertGolden('redshift/snapshots/all_columns-later-build.sql', later);
    for (const column of ['level', 'updated_at', 'user_id']) assert.ok(later.includes(`"source_rows"."${column}" <> "all_columns"."${column}"`), column);
    assert.doesNotMatch(later, /"source_rows"\."valid_to" <>/);
    assert.match(later, /INSERT INTO "public"\."all_columns" \("level", "updated_at", "user_id", "scd_id", "snapshot_updated_at", "valid_from", "valid_to"\)\nSELECT "source_rows"\."level",/);
    assert.doesNotMatch(later, /\/\*/, 'no placeholder once the columns are known');
  });

  test("hard_deletes='new_record' on a table built without it adds the column, in the run's transaction", () => {
    const later = laterWithColumns(redshift, 'deletions', ['user_id', 'level', 'scd_id', 'snapshot_updated_at', 'start_at', 'end_at']);
    assertGolden('redshift/snapshots/deletions-later-build.sql', later);
    assert.match(later, /ALTER TABLE "public"\."deletions" ADD COLUMN "is_deleted" boolean;/);
    assert.equal(laterWithColumns(redshift, 'deletions', ['user_id', 'level', 'scd_id', 'snapshot_updated_at', 'start_at', 'end_at', 'is_deleted']).includes('ALTER TABLE'), false);
  });

  test('a table without a configured meta column is refused at plan time', () => {
    assert.throws(() => laterWithColumns(redshift, 'deletions', ['user_id', 'level', ...META, 'is_deleted']), (error: SparkifyError) => {
      assert.equal(error.diagnostics[0].code, 'SPK712');
      assert.match(error.diagnostics[0].message, /no meta column 'start_at', 'end_at'/);
      return true;
    });
  });

  test('the columns check compares names, not positions, and names the SPK712 problem', () => {
    const later = laterWithColumns(redshift, 'by_level', ['user_id', 'level', ...META]);
    const check = later.split(';\n\n').find((s) => s.includes('-- check: stops the build if the query lacks a column'))!;
    assert.match(check, /FULL JOIN \(/);
    assert.match(check, /ON "existing"\.column_name = "new_rows"\.column_name/);
    assert.doesNotMatch(check, /OVER \(|position/, 'leader-node catalog query: no window function, no positions');
  });
});

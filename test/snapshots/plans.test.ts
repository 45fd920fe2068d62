/**
 * The plans of a snapshot (first run and later run) as golden files, on PostgreSQL/PGlite and on
 * Redshift. The Redshift statements were checked against the AWS pages cited in each test; re-read
 * them before accepting a changed golden file (UPDATE_GOLDEN=1).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { renderPlan } from '../../src/plan/plan-nodes.js';
import { SNAPSHOT_VARIANTS } from '../../src/plan/plan-snapshot.js';
import { PostgresDialect } from '../../src/plan/postgres-dialect.js';
import { RedshiftDialect } from '../../src/plan/redshift/redshift-dialect.js';
import { planForReview } from '../../src/plan/run-plan.js';
import type { Dialect } from '../../src/plan/dialect.js';
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
  for (const name of ['by_time', 'by_level', 'deletions']) {
    test(`${name}: first run and later run`, () => {
      const [first, later] = plans(redshift, name);
      assertGolden(`redshift/snapshots/${name}-first.sql`, first);
      assertGolden(`redshift/snapshots/${name}-later.sql`, later);
      assert.doesNotMatch(first + later, /ON CONFLICT|MERGE|IS DISTINCT FROM|now\(\)|DO \$/);
      assert.doesNotMatch(later, /UPDATE "public"\."\w+" AS/, 'Redshift takes no alias on the UPDATE target');
    });
  }

  test("check_cols='all' is refused at plan time with the snapshot's config line", () => {
    assert.throws(() => planForReview(manifest, ['snapshot.all_columns'], redshift), (error: SparkifyError) => {
      assert.equal(error.diagnostics[0].code, 'SPK712');
      assert.deepEqual(error.diagnostics[0].location, { file: 'snapshots/all_columns.sql', line: 1 });
      return true;
    });
  });
});

import assert from 'node:assert/strict';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { copyProject, countRows, editFile, sparkify, tableDigest, withWarehouse } from './helpers.js';

// The Sparkify project rebuilt over an existing warehouse (issue 4): songplays grows by a day of
// logs, views on rebuilt tables keep working, a crashed run's leftovers are cleaned up, and compile
// printed what build ran.
const DAY_30 = 'data/log_data/2018/11/2018-11-30-events.json';

describe('sparkify build over an existing warehouse', () => {
  let dir: string;
  let review: string;
  let first: ReturnType<typeof sparkify>;
  let day30Plays: number;

  before(() => {
    dir = copyProject();
    day30Plays = readFileSync(join(dir, DAY_30), 'utf8').split('\n').filter((line) => line.includes('"page":"NextSong"')).length;
    renameSync(join(dir, DAY_30), join(dir, 'day-30.json.aside'));
    editFile(dir, 'models/paid_users.sql', () => "{{ config(materialized='view') }}\nselect user_id, level from {{ ref('users') }} where level = 'paid'\n");
    review = sparkify(dir, ['compile', '--select', '+users']).stdout;
    first = sparkify(dir, ['build']);
  });

  test('compile printed exactly what build ran, but for the run id in side relation names', () => {
    assert.equal(first.code, 0, first.stderr + first.stdout);
    const runId = /Run id ([0-9a-z]{8}):/.exec(first.stdout)![1];
    for (const file of ['sources/sparkify/staging_events.sql', 'models/dimensions/users.sql']) {
      const ran = readFileSync(join(dir, 'target/run', file), 'utf8');
      assert.match(ran, new RegExp(`__sparkify_new_${runId}`));
      assert.ok(review.includes(ran.replaceAll(runId, '00000000')), `${file} as compiled`);
    }
    assert.match(review, /^-- The statements `sparkify build` runs for this selection/);
  });

  test('a new day of logs adds only its plays; views on rebuilt relations keep answering; leftovers go', async () => {
    const before = await withWarehouse(dir, async (db) => {
      await db.exec(`
        create view public.user_levels as select level, count(*) as n from public.users group by level;
        create view public.level_count as select count(*) as n from public.user_levels;
        create view public.events_per_page as select page, count(*) as n from public.staging_events group by page;
        create table public.users__sparkify_new_deadbeef (x int);
        create table public.songs__sparkify_old (x int);`);
      return countRows(db, 'songplays');
    });
    renameSync(join(dir, 'day-30.json.aside'), join(dir, DAY_30));
    const second = sparkify(dir, ['build']);
    assert.equal(second.code, 0, second.stderr + second.stdout);
    assert.match(second.stdout, /OK ran cleanup of 2 side relations left by an earlier run/);
    assert.match(second.stdout, new RegExp(`OK updated incremental model public\\.songplays \\.+ \\[INSERT ${day30Plays} in`));
    await withWarehouse(dir, async (db) => {
      const one = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows[0];
      assert.equal(await countRows(db, 'songplays'), before + day30Plays);
      assert.deepEqual(await one('select sum(n)::int as n from public.user_levels'), { n: await countRows(db, 'users') });
      assert.deepEqual(await one('select n::int from public.level_count'), { n: 2 });
      assert.deepEqual(await one('select sum(n)::int as n from public.events_per_page'), { n: await countRows(db, 'staging_events') });
      assert.deepEqual(await one('select count(*)::int as n from public.paid_users'),
        await one("select count(*)::int as n from public.users where level = 'paid'"));
      assert.deepEqual(await one("select count(*)::int as n from pg_class where relname ~ '__sparkify_(new|old)'"), { n: 0 });
    });
    const plan = readFileSync(join(dir, 'target/run/models/dimensions/users.sql'), 'utf8');
    assert.match(plan, /CREATE OR REPLACE VIEW "public"\."user_levels" AS\nSELECT level,/);
    assert.match(plan, /CREATE OR REPLACE VIEW "public"\."paid_users" AS/);
    assert.doesNotMatch(plan, /level_count|CASCADE/, 'a view on a view needs nothing');
  });

  test('the incremental songplays equals a --full-refresh build on all 30 days, and a rerun adds nothing', async () => {
    const incremental = await withWarehouse(dir, (db) => tableDigest(db, 'songplays'));
    const full = sparkify(dir, ['build', '--full-refresh']);
    assert.equal(full.code, 0, full.stderr + full.stdout);
    assert.match(full.stdout, /OK created incremental model public\.songplays \.+ \[SELECT \d+ in/);
    assert.equal(await withWarehouse(dir, (db) => tableDigest(db, 'songplays')), incremental);
    const again = sparkify(dir, ['build', '--select', 'songplays']);
    assert.match(again.stdout, /OK updated incremental model public\.songplays \.+ \[INSERT 0 in/);
    assert.equal(await withWarehouse(dir, (db) => tableDigest(db, 'songplays')), incremental);
  });
});

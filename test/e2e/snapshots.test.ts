import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { copyProject, countRows, sparkify, withWarehouse } from './helpers.js';

// users_snapshot (snapshots/users_snapshot.sql) through the real CLI on PGlite: a build, a level
// change in the logs, another build.
const LAST_DAY = 'data/log_data/2018/11/2018-11-30-events.json';

interface Version {
  user_id: number;
  level: string;
  valid_from: string;
  valid_to: string | null;
}

/** Adds an event one millisecond after the last one of the day's file, by the same user, with the other level. */
function flipLatestLevel(dir: string): { userId: number; level: string } {
  const lines = readFileSync(join(dir, LAST_DAY), 'utf8').split('\n').filter((line) => line.includes('"userId":"') && !line.includes('"userId":""'));
  const latest = lines.map((line) => JSON.parse(line) as Record<string, unknown>).sort((a, b) => Number(b.ts) - Number(a.ts))[0];
  const level = latest.level === 'paid' ? 'free' : 'paid';
  const event = { ...latest, ts: Number(latest.ts) + 1, level, page: 'Home', song: null, artist: null, length: null };
  writeFileSync(join(dir, 'data/log_data/2018/11/2018-11-30-upgrade.json'), JSON.stringify(event));
  return { userId: Number(latest.userId), level };
}

const versions = (dir: string) => withWarehouse(dir, async (db) => (await db.query<Version>(
  'select user_id, level, valid_from::text as valid_from, valid_to::text as valid_to from public.users_snapshot order by user_id, valid_from')).rows);

describe('users_snapshot: the history of each user\'s level', () => {
  let dir: string;
  let users: number;
  before(() => {
    dir = copyProject();
  });

  test('the first build creates it with one current row per user', async () => {
    const result = sparkify(dir, ['build']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    users = await withWarehouse(dir, (db) => countRows(db, 'users'));
    assert.match(result.stdout, new RegExp(`OK snapshotted snapshot public\\.users_snapshot \\.+ \\[SELECT ${users} in`));
    assert.match(result.stdout, /PASS unique_users_snapshot_scd_id/);
    const rows = await versions(dir);
    assert.equal(rows.length, users);
    assert.ok(rows.every((r) => r.valid_to === null));
  });

  test('a level change in the logs, then build: two rows for that user, valid_to of the old = valid_from of the new', async () => {
    const before = await versions(dir);
    const { userId, level } = flipLatestLevel(dir);
    const result = sparkify(dir, ['build']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /OK snapshotted snapshot public\.users_snapshot \.+ \[INSERT 1 in/);
    const after = await versions(dir);
    const changed = after.filter((r) => r.user_id === userId);
    assert.equal(changed.length, 2);
    assert.notEqual(changed[0].level, level);
    assert.equal(changed[1].level, level);
    assert.equal(changed[0].valid_to, changed[1].valid_from);
    assert.equal(changed[1].valid_to, null);
    assert.deepEqual(after.filter((r) => r.user_id !== userId), before.filter((r) => r.user_id !== userId), 'every other user keeps its one row');
  });

  test('sparkify snapshot over unchanged data adds nothing; ls and compile show it', async () => {
    const result = sparkify(dir, ['snapshot']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /Building 1 snapshot\n/);
    assert.match(result.stdout, /OK snapshotted snapshot public\.users_snapshot \.+ \[INSERT 0 in/);
    assert.equal((await versions(dir)).length, users + 1);
    assert.deepEqual(sparkify(dir, ['ls', '--select', 'resource_type:snapshot']).stdout.trim().split('\n'), ['users_snapshot'], 'resource_type: means exactly that type (README, Select)');
    assert.deepEqual(sparkify(dir, ['ls', '--select', 'users_snapshot']).stdout.trim().split('\n'),
      ['users_snapshot', 'not_null_users_snapshot_user_id', 'unique_users_snapshot_scd_id'], 'a snapshot brings its tests (eager)');
    const review = sparkify(dir, ['compile', '--select', 'users_snapshot']).stdout;
    assert.match(review, /-- snapshot\.users_snapshot \(snapshots\/users_snapshot\.sql\): snapshot public\.users_snapshot — first run/);
    assert.match(review, /-- snapshot\.users_snapshot \(snapshots\/users_snapshot\.sql\): snapshot public\.users_snapshot — later run/);
    assert.match(readFileSync(join(dir, 'target/compiled/snapshots/users_snapshot.sql'), 'utf8'), /from "public"\."users"/);
  });

  test('--full-refresh keeps the history; a selection without snapshots is nothing to do for sparkify snapshot (SPK713)', async () => {
    const result = sparkify(dir, ['build', '--full-refresh', '--select', 'users_snapshot']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.equal((await versions(dir)).length, users + 1);
    const none = sparkify(dir, ['snapshot', '--select', 'users']);
    assert.equal(none.code, 0, none.stderr);
    assert.match(none.stderr, /Nothing to do: the selection holds no snapshot to run \[SPK713\]/);
  });
});

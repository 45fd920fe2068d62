import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { copyProject, countRows, editFile, sparkify, tableDigest, withWarehouse, REPO_ROOT } from './helpers.js';
import { readRunResults } from '../support/run-results.js';

describe('sparkify build on the repo sample', () => {
  let dir: string;
  before(() => {
    dir = copyProject();
  });

  test('--select songplays on an empty warehouse says what is missing and suggests +songplays', () => {
    const result = sparkify(dir, ['build', '--select', 'songplays']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /songplays depends on public\.staging_events, public\.staging_songs, which do not exist in the warehouse yet/);
    assert.match(result.stderr, /sparkify build --select \+songplays/);
  });

  test('--select +songplays loads and builds everything upstream, and only that', () => {
    // cautious: only the tests whose parents are all selected (the relationships tests to the
    // dimensions would need them built); the default, eager, would run those too (dbt's rule).
    const result = sparkify(dir, ['build', '--select', '+songplays', '--indirect-selection', 'cautious']);
    assert.equal(result.code, 0, result.stderr);
    // songplays' 2 unit tests are selected with it (their only parent), and run before it.
    assert.match(result.stdout, /Building 2 sources, 1 model, 6 tests and 2 unit tests/);
    assert.match(result.stdout, /Done\. PASS=11 WARN=0 ERROR=0 SKIP=0 TOTAL=11/);
  });

  test('a full build gives the figures data/README.md states for the generated sample', async () => {
    assert.equal(sparkify(dir, ['build']).code, 0);
    const all = readFileSync(join(REPO_ROOT, 'data/README.md'), 'utf8');
    const readme = all.slice(all.indexOf('## Expected star-schema figures'));
    const figure = (label: string) => Number(new RegExp(`\\| ${label}[^|]*\\| (\\d+) \\|`).exec(readme)![1]);
    const actual = await withWarehouse(dir, async (db) => ({
      staging_events: await countRows(db, 'staging_events'),
      staging_songs: await countRows(db, 'staging_songs'),
      users: await countRows(db, 'users'),
      songs: await countRows(db, 'songs'),
      artists: await countRows(db, 'artists'),
      time: await countRows(db, 'time'),
      songplays: await countRows(db, 'songplays'),
      matched: (await db.query<{ n: number }>('select count(song_id)::int as n from public.songplays')).rows[0].n,
    }));
    assert.deepEqual(actual, {
      staging_events: figure('staging_events rows'), staging_songs: figure('staging_songs rows'),
      users: figure('users'), songs: figure('songs \\(distinct'), artists: figure('artists'),
      time: figure('time'), songplays: figure('songplays \\(NextSong'), matched: figure('songplays with a song_id'),
    });
  });

  test('--select songplays after a full build updates only songplays (incremental: no new plays)', () => {
    const result = sparkify(dir, ['build', '--select', 'songplays']);
    assert.equal(result.code, 0, result.stderr);
    // Nothing else is built: songplays, its 10 data tests (eager) and its 2 unit tests, which run first.
    assert.match(result.stdout, /Building 1 model, 10 tests and 2 unit tests/);
    assert.match(result.stdout, /3 of \d+ OK updated incremental model public\.songplays \.+ \[INSERT 0 in/);
  });

  test('a malformed JSON record fails the load with path:line:column and keeps the old staging table', async () => {
    const before = await withWarehouse(dir, (db) => tableDigest(db, 'staging_events'));
    const file = 'data/log_data/2018/11/2018-11-02-events.json';
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines[2] = lines[2].replace('"auth":', '"auth"');
    writeFileSync(join(dir, file), lines.join('\n'));
    const result = sparkify(dir, ['build']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`${file.replace(/\//g, '\\/')}:3:\\d+: malformed JSON`));
    assert.match(result.stdout, /SKIP/);
    assert.equal(await withWarehouse(dir, (db) => tableDigest(db, 'staging_events')), before);
    const results = readRunResults(dir);
    assert.equal(results.success, false);
    assert.equal(results.results.find((r) => r.id === 'model.users')!.status, 'skipped');
  });
});

describe('build errors and the warehouse lock', () => {
  test('a SQL error names the model file, the compiled file and the line', async () => {
    const dir = copyProject();
    assert.equal(sparkify(dir, ['build']).code, 0);
    const usersBefore = await withWarehouse(dir, (db) => tableDigest(db, 'users'));
    editFile(dir, 'models/dimensions/users.sql', (t) => t.replace('        gender,\n        level,', '        gender,\n        levle,'));
    // Without users' unit test, which would hit the same error first (in its in-memory PGlite) and skip users.
    const result = sparkify(dir, ['build', '--select', 'users', '--exclude', 'test_type:unit']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /models\/dimensions\/users\.sql:10: database error in table model public\.users: column "levle" does not exist/);
    assert.match(result.stderr, /target\/compiled\/models\/dimensions\/users\.sql:10/);
    assert.match(result.stderr, /target\/run\/models\/dimensions\/users\.sql:\d+/);
    assert.equal(await withWarehouse(dir, (db) => tableDigest(db, 'users')), usersBefore, 'users untouched');
  });

  test('a second process gets "in use by pid N" and the first one finishes intact', async () => {
    const dir = copyProject();
    const first = spawn(process.execPath, [join(REPO_ROOT, 'bin/sparkify.js'), 'build'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    const done = new Promise<number>((resolve) => first.on('exit', (code) => resolve(code ?? -1)));
    const lock = join(dir, '.sparkify/dev.lock');
    for (let i = 0; i < 600 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 50));
    const second = sparkify(dir, ['build']);
    assert.equal(second.code, 2);
    assert.match(second.stderr, new RegExp(`in use by pid ${first.pid}`));
    assert.equal(await done, 0);
    assert.ok(await withWarehouse(dir, (db) => countRows(db, 'songplays')) > 0);
  });

  test('a missing data location names sources.yml:line and hints at data_root', () => {
    const dir = copyProject({ withData: false });
    const result = sparkify(dir, ['build', '--vars', '{"data_root": "no/such/folder"}']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /sources\.yml:\d+(:\d+)?: .*no\/such\/folder\/log_data/);
    assert.match(result.stderr, /hint: .*data_root/);
    assert.match(result.stdout, /ERROR/);
  });

  test('a lock left by a dead process is taken over', () => {
    const dir = copyProject();
    editFile(dir, '.sparkify/dev.lock', () => '999999');
    const result = sparkify(dir, ['build', '--select', 'source:sparkify.staging_songs']);
    assert.equal(result.code, 0, result.stderr);
  });
});

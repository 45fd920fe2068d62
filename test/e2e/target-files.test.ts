import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { syncOwnedFiles } from '../../src/run/target-files.js';
import { copyProject, editFile, sparkify } from './helpers.js';

const LONG_AGO = new Date('2000-01-01T00:00:00Z');

/** Backdates files, so a rewrite shows as a new mtime whatever the file system's clock granularity. */
function backdate(dir: string, paths: string[]): void {
  for (const path of paths) utimesSync(join(dir, path), LONG_AGO, LONG_AGO);
}

function untouched(dir: string, path: string): boolean {
  return statSync(join(dir, path)).mtimeMs === LONG_AGO.getTime();
}

const USERS = ['target/compiled/models/dimensions/users.sql', 'target/run/models/dimensions/users.sql'];
const ARTISTS = ['target/compiled/models/dimensions/artists.sql', 'target/run/models/dimensions/artists.sql'];

// Regression: compile rewrote every file under target/, 40% of its time on a 5,000-model project.
test('compile rewrites only the target/ files whose content changed', () => {
  const dir = copyProject({ withData: false });
  assert.equal(sparkify(dir, ['compile']).code, 0);
  backdate(dir, [...USERS, ...ARTISTS, 'target/manifest.json']);
  const again = sparkify(dir, ['compile']);
  assert.equal(again.code, 0, again.stderr);
  for (const path of [...USERS, ...ARTISTS, 'target/manifest.json']) assert.ok(untouched(dir, path), `${path} was rewritten`);

  editFile(dir, 'models/dimensions/users.sql', (sql) => `${sql}\n-- a reviewer's note\n`);
  assert.equal(sparkify(dir, ['compile']).code, 0);
  for (const path of USERS) {
    assert.ok(!untouched(dir, path), `${path} was not rewritten`);
    assert.match(readFileSync(join(dir, path), 'utf8'), /a reviewer's note/);
  }
  for (const path of ARTISTS) assert.ok(untouched(dir, path), `${path} was rewritten`);
});

// Regression: the compiled and run files of a deleted model stayed in target/ and looked current.
test('compile and build remove the target/ files of nodes that no longer exist, and only those', () => {
  const dir = copyProject();
  editFile(dir, 'models/extra/old_report.sql', () => "select count(*) as n from {{ ref('users') }}\n");
  assert.equal(sparkify(dir, ['compile']).code, 0);
  const oldFiles = ['target/compiled/models/extra/old_report.sql', 'target/run/models/extra/old_report.sql'];
  for (const path of oldFiles) assert.ok(existsSync(join(dir, path)), path);

  rmSync(join(dir, 'models/extra/old_report.sql'));
  assert.equal(sparkify(dir, ['compile']).code, 0);
  for (const path of oldFiles) assert.equal(existsSync(join(dir, path)), false, `${path} is stale`);
  assert.equal(existsSync(join(dir, 'target/compiled/models/extra')), false, 'its emptied folder goes too');
  for (const path of [...USERS, 'target/run/sources/sparkify/staging_events.sql']) assert.ok(existsSync(join(dir, path)), path);

  // A build of one seed writes only that seed's plan: the run files of the other nodes stay, those of
  // a model deleted since the last compile go.
  editFile(dir, 'models/extra/another.sql', () => 'select 1 as x\n');
  assert.equal(sparkify(dir, ['compile']).code, 0);
  rmSync(join(dir, 'models/extra/another.sql'));
  const seed = sparkify(dir, ['seed']);
  assert.equal(seed.code, 0, seed.stderr);
  assert.equal(existsSync(join(dir, 'target/run/models/extra/another.sql')), false);
  for (const path of [...USERS, 'target/run/sources/sparkify/staging_events.sql', 'target/run/seeds/subscription_levels.sql']) {
    assert.ok(existsSync(join(dir, path)), path);
  }
});

test('files the index does not list, and index entries outside compiled/ and run/, are never removed', () => {
  const dir = copyProject({ withData: false });
  mkdirSync(join(dir, 'target/run/models'), { recursive: true });
  writeFileSync(join(dir, 'target/run/models/by-hand.sql'), 'select 1;\n');
  writeFileSync(join(dir, 'outside.txt'), 'keep\n');
  writeFileSync(join(dir, 'target/files.json'), JSON.stringify({
    schemaVersion: 1,
    files: { '../outside.txt': 'model.gone', 'manifest.json': 'model.gone', 'run/models/x.sql': 'model.gone' },
  }));
  syncOwnedFiles(dir, 'target', [{ path: 'target/run/models/y.sql', owner: 'model.y', text: 'select 2;\n' }], (owner) => owner === 'model.y');
  assert.equal(readFileSync(join(dir, 'outside.txt'), 'utf8'), 'keep\n');
  assert.ok(existsSync(join(dir, 'target/run/models/by-hand.sql')));
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'target/files.json'), 'utf8')).files, { 'run/models/y.sql': 'model.y' });
});

/**
 * Issue 13: a compile with nothing changed leaves target/compiled and target/run as the last
 * compile of the same inputs wrote them, without planning again; any change to what those files
 * depend on (a model, --full-refresh, --target-path), or to the files themselves, takes the full path.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../e2e/helpers.js';
import { writeProject } from './fixture.js';

const SHORTCUT = 'target/ as the last compile of the same inputs left it';

/** Runs `sparkify compile` with phase timings; returns what it printed on stderr. */
function compile(root: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/sparkify.js'), 'compile', '--project-dir', root, ...args], {
    encoding: 'utf8', env: { ...process.env, SPARKIFY_TIMINGS: '1', NO_COLOR: '1' },
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  // Either way, it says what it compiled.
  assert.match(run.stdout, /Compiled 2 models and 1 source into target\/ \(manifest\.json, compiled\/, run\/\)/);
  return run.stderr;
}

test('a compile with nothing changed skips planning; a removed, edited or outdated target/ file sends it down the full path', () => {
  const root = writeProject({
    'models/events_clean.sql': "select id, kind from {{ source('raw', 'events') }}\n",
    'models/daily.sql': "{{ config(materialized='incremental', unique_key='id') }}\nselect id from {{ ref('events_clean') }}\n",
  });
  const compiledFile = join(root, 'target/compiled/models/events_clean.sql');
  const runFile = join(root, 'target/run/models/daily.sql');
  assert.doesNotMatch(compile(root), new RegExp(SHORTCUT));
  const written = { compiled: readFileSync(compiledFile, 'utf8'), run: readFileSync(runFile, 'utf8') };
  assert.match(compile(root), new RegExp(SHORTCUT));

  rmSync(compiledFile);
  assert.doesNotMatch(compile(root), new RegExp(SHORTCUT));
  assert.equal(readFileSync(compiledFile, 'utf8'), written.compiled);

  writeFileSync(runFile, '-- edited by hand\n');
  assert.doesNotMatch(compile(root), new RegExp(SHORTCUT));
  assert.equal(readFileSync(runFile, 'utf8'), written.run);
  assert.match(compile(root), new RegExp(SHORTCUT));

  // The plans depend on --full-refresh: it is part of the key, both ways.
  assert.doesNotMatch(compile(root, '--full-refresh'), new RegExp(SHORTCUT));
  assert.match(compile(root, '--full-refresh'), new RegExp(SHORTCUT));
  assert.doesNotMatch(compile(root), new RegExp(SHORTCUT));
  assert.equal(readFileSync(runFile, 'utf8'), written.run);

  // An edited model is compiled and written again.
  writeFileSync(join(root, 'models/events_clean.sql'), "select id, kind, 1 as version from {{ source('raw', 'events') }}\n");
  assert.doesNotMatch(compile(root), new RegExp(SHORTCUT));
  assert.match(readFileSync(compiledFile, 'utf8'), /1 as version/);

  // Another target folder starts empty: everything is written there.
  assert.doesNotMatch(compile(root, '--target-path', 'elsewhere'), new RegExp(SHORTCUT));
  assert.match(readFileSync(join(root, 'elsewhere/compiled/models/events_clean.sql'), 'utf8'), /1 as version/);
});

test('target/manifest.json is not written again for the same inputs, and is written again once edited or removed', () => {
  const root = writeProject({ 'models/events_clean.sql': "select id, kind from {{ source('raw', 'events') }}\n", 'models/daily.sql': "select id from {{ ref('events_clean') }}\n" });
  const manifest = join(root, 'target/manifest.json');
  compile(root);
  const first = statSync(manifest).mtimeMs;
  const nodes = Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { nodes: object }).nodes).sort();
  compile(root);
  assert.equal(statSync(manifest).mtimeMs, first, 'nothing changed: the manifest is left as it was');
  writeFileSync(manifest, '{"edited": true}');
  compile(root);
  assert.deepEqual(Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { nodes: object }).nodes).sort(), nodes);
  rmSync(manifest);
  compile(root);
  assert.deepEqual(Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { nodes: object }).nodes).sort(), nodes);
});

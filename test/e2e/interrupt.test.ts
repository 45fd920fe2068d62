import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyProject, countRows, REPO_ROOT, sparkify, withWarehouse } from './helpers.js';

// Ctrl-C during a load: the node in progress rolls back, the warehouse closes cleanly and the
// lock is released, so the next build simply works.
test('Ctrl-C during a build closes the warehouse cleanly and the next build succeeds', async () => {
  const dir = copyProject({ withData: false });
  const data = join(dir, 'big-data');
  const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/scripts/generate-data.js'), '--scale', '30', '--out', data]);
  assert.equal(generated.status, 0, String(generated.stderr));
  const vars = JSON.stringify({ data_root: data });

  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/sparkify.js'), 'build', '--vars', vars], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  // Interrupt once the warehouse is open and the first source is loading.
  for (let i = 0; i < 1200 && !/rows/.test(stderr) && !/1 of \d+/.test(stdout); i++) await new Promise((r) => setTimeout(r, 25));
  child.kill('SIGINT');
  const code = await exited;

  assert.ok(code === 130 || code === 0, `exit ${code}: ${stderr}`);
  if (code === 130) assert.match(stderr, /cancelled/);
  assert.equal(existsSync(join(dir, '.sparkify/dev.lock')), false, 'lock released');
  const next = sparkify(dir, ['build', '--vars', vars]);
  assert.equal(next.code, 0, next.stderr);
  assert.ok(await withWarehouse(dir, (db) => countRows(db, 'songplays')) > 10_000);
});

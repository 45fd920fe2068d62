/** Issue 4: a PGlite build killed with SIGKILL mid-run leaves a stale lock; the next build takes it over. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyProject, REPO_ROOT, sparkify, withWarehouse } from '../e2e/helpers.js';
import { counts, liteTables } from '../postgres/helpers.js';
import { startCli, waitForOutput } from '../support/spawn-cli.js';
import { tempDir } from '../support/temp-dir.js';

describe('a PGlite build killed with SIGKILL in the middle', () => {
  let data: string;
  let vars: string;
  const dirs: string[] = [];
  const project = () => {
    const dir = copyProject({ withData: false });
    dirs.push(dir);
    return dir;
  };

  before(() => {
    data = tempDir('sparkify-sigkill-data-');
    const gen = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/scripts/generate-data.js'), '--scale', '20', '--out', data], { encoding: 'utf8' });
    assert.equal(gen.status, 0, gen.stderr);
    vars = JSON.stringify({ data_root: data });
  });
  after(() => {
    for (const dir of [data, ...dirs]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the next build takes over the stale lock and builds the same tables as a clean build', async () => {
    const clean = project();
    const reference = sparkify(clean, ['build', '--vars', vars]);
    assert.equal(reference.code, 0, reference.stderr + reference.stdout);
    const expected = await withWarehouse(clean, liteTables);

    const dir = project();
    const victim = startCli(dir, ['build', '--vars', vars]);
    await waitForOutput(victim, /^\S+\s+1 of \d+ /m); // the first node line: the build is in the middle
    victim.child.kill('SIGKILL');
    const killed = await victim.done;
    assert.equal(killed.signal, 'SIGKILL');
    assert.doesNotMatch(killed.stdout, /Finished running/, 'killed before the end');
    const lockFile = join(dir, '.sparkify/dev.lock');
    assert.ok(existsSync(lockFile), 'the dead build left its lock file');
    assert.equal(Number(readFileSync(lockFile, 'utf8')), victim.child.pid);

    const next = sparkify(dir, ['build', '--vars', vars]);
    assert.equal(next.code, 0, next.stderr + next.stdout);
    assert.doesNotMatch(next.stdout + next.stderr, /in use by pid/);
    assert.ok(!existsSync(lockFile), 'released at the end');
    const rebuilt = await withWarehouse(dir, liteTables);
    assert.deepEqual(counts(rebuilt), counts(expected));
    assert.deepEqual(rebuilt, expected);
  });
});

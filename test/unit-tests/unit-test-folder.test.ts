/**
 * The unit-test database's temporary folder (~40 MB) does not outlive its run: removed at close,
 * at exit when a signal stops the build, and by a later run when its process was killed outright.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeUnitTestFolder, removeAbandonedFolders } from '../../src/unit-tests/unit-test-folder.js';
import { copyProject } from '../e2e/helpers.js';
import { startCli, waitForOutput, type RunningCli } from '../support/spawn-cli.js';
import { tempDir } from '../support/temp-dir.js';

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

/** A unit-test folder in `parent` as a run of `pid` leaves it. */
function folderOf(parent: string, name: string, pid?: number): string {
  const folder = join(parent, `sparkify-unit-test-${name}`);
  mkdirSync(join(folder, 'pgdata'), { recursive: true });
  if (pid !== undefined) writeFileSync(join(folder, 'owner.pid'), String(pid));
  return folder;
}

test('folders of processes that are gone are removed; a live process\'s and a recent one without an owner stay', () => {
  const parent = tempDir('sparkify-folders-');
  const dead = folderOf(parent, 'dead', deadPid());
  const live = folderOf(parent, 'live', process.pid);
  const unowned = folderOf(parent, 'unowned');
  const other = join(parent, 'something-else');
  mkdirSync(other);
  assert.deepEqual(removeAbandonedFolders(parent), [dead]);
  assert.equal(existsSync(dead), false);
  for (const kept of [live, unowned, other]) assert.ok(existsSync(kept), kept);
});

test('a new folder names its process, clears the abandoned ones first, and remove() deletes it', () => {
  const parent = tempDir('sparkify-folders-');
  const dead = folderOf(parent, 'dead', deadPid());
  const folder = makeUnitTestFolder(parent);
  assert.equal(readFileSync(join(folder.path, 'owner.pid'), 'utf8'), String(process.pid));
  assert.equal(existsSync(dead), false);
  folder.remove();
  assert.equal(existsSync(folder.path), false);
});

/** Starts a build of a fresh project copy and waits until its unit-test folder exists; returns both. */
async function buildUntilUnitTestFolder(): Promise<{ cli: RunningCli; folder: string }> {
  const cli = startCli(copyProject(), ['build']);
  await waitForOutput(cli, /Starting the unit-test database/);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const mine = readdirSync(tmpdir())
      .filter((name) => name.startsWith('sparkify-unit-test-'))
      .map((name) => join(tmpdir(), name))
      .find((folder) => {
        try {
          return readFileSync(join(folder, 'owner.pid'), 'utf8') === String(cli.child.pid);
        } catch {
          return false;
        }
      });
    if (mine) return { cli, folder: mine };
    if (Date.now() > deadline) throw new Error(`no unit-test folder of process ${cli.child.pid}; output:\n${cli.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('a build stopped by SIGINT while its unit-test database starts leaves no folder behind', async () => {
  const { cli, folder } = await buildUntilUnitTestFolder();
  cli.child.kill('SIGINT');
  const outcome = await cli.done;
  assert.equal(outcome.code, 130, outcome.stdout + outcome.stderr);
  assert.equal(existsSync(folder), false, `${folder} was left behind`);
});

test('the folder of a build killed outright (SIGKILL) is removed by the next run that needs one', async () => {
  const { cli, folder } = await buildUntilUnitTestFolder();
  cli.child.kill('SIGKILL');
  await cli.done;
  assert.ok(existsSync(folder), 'SIGKILL leaves it');
  makeUnitTestFolder().remove();
  assert.equal(existsSync(folder), false, `${folder} was left behind`);
});

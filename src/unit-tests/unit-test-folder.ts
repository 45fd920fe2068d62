/**
 * The unit-test database's temporary folder. close() removes it at the end of a run; a run stopped
 * by a signal exits without waiting for the database, so the folder is also removed when the
 * process exits. A process killed outright (SIGKILL, a crash of the machine) removes nothing: its
 * folder names its process (OWNER_FILE), and the next run that starts a unit-test database removes
 * the folders of processes that are gone. Each was ~40 MB.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive, readOwnerPid } from '../files/owner-pid.js';

const PREFIX = 'sparkify-unit-test-';
const OWNER_FILE = 'owner.pid';
/** A folder without an owner file (sparkify before it wrote one) is left alone for this long. */
const UNOWNED_AGE_MS = 24 * 60 * 60 * 1000;

/** A folder for this process's unit-test database, removed at exit unless `remove()`d first. */
export interface UnitTestFolder {
  readonly path: string;
  remove(): void;
}

/** Makes the folder in `parent` (the system's temp folder), after removing those of processes that are gone. */
export function makeUnitTestFolder(parent = tmpdir()): UnitTestFolder {
  removeAbandonedFolders(parent);
  const path = mkdtempSync(join(parent, PREFIX));
  writeFileSync(join(path, OWNER_FILE), String(process.pid));
  const removeNow = () => rmSync(path, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', removeNow);
  return {
    path,
    remove: () => {
      process.off('exit', removeNow);
      removeNow();
    },
  };
}

/** Removes the unit-test folders in `parent` whose process has ended; returns their paths. */
export function removeAbandonedFolders(parent = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => name.startsWith(PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const folder = join(parent, name);
    try {
      if (!abandoned(folder)) continue;
      rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // Another run may be removing it too, or it belongs to another user: not ours to insist on.
    }
  }
  return removed;
}

function abandoned(folder: string): boolean {
  const pid = readOwnerPid(join(folder, OWNER_FILE));
  if (pid === undefined) return Date.now() - statSync(folder).mtimeMs > UNOWNED_AGE_MS;
  return !processAlive(pid);
}

/**
 * A pristine PGlite data directory, made once per PGlite version and machine and copied wherever a
 * new database is needed (a new warehouse, a run's unit-test database). PGlite's initdb runs in
 * WASM: seconds of CPU and ~800 MB of memory, where copying the 40 MB result takes a fraction of a
 * second (issue 13). It lives in the machine cache (machine-cache-dir.ts), so a fresh clone or
 * `npm ci` does not pay for it again.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { copyFolder } from './copy-folder.js';
import { machineCacheDir } from './machine-cache-dir.js';
import { pgliteVersion } from './pglite-version.js';

/** Written last, after PGlite closed the directory: a directory without it is not used. */
const COMPLETE_MARKER = 'sparkify-pristine.json';

/** Where the pristine directory is kept, and who hears about a slow first creation. */
export interface PristineOptions {
  /** The machine cache folder (default machineCacheDir()). */
  cacheDir?: string;
  /** Told before the one slow initdb, so a first run does not wait in silence. */
  notice?: (message: string) => void;
}

/** What copyPristineDataDir did: copied an existing pristine directory, or had to create it first. */
export type PristineStart = 'cache' | 'fresh';

/** The pristine data directory of the installed PGlite (made first if this machine has none). */
export async function pristineDataDir(options: PristineOptions = {}): Promise<{ dir: string; from: PristineStart }> {
  const dir = pristinePath(options.cacheDir);
  if (isComplete(dir)) return { dir, from: 'cache' };
  options.notice?.(`Creating a pristine PGlite ${pgliteVersion()} database, once per machine (initdb, about 10 s): ${dir}`);
  mkdirSync(dirname(dir), { recursive: true });
  const temp = `${dir}.${process.pid}-${Date.now()}.tmp`;
  try {
    const { createPglite } = await import('./create-pglite.js');
    const db = createPglite(temp);
    await db.waitReady;
    await db.close();
    writeFileSync(join(temp, COMPLETE_MARKER), JSON.stringify({ pglite: pgliteVersion() }) + '\n');
    install(temp, dir);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return { dir, from: 'fresh' };
}

/**
 * Copies the pristine directory to `target` (which must not exist), through a temporary name so an
 * interrupted copy is never taken for a database. `settings` are appended to its postgresql.conf.
 */
export async function copyPristineDataDir(target: string, options: PristineOptions & { settings?: string[] } = {}): Promise<PristineStart> {
  const { dir, from } = await pristineDataDir(options);
  const temp = `${target}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  try {
    await copyFolder(dir, temp);
    await rm(join(temp, COMPLETE_MARKER), { force: true });
    if (options.settings?.length) await appendFile(join(temp, 'postgresql.conf'), `\n# sparkify\n${options.settings.join('\n')}\n`);
    await rename(temp, target);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return from;
}

/** The pristine directory's path for the installed PGlite under `cacheDir`. */
export function pristinePath(cacheDir = machineCacheDir()): string {
  return join(cacheDir, `pglite-${pgliteVersion()}`, 'pristine');
}

function isComplete(dir: string): boolean {
  return existsSync(join(dir, COMPLETE_MARKER)) && existsSync(join(dir, 'PG_VERSION'));
}

/** Renames `temp` to `dir`; another process that got there first with a complete one wins. */
function install(temp: string, dir: string): void {
  if (existsSync(dir) && !isComplete(dir)) {
    // Damaged (files deleted by hand): moved aside, never deleted under a process copying it.
    renameSync(dir, `${dir}.damaged-${process.pid}-${Date.now()}`);
  }
  try {
    renameSync(temp, dir);
  } catch (error) {
    if (!isComplete(dir)) throw error;
  }
}

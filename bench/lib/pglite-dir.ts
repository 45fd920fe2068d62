/**
 * Fresh on-disk PGlite databases for the load cases. Creating one (PGlite's initdb) takes seconds
 * and several hundred MB of RSS that loading has nothing to do with; so one empty database is
 * created once, in its own process (make-template.ts), under bench/out/pgdata/template and copied
 * for each run.
 */

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchScript, outDir } from './paths.js';

/** The empty database every run starts from. */
export const templateDir = join(outDir, 'pgdata', 'template');

/** Creates the template database unless it exists, in a child process so that no measured process pays for it. */
export function ensureTemplate(): void {
  if (existsSync(join(templateDir, 'PG_VERSION'))) return;
  const child = spawnSync(process.execPath, [benchScript('lib/make-template.js')], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error('creating the template PGlite database failed');
}

/** Replaces `dataDir` with a copy of the empty template database. */
export function freshDataDir(dataDir: string): void {
  ensureTemplate();
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(templateDir, dataDir, { recursive: true });
}

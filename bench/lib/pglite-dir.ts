/**
 * Fresh on-disk PGlite databases for the load cases. Creating one (PGlite's initdb) takes seconds
 * and, in that process, several hundred MB of RSS that loading has nothing to do with; so one empty
 * database is created once under bench/out/pgdata/template and copied for each run.
 */

import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { outDir } from './paths.js';

const template = join(outDir, 'pgdata', 'template');

/** Creates the empty template database unless it exists. */
export async function ensureTemplate(): Promise<void> {
  if (existsSync(join(template, 'PG_VERSION'))) return;
  mkdirSync(join(outDir, 'pgdata'), { recursive: true }); // PGlite does not create parent folders
  const db = new PGlite(template);
  await db.waitReady;
  await db.close();
}

/** Replaces `dataDir` with a copy of the empty template database (created on first use). */
export async function freshDataDir(dataDir: string): Promise<void> {
  await ensureTemplate();
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(template, dataDir, { recursive: true });
}

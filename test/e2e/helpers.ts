import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { tempDir } from '../support/temp-dir.js';

/** The repository root (tests run from dist/test/e2e). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The real public Sparkify sample, beside the repository. */
export const SHARED_DATA = resolve(REPO_ROOT, '../shared/sparkify-data');
const BIN = join(REPO_ROOT, 'bin/sparkify.js');

/** What a CLI run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would, in `cwd`. */
export function sparkify(cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 300_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the repo's own project (models, macros, tests, configs, sample data) in a temp folder. */
export function copyProject(options: { withData?: boolean } = {}): string {
  const dir = tempDir('sparkify-e2e-');
  for (const entry of ['project.yml', 'sources.yml', 'models', 'macros', 'tests', 'seeds', 'snapshots']) {
    cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  }
  if (options.withData !== false) cpSync(join(REPO_ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

/** Rewrites a file of a project copy. */
export function editFile(dir: string, path: string, edit: (text: string) => string): void {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, edit(existsSync(file) ? readFileSync(file, 'utf8') : ''));
}

/** Opens the embedded warehouse of a project copy after the CLI has exited, runs `work`, closes it. */
export async function withWarehouse<T>(dir: string, work: (db: PGlite) => Promise<T>): Promise<T> {
  const db = new PGlite(join(dir, '.sparkify/dev'));
  try {
    await db.waitReady;
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Counts rows of a table in the public schema. */
export async function countRows(db: PGlite, table: string): Promise<number> {
  const result = await db.query<{ n: number }>(`select count(*)::int as n from public."${table}"`);
  return result.rows[0].n;
}

/** A text digest of a whole table, ordered by every column: equal digests mean equal tables (load ids aside). */
export async function tableDigest(db: PGlite, table: string): Promise<string> {
  // A staging table's load id (a new one per build) is left out: it says when a row came, not what it is.
  const row = `(to_jsonb(t) - '_sparkify_load_id')::text`;
  const result = await db.query<{ digest: string }>(
    `select md5(coalesce(string_agg(${row}, E'\\n' order by ${row}), '')) as digest from public."${table}" t`,
  );
  return result.rows[0].digest;
}

/** Reads the vars argument that points the build at the real sample. */
export function sharedDataVars(): string {
  return JSON.stringify({ data_root: SHARED_DATA });
}

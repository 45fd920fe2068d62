/**
 * A cached dump of a pristine PGlite data directory, so a run's unit-test database starts by
 * unpacking a tarball instead of running initdb in WASM (about 40% of the time). It lives in the
 * project's `.sparkify/` folder (gitignored), named after the PGlite version: an upgrade must not
 * load a dump its Postgres cannot read.
 */
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

/** Where the dump for the installed PGlite lives under `cacheDir`. */
export function pristineDumpPath(cacheDir: string): string {
  return join(cacheDir, `unit-test-pglite-${pgliteVersion()}.tar.gz`);
}

/**
 * The cached dump as an uncompressed tar, or undefined when there is none or it is not valid gzip.
 * We gunzip it here rather than let PGlite do it: PGlite's own gunzip of a truncated file fails
 * in an unhandled stream error that kills the process, where ours throws and we fall back.
 */
export async function readPristineDump(path: string): Promise<Blob | undefined> {
  let gzipped: Buffer;
  try {
    gzipped = await readFile(path);
  } catch {
    return undefined;
  }
  // No `type`: PGlite then reads the blob as a plain tar (it gunzips only gzip-typed blobs).
  return new Blob([await promisify(gunzip)(gzipped)]);
}

/**
 * Writes `dump` (PGlite's gzip'd dumpDataDir()) to `path` atomically: a temp file renamed over
 * it. Two runs writing at once each rename a complete file of their own (rename replaces
 * atomically on POSIX and on Windows), so a reader sees the old file or a whole new one, never a
 * mix; both dumps are of a pristine instance, so which one wins does not matter.
 */
export async function writePristineDump(path: string, dump: Blob): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}-${Date.now()}.tmp`;
  try {
    await writeFile(temp, new Uint8Array(await dump.arrayBuffer()));
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

let version: string | undefined;

/** The installed @electric-sql/pglite's version, from its package.json (which it does not export). */
function pgliteVersion(): string {
  if (version) return version;
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }) : {};
    if (manifest.name === '@electric-sql/pglite' && manifest.version) return (version = manifest.version);
    if (dirname(dir) === dir) throw new Error('cannot find the version of @electric-sql/pglite');
  }
}

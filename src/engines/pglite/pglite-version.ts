/** The installed PGlite's version: caches of its data directories are named after it. */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let version: string | undefined;

/** The installed @electric-sql/pglite's version, from its package.json (which it does not export). */
export function pgliteVersion(): string {
  if (version) return version;
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }) : {};
    if (manifest.name === '@electric-sql/pglite' && manifest.version) return (version = manifest.version);
    if (dirname(dir) === dir) throw new Error('cannot find the version of @electric-sql/pglite');
  }
}

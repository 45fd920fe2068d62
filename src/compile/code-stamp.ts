/**
 * A stamp of the sparkify code that is running: every compiled file under its `src/` with its size
 * and modification time. The whole-compile cache (compile-cache.ts) keys on it as well as on the
 * package version, because the version stays 0.1.0 while the code changes under a checkout: a
 * rebuilt sparkify (tsc rewrites every file) must not reuse a manifest an older compiler made.
 * Sizes and times rather than contents: ~400 stats take a few milliseconds, reading them ~10× that.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let stamp: string | undefined;

/** The stamp of this process's sparkify code (computed once). */
export function codeStamp(): string {
  stamp ??= computeStamp(join(dirname(fileURLToPath(import.meta.url)), '..'));
  return stamp;
}

/** Hashes the names, sizes and modification times of the `.js` files under `root`. */
export function computeStamp(root: string): string {
  const hash = createHash('sha256');
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js')).sort();
  for (const name of names) {
    const { size, mtimeMs } = statSync(join(root, name));
    hash.update(`${name}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('base64url');
}

/** The per-machine cache folder: what is made once per machine and shared by every project on it. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `$SPARKIFY_CACHE_DIR`, else `$XDG_CACHE_HOME/sparkify`, else `~/.cache/sparkify` (the XDG base
 * directory convention). It outlives `npm ci` and a fresh clone, unlike node_modules/.cache.
 */
export function machineCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.SPARKIFY_CACHE_DIR) return resolve(env.SPARKIFY_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return join(resolve(env.XDG_CACHE_HOME), 'sparkify');
  return join(env.HOME || homedir(), '.cache', 'sparkify');
}

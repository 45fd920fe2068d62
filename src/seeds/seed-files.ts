/** Finding and reading the seed CSV files of a project (the load phase; compile stays pure). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { PackageRef } from '../project/project-files.js';

/** A seed file as compile sees it: its project-relative path and its text. */
export interface SeedFile {
  /** e.g. `seeds/subscription_levels.csv`. */
  path: string;
  text: string;
  /** The installed package the seed comes from; absent for the project's own. */
  package?: PackageRef;
}

/** Every `*.csv` under the seed folders (default `seeds/`), in path order. */
export function readSeedFiles(root: string, seedPaths: readonly string[] = ['seeds']): SeedFile[] {
  const paths = seedPaths.flatMap((dir) => fg.sync(`${fg.escapePath(dir)}/**/*.csv`, { cwd: root }));
  return [...new Set(paths)].sort().map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

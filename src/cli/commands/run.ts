import type { BuildOptions } from './build.js';
import { buildCommand } from './build.js';

/** Options of `sparkify run`: a build's, without --store-failures (no test runs). */
export type RunOptions = Omit<BuildOptions, 'storeFailures'>;

/**
 * `sparkify run`: builds the selected models only, with the project's on-run hooks, as `dbt run`
 * does; sources are not loaded, seeds, snapshots and tests not run (that is `build`).
 */
export async function runCommand(options: RunOptions): Promise<number> {
  return buildCommand(options, 'run');
}

import type { BuildOptions } from './build.js';
import { buildCommand } from './build.js';

/** Options of `sparkify seed`: a build's, without --full-refresh (a seed is always reloaded). */
export type SeedOptions = Omit<BuildOptions, 'fullRefresh'>;

/**
 * `sparkify seed`: loads the selected seeds (every seed when nothing is selected) from their CSV
 * files, each swapped in atomically; other selected nodes are left out.
 */
export async function seedCommand(options: SeedOptions): Promise<number> {
  return buildCommand(options, 'seed');
}

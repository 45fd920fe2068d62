import type { BuildOptions } from './build.js';
import { buildCommand } from './build.js';

/** Options of `sparkify test`: a build's, without --full-refresh (nothing is built). */
export type TestOptions = Omit<BuildOptions, 'fullRefresh'>;

/**
 * `sparkify test`: runs the selected tests (selecting a model selects its tests) against what the
 * warehouse holds, one line each; exits 1 when a test of severity error fails.
 */
export async function testCommand(options: TestOptions): Promise<number> {
  return buildCommand(options, 'test');
}

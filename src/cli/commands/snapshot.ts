import type { BuildOptions } from './build.js';
import { buildCommand } from './build.js';

/** Options of `sparkify snapshot`: a build's, without --full-refresh (a snapshot is never rebuilt). */
export type SnapshotOptions = Omit<BuildOptions, 'fullRefresh'>;

/**
 * `sparkify snapshot`: runs the selected snapshots (every snapshot when nothing is selected) in
 * DAG order, each in one transaction; other selected nodes are left out, as `dbt snapshot` does.
 */
export async function snapshotCommand(options: SnapshotOptions): Promise<number> {
  return buildCommand(options, 'snapshot');
}

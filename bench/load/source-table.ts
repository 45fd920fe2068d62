/** The Sparkify project's source tables, pointed at generated data under bench/out/. */

import { loadProject } from '../../src/project/index.js';
import type { LoadedProject, SourceTable } from '../../src/project/types.js';
import { dataRoot, repoRoot } from '../lib/paths.js';

/** The repository's own project, read with `data_root` set to the data at `scale` (or to `root`), for a target. */
export function benchProject(scale: number, target = 'dev', root?: string): LoadedProject {
  const varsText = JSON.stringify({ data_root: root ?? dataRoot(scale) });
  return loadProject(repoRoot, { varsText, targetName: target, env: process.env });
}

/** One source table (`staging_events` or `staging_songs`) of the project at `scale` (or with data under `root`). */
export function benchTable(scale: number, name: string, root?: string): SourceTable {
  const table = benchProject(scale, 'dev', root).sources.find((t) => t.name === name);
  if (!table) throw new Error(`no source table named ${name} in sources.yml`);
  return table;
}

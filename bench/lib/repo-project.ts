/** A copy of the repository's own project under bench/out/, so commands write their target/ and warehouse there, not in the repo. */

import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { outDir, repoRoot } from './paths.js';

/** The copy's folder, relative to the repository root. */
export const repoProjectCopy = 'bench/out/load-project';

/** Copies the project's files (not data, target/ or the warehouse) into bench/out/load-project, afresh. */
export function copyRepoProject(): void {
  const target = join(outDir, 'load-project');
  mkdirSync(target, { recursive: true });
  for (const entry of ['project.yml', 'sources.yml', 'models', 'macros', 'tests']) {
    rmSync(join(target, entry), { recursive: true, force: true });
    if (existsSync(join(repoRoot, entry))) cpSync(join(repoRoot, entry), join(target, entry), { recursive: true });
  }
}

/**
 * Copies of the repository's own project under bench/out/, so commands write their target/ and
 * warehouse there and not in the repository, which other people are using.
 */

import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { outDir, repoRoot } from './paths.js';

/** Only project.yml and sources.yml: `build --select source:x` then loads and does nothing else (no tests). */
export const loadProjectCopy = 'bench/out/load-project';

/** The whole project (models, macros, tests, seeds), for the small-project compile baseline. */
export const fullProjectCopy = 'bench/out/repo-project';

/**
 * Writes both copies afresh from the repository's current files, or from `source` (a baseline's
 * tree: a project both the old and the new CLI can read, when they are compared).
 */
export function copyRepoProject(source = repoRoot): void {
  copy('load-project', ['project.yml', 'sources.yml'], source);
  copy('repo-project', PROJECT_ENTRIES, source);
}

const PROJECT_ENTRIES = ['project.yml', 'sources.yml', 'models', 'macros', 'tests', 'seeds'];

function copy(folder: string, entries: string[], source: string): void {
  const target = join(outDir, folder);
  mkdirSync(target, { recursive: true });
  for (const entry of PROJECT_ENTRIES) rmSync(join(target, entry), { recursive: true, force: true });
  for (const entry of entries) {
    if (existsSync(join(source, entry))) cpSync(join(source, entry), join(target, entry), { recursive: true });
  }
}

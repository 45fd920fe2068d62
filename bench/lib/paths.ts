/** Where the benchmarks read and write: everything generated lives under bench/out/ (gitignored). */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** The repository root (this file runs from dist/bench/lib/). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** bench/out/ under the repository root. */
export const outDir = join(repoRoot, 'bench', 'out');

/** A compiled benchmark script under dist/bench/. */
export function benchScript(relative: string): string {
  return join(repoRoot, 'dist', 'bench', relative);
}

/** The generated Sparkify data at `scale`, relative to the repo root (as --vars wants it). */
export function dataRoot(scale: number): string {
  return `bench/out/data-x${scale}`;
}

/** Generates the data at `scale` unless it is there already (the generator is deterministic). */
export function ensureData(scale: number): string {
  const relative = dataRoot(scale);
  if (existsSync(join(repoRoot, relative, 'log_json_path.json'))) return relative;
  const script = join(repoRoot, 'dist', 'scripts', 'generate-data.js');
  const result = spawnSync(process.execPath, [script, '--scale', String(scale), '--out', relative], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`generate-data --scale ${scale} failed`);
  return relative;
}

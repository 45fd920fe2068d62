import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanBase } from '../plan/types.js';
import { writeIfChanged } from './target-files.js';

/**
 * The folder artifacts and compiled files go to, relative to the project root: `target` unless
 * dbt_project.yml's `target-path`, `$DBT_TARGET_PATH` or `--target-path` says otherwise. One value
 * per command run, set once before anything is written (useTargetDir), like dbt's flags.
 */
export let TARGET_DIR = 'target';

/** Sets the target folder of this command run (see TARGET_DIR). */
export function useTargetDir(dir: string): void {
  TARGET_DIR = dir.replace(/\\/g, '/').replace(/\/+$/, '') || 'target';
}

/** The metadata lines that change with every run: the manifest is not rewritten for them alone. */
const RUN_STAMPS = /^ {4}"(generated_at|invocation_id|invocation_started_at)": ("[^"\n]*"|null),?$/gm;

/**
 * Writes `target/manifest.json` (dbt's manifest document, see artifacts/dbt-manifest.ts). A file that
 * differs only in the run's time and id is left as it is, so an unchanged project leaves it untouched
 * (a compile of a large project must not rewrite it, and its content stays diffable).
 */
export function writeManifest(root: string, document: Record<string, unknown>, scrub: (text: string) => string): void {
  const path = join(root, TARGET_DIR, 'manifest.json');
  const text = scrub(JSON.stringify(document, null, 2) + '\n');
  if (withoutRunStamps(existing(path)) === withoutRunStamps(text)) return;
  writeIfChanged(path, text);
}

function existing(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function withoutRunStamps(text: string | undefined): string | undefined {
  return text?.replace(RUN_STAMPS, '    "$1": -');
}

/** `target/compiled/<model path>`. */
export function compiledPath(modelPath: string): string {
  return join(TARGET_DIR, 'compiled', modelPath);
}

/** `target/run/<plan path>`. */
export function runPath(plan: Pick<PlanBase, 'runPath'>): string {
  return join(TARGET_DIR, 'run', plan.runPath);
}

/** Writes `target/run_results.json` (dbt's run-results document, see artifacts/dbt-run-results.ts), also when the run failed. */
export function writeRunResults(root: string, document: Record<string, unknown>, scrub: (text: string) => string): void {
  writeText(root, join(TARGET_DIR, 'run_results.json'), scrub(JSON.stringify(document, null, 2) + '\n'));
}

/** Writes `target/sources.json` (dbt's source-freshness document, see artifacts/dbt-sources-json.ts). */
export function writeSourcesJson(root: string, document: Record<string, unknown>, scrub: (text: string) => string): void {
  writeText(root, join(TARGET_DIR, 'sources.json'), scrub(JSON.stringify(document, null, 2) + '\n'));
}

/** Writes sources.json to a path of the user's (`source freshness -o PATH`). */
export function writeSourcesJsonTo(path: string, document: Record<string, unknown>, scrub: (text: string) => string): void {
  writeIfChanged(path, scrub(JSON.stringify(document, null, 2) + '\n'));
}

function writeText(root: string, relativePath: string, text: string): void {
  writeIfChanged(join(root, relativePath), text);
}

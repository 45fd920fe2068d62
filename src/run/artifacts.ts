import type { PlanBase } from '../plan/types.js';
import { join } from 'node:path';
import type { Manifest } from '../manifest/manifest.js';
import type { Diagnostic } from '../diagnostics.js';
import type { NodeResult } from './node-result.js';
import { writeIfChanged } from './target-files.js';

/** Bumped whenever the shape of run_results.json changes. */
export const RUN_RESULTS_SCHEMA_VERSION = 'https://sparkify.dev/schemas/run-results/v1.json';

/** Paths of the artifacts under `target/`, relative to the project root. */
export const TARGET_DIR = 'target';

/** Writes `target/manifest.json`. */
export function writeManifest(root: string, manifest: Manifest, scrub: (text: string) => string): void {
  writeText(root, join(TARGET_DIR, 'manifest.json'), scrub(JSON.stringify(manifest, null, 2) + '\n'));
}

/** `target/compiled/<model path>`. */
export function compiledPath(modelPath: string): string {
  return join(TARGET_DIR, 'compiled', modelPath);
}

/** `target/run/<plan path>`. */
export function runPath(plan: Pick<PlanBase, 'runPath'>): string {
  return join(TARGET_DIR, 'run', plan.runPath);
}

/** The run_results.json document: one entry per node, keys in a fixed order. */
export interface RunResultsDocument {
  metadata: { schemaVersion: string; sparkifyVersion: string; generatedAt: string };
  command: string;
  target: string;
  success: boolean;
  elapsedTime: number;
  results: NodeResult[];
  /** Problems that stopped the command before any node ran (compile errors, bad selection). */
  errors?: Diagnostic[];
}

/** Writes `target/run_results.json`, also when the run failed. */
export function writeRunResults(root: string, document: RunResultsDocument, scrub: (text: string) => string): void {
  const ordered = {
    metadata: document.metadata,
    command: document.command,
    target: document.target,
    success: document.success,
    elapsedTime: document.elapsedTime,
    results: document.results.map(orderResult),
    errors: document.errors,
  };
  writeText(root, join(TARGET_DIR, 'run_results.json'), scrub(JSON.stringify(ordered, null, 2) + '\n'));
}

function orderResult(result: NodeResult): NodeResult {
  return {
    id: result.id,
    status: result.status,
    message: result.message,
    rowsAffected: result.rowsAffected,
    startedAt: result.startedAt,
    completedAt: result.completedAt,
    executionTime: result.executionTime,
    rejected: result.rejected,
    failures: result.failures,
    sample: result.sample,
    diagnostics: result.diagnostics,
  };
}

function writeText(root: string, relativePath: string, text: string): void {
  writeIfChanged(join(root, relativePath), text);
}

import { join } from 'node:path';
import type { Manifest } from '../compile/manifest.js';
import type { Diagnostic } from '../diagnostics.js';
import type { NodePlan } from '../plan/types.js';
import { renderPlan } from '../plan/plan-nodes.js';
import { incrementalPath } from '../plan/plan-model.js';
import type { NodeResult } from './node-result.js';
import { syncOwnedFiles, writeIfChanged, type OwnedFile } from './target-files.js';

/** Bumped whenever the shape of run_results.json changes. */
export const RUN_RESULTS_SCHEMA_VERSION = 'https://sparkify.dev/schemas/run-results/v1.json';

/** Paths of the artifacts under `target/`, relative to the project root. */
export const TARGET_DIR = 'target';

/** Writes `target/manifest.json`. */
export function writeManifest(root: string, manifest: Manifest, scrub: (text: string) => string): void {
  writeText(root, join(TARGET_DIR, 'manifest.json'), scrub(JSON.stringify(manifest, null, 2) + '\n'));
}

/**
 * Writes each model's compiled SQL (`target/compiled/<path>`) and each plan (`target/run/<path>`),
 * skipping files whose content is unchanged, and removes the files of nodes that no longer exist.
 */
export function writeCompiledFiles(root: string, manifest: Manifest, plans: NodePlan[], scrub: (t: string) => string): void {
  const files: OwnedFile[] = [];
  const add = (path: string, owner: string, text: string) => files.push({ path, owner, text: scrub(text) });
  for (const node of Object.values(manifest.nodes)) {
    if (node.kind === 'model') add(compiledPath(node.path), node.id, node.compiledSql);
    if (node.kind === 'model' && node.incremental) add(compiledPath(incrementalPath(node.path)), node.id, node.incremental.compiledSql);
    if (node.kind === 'test') add(compiledPath(node.sqlPath), node.id, node.compiledSql);
    if (node.kind === 'snapshot') add(compiledPath(node.path), node.id, node.compiledSql);
  }
  for (const plan of plans) add(runPath(plan), plan.id, renderPlan(plan));
  syncOwnedFiles(root, TARGET_DIR, files, (owner) => owner in manifest.nodes || hasRunHooks(manifest, owner));
}

/**
 * The project-level plans (`run.on_run_start`, `run.on_run_end`) live as long as project.yml has
 * such hooks; `run.cleanup` belongs to the one build that needed it.
 */
function hasRunHooks(manifest: Manifest, owner: string): boolean {
  if (owner === 'run.on_run_start') return (manifest.hooks?.onRunStart.length ?? 0) > 0;
  if (owner === 'run.on_run_end') return (manifest.hooks?.onRunEnd.length ?? 0) > 0;
  return false;
}

/** `target/compiled/<model path>`. */
export function compiledPath(modelPath: string): string {
  return join(TARGET_DIR, 'compiled', modelPath);
}

/** `target/run/<plan path>`. */
export function runPath(plan: NodePlan): string {
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
    replaced: result.replaced,
    failures: result.failures,
    sample: result.sample,
    diagnostics: result.diagnostics,
  };
}

function writeText(root: string, relativePath: string, text: string): void {
  writeIfChanged(join(root, relativePath), text);
}

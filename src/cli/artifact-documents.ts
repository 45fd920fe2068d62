/** The dbt-shaped artifacts of a command run, built from its ProjectContext (the CLI owns the clock). */
import { randomUUID } from 'node:crypto';
import { engineOf } from '../engines/registry.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactRun } from '../artifacts/artifact-run.js';
import type { ProjectLineage } from '../lineage/types.js';
import { dbtManifest } from '../artifacts/dbt-manifest.js';
import { dbtRunResults } from '../artifacts/dbt-run-results.js';
import type { Diagnostic } from '../diagnostics.js';
import type { NodeResult } from '../run/node-result.js';
import type { ProjectContext } from './project-context.js';

/** A new run: now, and a fresh invocation id. */
export function newArtifactRun(now = new Date()): ArtifactRun {
  return { generatedAt: now.toISOString(), invocationId: randomUUID() };
}

/** manifest.json for the context's compiled project. */
export function manifestDocument(context: ProjectContext, lineage?: ProjectLineage): Record<string, unknown> {
  const sources = new Map<string, string>();
  // The files compile read are not read again (5,000 reads at 5,000 models).
  const readSource = (path: string) => {
    if (!sources.has(path)) sources.set(path, context.fileTexts.get(path) ?? readText(join(context.root, path)));
    return sources.get(path)!;
  };
  return dbtManifest({
    manifest: context.compiled.manifest, run: context.run, macroFiles: context.macroFiles, readSource,
    database: engineOf(context.project.target).database(context.project.target),
    lineage,
  });
}

/** run_results.json for a command's results (`interrupted`: the signal that stopped the run). */
export function runResultsDocument(
  command: string, context: ProjectContext, results: NodeResult[], startedMs: number, errors?: Diagnostic[], args?: Record<string, unknown>, interrupted?: string,
): Record<string, unknown> {
  return dbtRunResults({
    // No results, no use for the manifest: a compile that found target/ unchanged never parses it.
    run: context.run, command, target: context.project.target.name, manifest: results.length > 0 ? context.compiled.manifest : undefined,
    results, elapsedTime: (Date.now() - startedMs) / 1000, errors, args, invocationCommand: invocationCommand(), interrupted,
  });
}

/** The command line as typed (`sparkify build --select x`), secrets scrubbed by the writer. */
function invocationCommand(): string {
  return ['sparkify', ...process.argv.slice(2)].join(' ');
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

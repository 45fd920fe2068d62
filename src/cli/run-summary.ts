import { createRequire } from 'node:module';
import type { NodeResult } from '../run/node-result.js';
import type { RunResultsDocument } from '../run/artifacts.js';
import { RUN_RESULTS_SCHEMA_VERSION } from '../run/artifacts.js';
import type { ProjectContext } from './project-context.js';

/** The version in package.json. */
export const SPARKIFY_VERSION: string = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

/** Builds the run_results.json document of a command. */
export function runResultsDocument(command: string, context: ProjectContext, results: NodeResult[], startedMs: number): RunResultsDocument {
  return {
    metadata: { schemaVersion: RUN_RESULTS_SCHEMA_VERSION, sparkifyVersion: SPARKIFY_VERSION, generatedAt: new Date().toISOString() },
    command,
    target: context.project.target.name,
    success: results.every((r) => r.status === 'success'),
    elapsedTime: (Date.now() - startedMs) / 1000,
    results,
  };
}

/** `PASS=7 WARN=0 ERROR=0 SKIP=0 TOTAL=7`. */
export function tally(results: NodeResult[]): string {
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return `PASS=${count('success')} WARN=0 ERROR=${count('error')} SKIP=${count('skipped')} TOTAL=${results.length}`;
}

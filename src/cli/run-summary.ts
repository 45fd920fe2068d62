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
    success: results.every((r) => r.status === 'success' || r.status === 'pass' || r.status === 'warn'),
    elapsedTime: (Date.now() - startedMs) / 1000,
    results,
  };
}

/** `PASS=7 WARN=0 ERROR=0 SKIP=0 TOTAL=7`: passed tests count as PASS, failed ones as ERROR (as in dbt). */
export function tally(results: NodeResult[]): string {
  const count = (...statuses: string[]) => results.filter((r) => statuses.includes(r.status)).length;
  return `PASS=${count('success', 'pass')} WARN=${count('warn')} ERROR=${count('error', 'fail')} SKIP=${count('skipped')} TOTAL=${results.length}`;
}

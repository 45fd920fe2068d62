/**
 * INTERIM (see README.md): sparkify's run_results.json read as dbt's v6, and the last load of each
 * source taken from it, until the issue 9 writer produces v6 itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeResult } from '../../run/node-result.js';
import type { SourceLastLoad } from '../artifacts/dbt-manifest.js';
import { RUN_RESULTS_V6, type DbtRunResults } from '../artifacts/dbt-run-results.js';

/** The last run as dbt's v6 (or undefined when there is none), and what it loaded into each source. */
export interface InterimRunResults {
  runResults?: DbtRunResults;
  lastLoads: Map<string, SourceLastLoad>;
}

/** Reads `target/run_results.json`, whichever shape it has (sparkify's own, or already dbt's v6). */
export function readInterimRunResults(root: string, map: (id: string) => string): InterimRunResults {
  const file = join(root, 'target', 'run_results.json');
  if (!existsSync(file)) return { lastLoads: new Map() };
  const document = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const metadata = document.metadata as Record<string, unknown> | undefined;
  if (typeof metadata?.dbt_schema_version === 'string') return { runResults: document as unknown as DbtRunResults, lastLoads: new Map() };
  const results = (document.results ?? []) as NodeResult[];
  // Only commands that ran nodes tell anything about them (compile writes an empty list).
  if (results.length === 0) return { lastLoads: new Map() };
  const generatedAt = String(metadata?.generatedAt ?? new Date(0).toISOString());
  return {
    runResults: {
      metadata: { dbt_schema_version: RUN_RESULTS_V6, dbt_version: String(metadata?.sparkifyVersion ?? ''), generated_at: generatedAt },
      elapsed_time: Number(document.elapsedTime ?? 0),
      args: { which: document.command },
      results: results.map((result) => ({
        unique_id: map(result.id), status: result.status, execution_time: result.executionTime, message: result.message,
        timing: [{ name: 'execute', started_at: result.startedAt ?? null, completed_at: result.completedAt ?? null }],
        adapter_response: { _message: result.message, rows_affected: result.rowsAffected ?? undefined },
        failures: result.failures ?? null, thread_id: 'Thread-1',
      })),
    },
    lastLoads: new Map(results.filter((r) => r.id.startsWith('source.') && r.status === 'success').map((r) => [r.id, {
      rows: r.rowsAffected ?? undefined, rejected: r.rejected?.length ?? 0, loaded_at: r.completedAt,
    }])),
  };
}

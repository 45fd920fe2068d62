import type { DbtRunResults, RunResult } from '../artifacts/dbt-run-results.js';
import type { SiteRunResult } from './site-data.js';

/** The last run's result of each node, by unique_id. */
export function runResultsById(runResults: DbtRunResults | undefined): Map<string, SiteRunResult> {
  const byId = new Map<string, SiteRunResult>();
  for (const result of runResults?.results ?? []) byId.set(result.unique_id, siteRunResult(result));
  return byId;
}

function siteRunResult(result: RunResult): SiteRunResult {
  const execute = result.timing.find((timing) => timing.name === 'execute') ?? result.timing[result.timing.length - 1];
  const rows = result.adapter_response?.rows_affected;
  // sparkify's v6 writer keeps the records a load skipped (and the files it read) under adapter_response.sparkify.
  const loaded = result.adapter_response?.sparkify as { rejected?: unknown[]; files?: unknown } | undefined;
  const rejected = loaded?.rejected;
  return {
    status: result.status,
    executionTime: result.execution_time,
    message: result.message ?? undefined,
    startedAt: execute?.started_at ?? undefined,
    completedAt: execute?.completed_at ?? undefined,
    failures: result.failures ?? undefined,
    rowsAffected: typeof rows === 'number' ? rows : undefined,
    rejected: Array.isArray(rejected) ? rejected.length : undefined,
    ...(typeof loaded?.files === 'number' ? { files: loaded.files } : {}),
  };
}

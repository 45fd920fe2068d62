/** `sparkify source freshness` results written as dbt's sources.json (schema v3). */
import { baseMetadata, DBT_SCHEMAS, type ArtifactRun } from './artifact-run.js';

/** A freshness threshold: `{count: 12, period: hour}`. */
export interface FreshnessTime {
  count: number;
  period: 'minute' | 'hour' | 'day';
}

/** The outcome of checking one source table's freshness. */
export type FreshnessResult = FreshnessChecked | FreshnessRuntimeError;

/** A table whose max(loaded_at_field) was read. */
export interface FreshnessChecked {
  /** dbt's id: `source.<project>.<source>.<table>`. */
  uniqueId: string;
  status: 'pass' | 'warn' | 'error';
  /** ISO-8601 of max(loaded_at_field), and of the moment it was compared with. */
  maxLoadedAt: string;
  snapshottedAt: string;
  warnAfter?: FreshnessTime;
  errorAfter?: FreshnessTime;
  filter?: string;
  startedAt: string;
  completedAt: string;
  /** Seconds. */
  executionTime: number;
}

/** A table whose query failed. */
export interface FreshnessRuntimeError {
  uniqueId: string;
  status: 'runtime error';
  error: string;
}

/** The sources.json document. */
export function dbtSourcesJson(run: ArtifactRun, results: FreshnessResult[], elapsedTime: number): Record<string, unknown> {
  return { metadata: baseMetadata(DBT_SCHEMAS.sources, run), results: results.map(dbtFreshness), elapsed_time: elapsedTime };
}

function dbtFreshness(result: FreshnessResult): Record<string, unknown> {
  if (result.status === 'runtime error') return { unique_id: result.uniqueId, error: result.error, status: result.status };
  const ageSeconds = (Date.parse(result.snapshottedAt) - Date.parse(result.maxLoadedAt)) / 1000;
  return {
    unique_id: result.uniqueId,
    max_loaded_at: result.maxLoadedAt,
    snapshotted_at: result.snapshottedAt,
    max_loaded_at_time_ago_in_s: ageSeconds,
    status: result.status,
    criteria: { warn_after: result.warnAfter ?? null, error_after: result.errorAfter ?? null, filter: result.filter ?? null },
    adapter_response: {},
    timing: [{ name: 'execute', started_at: result.startedAt, completed_at: result.completedAt }],
    thread_id: 'sparkify',
    execution_time: result.executionTime,
  };
}

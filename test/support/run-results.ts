/** Reading target/run_results.json (dbt's v6 shape) back in tests, with sparkify's short node ids. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One result, as the tests look at it. */
export interface ReadResult {
  /** sparkify's id: `model.users`, `test.unique_users_user_id`, `source.sparkify.staging_events`. */
  id: string;
  /** dbt's id, as written. */
  uniqueId: string;
  status: string;
  failures: number | null;
  rowsAffected: number | null;
  sample?: Record<string, unknown>[];
  startedAt: string;
  completedAt: string;
}

/** run_results.json: the command, whether it succeeded, and its results. */
export interface ReadRunResults {
  command: string;
  success: boolean;
  results: ReadResult[];
  errors: { code: string }[];
}

/** `model.sparkify.users` → `model.users`, dropping the project name (and a generic test's hash). */
export function shortId(uniqueId: string): string {
  const [kind, , ...rest] = uniqueId.split('.');
  if (kind === 'test' && rest.length > 1 && /^[0-9a-f]{10}$/.test(rest[rest.length - 1])) rest.pop();
  return [kind, ...rest].join('.');
}

/** Reads `<dir>/target/run_results.json`. */
export function readRunResults(dir: string): ReadRunResults {
  const document = JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8'));
  return {
    command: document.args.which,
    success: document.args.sparkify.success,
    errors: document.args.sparkify.errors ?? [],
    results: document.results.map((r: Record<string, any>) => ({
      id: shortId(r.unique_id), uniqueId: r.unique_id, status: r.status, failures: r.failures,
      rowsAffected: r.adapter_response.rows_affected ?? null, sample: r.adapter_response.sparkify?.sample,
      startedAt: r.timing[0]?.started_at, completedAt: r.timing[0]?.completed_at,
    })),
  };
}

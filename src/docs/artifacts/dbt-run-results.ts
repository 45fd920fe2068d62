/** dbt's run_results.json (schema v6): what the last command did to each node. */
import type { DbtArtifactMetadata } from './dbt-manifest.js';

/** dbt's schema URL of run results v6. */
export const RUN_RESULTS_V6 = 'https://schemas.getdbt.com/dbt/run-results/v6.json';

/** When one step (compile, execute) of a node ran. */
export interface RunTiming {
  name: string;
  started_at?: string | null;
  completed_at?: string | null;
}

/** One node's result. */
export interface RunResult {
  unique_id: string;
  status: string;
  execution_time: number;
  timing: RunTiming[];
  message?: string | null;
  adapter_response?: Record<string, unknown>;
  failures?: number | null;
  thread_id?: string;
}

/** run_results.json. */
export interface DbtRunResults {
  metadata: DbtArtifactMetadata;
  results: RunResult[];
  elapsed_time: number;
  args?: Record<string, unknown>;
}

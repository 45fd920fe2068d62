import type { BadRecord } from '../load/types.js';
import type { Diagnostic } from '../diagnostics.js';

/** How a node's run ended; tests end `pass`, `warn` or `fail` (dbt's statuses), or `error` when their query fails. */
export type NodeStatus = 'success' | 'error' | 'skipped' | 'pass' | 'warn' | 'fail';

/** True when the node's descendants must not run: it failed, failed its test, or was skipped. */
export function blocksDescendants(result: NodeResult): boolean {
  return result.status === 'error' || result.status === 'fail' || result.status === 'skipped';
}

/** The outcome of one node, as written to run_results.json. */
export interface NodeResult {
  id: string;
  status: NodeStatus;
  /** Short text for the CLI line: `SELECT 97`, `COPY 8056`, `CREATE VIEW`, or the error. */
  message: string;
  rowsAffected: number | null;
  startedAt?: string;
  completedAt?: string;
  /** Seconds. */
  executionTime: number;
  /** Files the loader read (sources it loads; not a server-side COPY). */
  files?: number;
  /** Records skipped under maxerrors (sources only). */
  rejected?: BadRecord[];
  /** Invalid characters replaced under accept_invalid_chars, and in how many records (sources only). */
  replaced?: { chars: number; records: number };
  /** Tests: how many rows the test's query returned. */
  failures?: number;
  /** Tests: the first failing rows (values made JSON-safe). */
  sample?: Record<string, unknown>[];
  diagnostics?: Diagnostic[];
  /** What the run decided that the user should know, e.g. why a source reloaded in full. */
  notes?: string[];
  /** Problems that did not fail it, e.g. a source column no JSON key matched (SPK305). */
  warnings?: Diagnostic[];
}

/** What a node's run returns before the scheduler adds its id and timing. */
export type NodeRun = Omit<NodeResult, 'id' | 'startedAt' | 'completedAt' | 'executionTime'>;

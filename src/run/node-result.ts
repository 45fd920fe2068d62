import type { BadRecord } from '../load/types.js';
import type { Diagnostic } from '../diagnostics.js';

/** How a node's run ended. */
export type NodeStatus = 'success' | 'error' | 'skipped';

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
  /** Records skipped under maxerrors (sources only). */
  rejected?: BadRecord[];
  diagnostics?: Diagnostic[];
}

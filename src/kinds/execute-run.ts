import type { NodePlan } from './node-plan.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RunPlan } from './plan-run.js';
import { executePlans, type ExecuteOptions } from './execute-plans.js';
import type { NodeResult } from '../run/node-result.js';
import { RunErrors } from '../run/error-codes.js';
import { skipped } from '../run/schedule-plans.js';
import { notRun, stopSignalOf } from '../run/interruption.js';

/** Prints the outcome of a run step (cleanup, on_run_start, on_run_end). */
export interface StepReporter {
  finished(plan: NodePlan, result: NodeResult): void;
}

/** What executeRun needs: ExecuteOptions without the plans (they come from the RunPlan). */
export interface RunOptions extends Omit<ExecuteOptions, 'plans'> {
  steps: StepReporter;
}

/** The results of a run: hooks and nodes (for run_results.json) and problems that did not fail it. */
export interface RunOutcome {
  results: NodeResult[];
  warnings: Diagnostic[];
}

/** Code of a cleanup that could not drop a leftover side relation (a warning: the run goes on). */
export const CLEANUP_FAILED = RunErrors.cleanupFailed;

/**
 * Executes a RunPlan: the cleanup of crashed runs' side relations (a failure is only a warning), the
 * missing schemas and on_run_start (a failure skips every node), the nodes, then on_run_end (run even
 * when a node failed, but not once a signal stopped the run: as in dbt, the user asked it to stop).
 */
export async function executeRun(run: RunPlan, options: RunOptions): Promise<RunOutcome> {
  const warnings: Diagnostic[] = [];
  const step = async (plan: NodePlan) => {
    const [result] = await executePlans({ ...options, plans: [plan], reporter: { started() {}, finished() {} } });
    options.steps.finished(plan, result);
    return result;
  };
  if (run.cleanup) {
    const result = await step(run.cleanup);
    if (result.status !== 'success') warnings.push(cleanupWarning(result));
  }
  // Quietly, like dbt's create_schemas: a node that then finds its schema missing says so itself.
  if (run.schemas) {
    const [result] = await executePlans({ ...options, plans: [run.schemas], reporter: { started() {}, finished() {} } });
    if (result.status !== 'success') warnings.push({ ...cleanupWarning(result), message: `could not create the schemas of the run: ${result.message}`, location: { file: 'target/run/schemas.sql' }, hint: 'each node creates its schema too; check the role may create schemas' });
  }
  const results: NodeResult[] = [];
  const skipAll = (failed: NodeResult) => ({ results: [...results, failed, ...run.nodes.map((plan: NodePlan) => skipped(plan, failed.id))], warnings });
  // The missing schemas, like the cleanup, are a result only when they fail (then every node is skipped).
  if (run.schemas) {
    const result = await step(run.schemas);
    if (result.status !== 'success') return skipAll(result);
  }
  if (run.onRunStart) {
    const result = await step(run.onRunStart);
    const stop = stopSignalOf(options.signal);
    if (stop) return { results: [...results, result, ...run.nodes.map((plan: NodePlan) => notRun(plan, stop))], warnings };
    if (result.status !== 'success') return skipAll(result);
    results.push(result);
  }
  results.push(...(await executePlans({ ...options, plans: run.nodes })));
  if (run.onRunEnd) {
    const stop = stopSignalOf(options.signal);
    results.push(stop ? notRun(run.onRunEnd, stop) : await step(run.onRunEnd));
  }
  return { results, warnings };
}

function cleanupWarning(result: NodeResult): Diagnostic {
  return {
    code: CLEANUP_FAILED,
    message: `could not drop the side relations an earlier run left behind: ${result.message}`,
    location: { file: 'target/run/cleanup.sql' },
    hint: 'the next build tries again; drop them by hand once nothing depends on them',
  };
}

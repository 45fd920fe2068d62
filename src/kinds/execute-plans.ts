/** The execute phase over plans of any kind: the scheduler, with each plan run as its kind says. */
import type { NodeResult, NodeRun } from '../run/node-result.js';
import { throwIfStopped } from '../run/run-context.js';
import { schedulePlans, type RunReporter } from '../run/schedule-plans.js';
import type { KindRunContext } from './node-kind.js';
import type { NodePlan } from './node-plan.js';
import { runnerOf } from './registry.js';
import { missingUpstream } from './upstream-check.js';

/** Everything the execute phase needs: plans in build order and the I/O to run them. */
export interface ExecuteOptions extends KindRunContext {
  plans: NodePlan[];
  threads: number;
  reporter: RunReporter<NodePlan>;
  /** Nodes that must pass before a node runs, beyond its parents: in `build`, the tests on its parents. */
  gates?: ReadonlyMap<string, readonly string[]>;
  /**
   * Gives the plan to run just before a node runs (render-at-run.ts: a node whose template
   * introspects is rendered and planned again); its failure is the node's.
   */
  prepare?(plan: NodePlan): Promise<NodePlan>;
  /** --fail-fast: the first failure stops the run (see Schedule.failFast). */
  failFast?: boolean;
}

/**
 * Runs each plan once its selected parents succeeded, up to `threads` at a time (one at a time on an
 * adapter with a single connection). A failed node's descendants are skipped.
 */
export function executePlans(options: ExecuteOptions): Promise<NodeResult[]> {
  return schedulePlans({
    plans: options.plans,
    manifest: options.manifest,
    capabilities: options.adapter.capabilities,
    threads: options.threads,
    reporter: options.reporter,
    gates: options.gates,
    failFast: options.failFast,
    waitsForParents: (plan) => runnerOf(plan).usesWarehouse,
    runNode: (plan) => runNode(plan, options),
    signal: options.signal,
  });
}

async function runNode(plan: NodePlan, options: ExecuteOptions): Promise<NodeRun> {
  throwIfStopped(options.signal);
  const runner = runnerOf(plan);
  if (runner.usesWarehouse) {
    const missing = await missingUpstream(plan.id, options);
    if (missing) return { status: 'error', message: missing.message, rowsAffected: null, diagnostics: [missing] };
  }
  return runner.execute(options.prepare ? await options.prepare(plan) : plan, options);
}

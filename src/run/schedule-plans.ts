/**
 * The scheduler of the execute phase: runs each plan once its selected parents succeeded, up to
 * `threads` at a time (one at a time on an adapter with a single connection). A failed node's
 * descendants are skipped. What running a plan means is not its business: `runNode` is given.
 * Once `signal` aborts (SIGINT, SIGTERM) nothing new starts: the running nodes end (cancelled and
 * rolled back) before it returns, so the caller closes an idle warehouse.
 */
import type { Manifest } from '../manifest/manifest.js';
import type { AdapterCapabilities } from '../engines/adapter.js';
import type { PlanBase } from '../plan/types.js';
import { blocksDescendants, type NodeResult, type NodeRun } from './node-result.js';
import { RunCancelled } from './run-context.js';
import { interruptedRun, notRun, stopSignalOf } from './interruption.js';
import { diagnosticsOf } from './run-statements.js';

/** Hooks the caller uses to print progress lines. */
export interface RunReporter<P extends PlanBase = PlanBase> {
  started(plan: P, index: number, total: number): void;
  finished(plan: P, result: NodeResult, index: number, total: number): void;
}

/** How the scheduler runs plans of any kind. */
export interface Schedule<P extends PlanBase> {
  plans: P[];
  manifest: Manifest;
  capabilities: AdapterCapabilities;
  threads: number;
  reporter: RunReporter<P>;
  /** Nodes that must pass before a node runs, beyond its parents: in `build`, the tests on its parents. */
  gates?: ReadonlyMap<string, readonly string[]>;
  /** False for a plan that reads nothing its parents build (a unit test): it waits for nothing. */
  waitsForParents(plan: P): boolean;
  /** Runs one plan; throws only RunCancelled (anything else becomes an error result). */
  runNode(plan: P): Promise<NodeRun>;
  /** Aborted (with the signal's name as reason) when the run must stop. */
  signal?: AbortSignal;
  /**
   * dbt's --fail-fast: after the first node that fails (an error, or a failed test), nothing new
   * starts; nodes running finish (each in its own transaction) and the rest are skipped.
   */
  failFast?: boolean;
}

/** Runs every plan; results in plan order. */
export async function schedulePlans<P extends PlanBase>(schedule: Schedule<P>): Promise<NodeResult[]> {
  const { plans, manifest } = schedule;
  const selected = new Set(plans.map((p) => p.id));
  const results = new Map<string, NodeResult>();
  const running = new Map<string, Promise<void>>();
  const limit = schedule.capabilities.multipleConnections ? Math.max(1, schedule.threads) : 1;
  let started = 0;
  let firstFailure: string | undefined;

  const independent = new Set(plans.filter((p) => !schedule.waitsForParents(p)).map((p) => p.id));
  const parentsOf = (id: string) => independent.has(id) ? [] :
    [...(manifest.parentMap[id] ?? []), ...(schedule.gates?.get(id) ?? [])].filter((p) => selected.has(p));
  while (results.size < plans.length && !(schedule.signal?.aborted && running.size === 0)) {
    for (const plan of schedule.signal?.aborted ? [] : plans) {
      if (results.has(plan.id) || running.has(plan.id)) continue;
      if (firstFailure !== undefined) {
        results.set(plan.id, failFastSkipped(plan, firstFailure));
        schedule.reporter.finished(plan, results.get(plan.id)!, ++started, plans.length);
        continue;
      }
      if (running.size >= limit) continue;
      const parents = parentsOf(plan.id);
      const failed = parents.find((p) => results.has(p) && blocksDescendants(results.get(p)!));
      if (failed) {
        results.set(plan.id, skipped(plan, failed));
        schedule.reporter.finished(plan, results.get(plan.id)!, ++started, plans.length);
        continue;
      }
      if (!parents.every((p) => results.has(p))) continue;
      const index = ++started;
      schedule.reporter.started(plan, index, plans.length);
      const task = timed(plan, () => schedule.runNode(plan)).then((result) => {
        results.set(plan.id, result);
        running.delete(plan.id);
        if (schedule.failFast && firstFailure === undefined && (result.status === 'error' || result.status === 'fail')) firstFailure = plan.id;
        schedule.reporter.finished(plan, result, index, plans.length);
      });
      running.set(plan.id, task);
    }
    if (running.size > 0) await Promise.race(running.values());
    else if (results.size < plans.length && !schedule.signal?.aborted) throw new Error('scheduler stalled: a selected node waits on a node that never runs');
  }
  const stop = stopSignalOf(schedule.signal);
  return plans.map((p) => results.get(p.id) ?? notRun(p, stop ?? 'SIGINT'));
}

/** Runs a node and adds its id and timing; an unexpected error becomes its error result. */
async function timed(plan: PlanBase, run: () => Promise<NodeRun>): Promise<NodeResult> {
  const startedAt = new Date();
  let outcome: NodeRun;
  try {
    outcome = await run();
  } catch (error) {
    if (error instanceof RunCancelled) outcome = interruptedRun(error.signal, plan);
    else {
      const diagnostics = diagnosticsOf(error);
      outcome = { status: 'error', message: diagnostics[0].message, rowsAffected: null, diagnostics };
    }
  }
  const completedAt = new Date();
  return {
    id: plan.id, ...outcome, startedAt: startedAt.toISOString(), completedAt: completedAt.toISOString(),
    executionTime: (completedAt.getTime() - startedAt.getTime()) / 1000,
  };
}

/** The result of a node --fail-fast did not start (dbt: "Skipping due to fail_fast"). */
function failFastSkipped(plan: PlanBase, failed: string): NodeResult {
  return { id: plan.id, status: 'skipped', message: `skipped due to --fail-fast: ${failed} failed`, rowsAffected: null, executionTime: 0 };
}

/** The result of a node whose parent did not succeed. */
export function skipped(plan: PlanBase, failedParent: string): NodeResult {
  return {
    id: plan.id, status: 'skipped', message: `skipped because ${failedParent} did not succeed`,
    rowsAffected: null, executionTime: 0,
  };
}

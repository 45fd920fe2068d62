import type { Adapter } from '../engines/adapter.js';
import { dialectFor } from '../engines/registry.js';
import { writeCompiledFiles } from '../kinds/compiled-files.js';
import type { NodePlan } from '../kinds/node-plan.js';
import type { RunPlan } from '../kinds/plan-run.js';
import type { PlanOptions } from '../plan/plan-model.js';
import { runTimePlanner } from '../kinds/render-at-run.js';
import type { LoadDecision } from '../plan/loads/plan-load.js';
import { planRun, runSteps, stateRequest } from '../kinds/plan-run.js';
import { kindOf, runnerOf } from '../kinds/registry.js';
import type { ManifestNode } from '../manifest/manifest.js';
import type { StepReporter } from '../kinds/execute-run.js';
import { readWarehouseState } from '../run/read-warehouse-state.js';
import { newRunId } from '../run/run-id.js';
import { readLoadState } from '../run/read-load-state.js';
import { colourStatus, statusLine } from './output.js';
import type { ProjectContext } from './project-context.js';

/** A build's plan and the options it was planned with (a node rendered again at run time is planned with them too). */
export interface PlannedBuild {
  run: RunPlan;
  options: PlanOptions;
}

/**
 * Plans a build with the warehouse as it is: reads the state the plan depends on, plans with a
 * fresh run id and writes the exact statements to target/run/ (over compile's review copies).
 */
export async function planBuild(context: ProjectContext, adapter: Adapter, ids: string[], fullRefresh: boolean, extra: PlanOptions = {}): Promise<PlannedBuild> {
  const { manifest } = context.compiled;
  const dialect = dialectFor(context.project.target);
  const state = await readWarehouseState(adapter, dialect, stateRequest(manifest, ids, extra.storeFailures));
  await readLoadState(adapter, dialect, manifest, ids, { root: context.root, s3: context.project.target.s3 }, state);
  const options: PlanOptions = { ...extra, runId: newRunId(), fullRefresh, state };
  const run = planRun(manifest, ids, dialect, options);
  writeCompiledFiles(context.root, manifest, runSteps(run), context.scrub);
  return { run, options };
}

/**
 * The hook that renders a node whose template introspects again, with execute true on the run's
 * connection, just before it runs (render-at-run.ts). The plans it made are kept in `prepared`, so
 * that target/run/ can show what ran.
 */
export function runTimeRendering(context: ProjectContext, adapter: Adapter, options: PlanOptions, prepared: Map<string, NodePlan>): (plan: NodePlan) => Promise<NodePlan> {
  const { input, compiled, run } = context;
  const plan = runTimePlanner(
    { compile: input, manifest: compiled.manifest, adapter, invocation: input.invocation ?? { id: run.invocationId, startedAt: new Date(run.generatedAt) }, flags: input.flags },
    dialectFor(context.project.target), options,
  );
  return async (original) => {
    const fresh = await plan(original);
    if (fresh !== original) prepared.set(fresh.id, fresh);
    return fresh;
  };
}

/** Rewrites target/compiled/ and target/run/ once nodes were rendered again: the SQL that ran. */
export function writeRanFiles(context: ProjectContext, run: RunPlan, prepared: ReadonlyMap<string, NodePlan>): void {
  if (prepared.size === 0) return;
  const plans = runSteps(run).map((plan) => prepared.get(plan.id) ?? plan);
  writeCompiledFiles(context.root, context.compiled.manifest, plans, context.scrub);
}

/** A node that builds nothing of its own (an ephemeral model: inlined into the models that ref it). */
function isInlined(node: ManifestNode): boolean {
  const kind = kindOf(node);
  return kind.reportsAs === 'build' && kind.relationOf(node) === undefined;
}

/** The inlined nodes among `ids`, when nothing else is selected (then there is nothing to build). */
export function onlyInlined(context: ProjectContext, ids: string[]): ManifestNode[] | undefined {
  const nodes = ids.map((id) => context.compiled.manifest.nodes[id]);
  const inlined = nodes.filter(isInlined);
  return inlined.length > 0 && inlined.length === nodes.length ? inlined : undefined;
}

/** Says why selecting only ephemeral models builds nothing, and what to select instead. */
export function reportNothingToBuild(context: ProjectContext, ephemeral: ManifestNode[]): number {
  const { childMap, nodes } = context.compiled.manifest;
  const names = ephemeral.map((n) => n.name);
  const users = [...new Set(ephemeral.flatMap((n) => childMap[n.id] ?? []))].map((id) => nodes[id].name);
  context.output.line(`Nothing to build: ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} ephemeral — inlined as a CTE into the models that ref ${names.length === 1 ? 'it' : 'them'}`
    + `${users.length > 0 ? ` (${users.join(', ')})` : ''} and never created in the warehouse.`);
  context.output.line(`To build ${users.length > 0 ? 'those models' : 'a model that uses it'}: sparkify build --select ${names.map((n) => `${n}+`).join(' ')}`);
  return 0;
}

/** The verb of a build line, as the plan's kind says: loaded, inlined, updated, created, snapshotted, ran. */
export function verbOf(plan: NodePlan): string {
  return runnerOf(plan).verb(plan);
}

/** Lines for the run steps: the cleanup of a crashed run's leftovers and the project's hooks. */
export function stepReporter(context: ProjectContext): StepReporter {
  return {
    finished(plan, result) {
      const seconds = `${result.executionTime.toFixed(2)}s`;
      const status = result.status === 'success' ? colourStatus('OK') : colourStatus(plan.id === 'run.cleanup' ? 'WARN' : 'ERROR');
      const outcome = result.status === 'success' ? `${result.message} in ${seconds}` : `${result.status === 'error' ? 'ERROR' : 'SKIP'} in ${seconds}`;
      context.output.line(statusLine(`${status} ran`, plan.description, outcome));
    },
  };
}

/** Each source's load decision in a run's plans, for the loader (which files to read). */
export function loadsOf(run: RunPlan): Record<string, LoadDecision> {
  return Object.fromEntries(run.nodes.flatMap((plan) => ('load' in plan && plan.load ? [[plan.id, plan.load]] : [])));
}

import type { Adapter } from '../adapters/adapter.js';
import type { ModelNode } from '../compile/manifest.js';
import { dialectFor } from '../plan/dialect-for.js';
import { incrementalPath, VARIANTS } from '../plan/plan-model.js';
import type { RunPlan } from '../plan/run-plan.js';
import { planRun, runSteps, stateRequest } from '../plan/run-plan.js';
import type { NodePlan } from '../plan/types.js';
import { compiledPath, runPath, writeCompiledFiles } from '../run/artifacts.js';
import type { NodeFiles } from '../run/database-error.js';
import type { StepReporter } from '../run/execute-run.js';
import { readWarehouseState } from '../run/read-warehouse-state.js';
import { newRunId } from '../run/run-id.js';
import { colourStatus, statusLine } from './output.js';
import type { ProjectContext } from './project-context.js';

/**
 * Plans a build with the warehouse as it is: reads the state the plan depends on, plans with a
 * fresh run id and writes the exact statements to target/run/ (over compile's review copies).
 */
export async function planBuild(context: ProjectContext, adapter: Adapter, ids: string[], fullRefresh: boolean): Promise<RunPlan> {
  const { manifest } = context.compiled;
  const dialect = dialectFor(context.project.target);
  const state = await readWarehouseState(adapter, dialect, stateRequest(manifest, ids));
  const run = planRun(manifest, ids, dialect, { runId: newRunId(), fullRefresh, state });
  writeCompiledFiles(context.root, manifest, runSteps(run), context.scrub);
  return run;
}

/** The ephemeral models among `ids`, when nothing else is selected (then there is nothing to build). */
export function onlyEphemeral(context: ProjectContext, ids: string[]): ModelNode[] | undefined {
  const nodes = ids.map((id) => context.compiled.manifest.nodes[id]);
  const ephemeral = nodes.filter((n): n is ModelNode => n.kind === 'model' && n.config.materialized === 'ephemeral');
  return ephemeral.length > 0 && ephemeral.length === nodes.length ? ephemeral : undefined;
}

/** Says why selecting only ephemeral models builds nothing, and what to select instead. */
export function reportNothingToBuild(context: ProjectContext, ephemeral: ModelNode[]): number {
  const { childMap } = context.compiled.manifest;
  const names = ephemeral.map((n) => n.name);
  const users = [...new Set(ephemeral.flatMap((n) => childMap[n.id] ?? []))].map((id) => id.replace(/^model\./, ''));
  context.output.line(`Nothing to build: ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} ephemeral — inlined as a CTE into the models that ref ${names.length === 1 ? 'it' : 'them'}`
    + `${users.length > 0 ? ` (${users.join(', ')})` : ''} and never created in the warehouse.`);
  context.output.line(`To build ${users.length > 0 ? 'those models' : 'a model that uses it'}: sparkify build --select ${names.map((n) => `${n}+`).join(' ')}`);
  return 0;
}

/** The verb of a build line: loaded (source), inlined (ephemeral), updated (incremental run), created. */
export function verbOf(plan: NodePlan): string {
  if (plan.id.startsWith('source.') || plan.id.startsWith('seed.')) return 'loaded';
  if (plan.id.startsWith('run.')) return 'ran';
  if (plan.id.startsWith('snapshot.')) return 'snapshotted';
  if (plan.statements.length === 0) return 'inlined';
  return plan.variant === VARIANTS.incremental ? 'updated' : 'created';
}

/** The files a database error points at; an incremental run embeds the incremental SQL. */
export function filesOfModel(plan: NodePlan, node: ModelNode): NodeFiles {
  if (node.incremental && plan.runPath === incrementalPath(node.path)) {
    return { runFile: runPath(plan), compiledFile: compiledPath(incrementalPath(node.path)), compiledSql: node.incremental.compiledSql };
  }
  return { runFile: runPath(plan), compiledFile: compiledPath(node.path), compiledSql: node.compiledSql };
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

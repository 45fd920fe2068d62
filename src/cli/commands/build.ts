import { join } from 'node:path';
import { createAdapter, engineOf } from '../../engines/registry.js';
import { needsDatabase, noWarehouse, onlyUnitTests, UnitTestEngine, withUnitTestGates } from '../../unit-tests/index.js';
import { formatDiagnostic } from '../../diagnostics.js';
import type { NodePlan } from '../../kinds/node-plan.js';
import type { RunPlan } from '../../kinds/plan-run.js';
import { writeCompiledFiles } from '../../kinds/compiled-files.js';
import { writeRunResults } from '../../run/artifacts.js';
import type { RunReporter } from '../../run/schedule-plans.js';
import { RunCancelled, stopPoint, throwIfStopped } from '../../run/run-context.js';
import { exitCodeFor, stopSignalOf, wasInterrupted, wasNotRun, type StopSignal } from '../../run/interruption.js';
import { executeRun } from '../../kinds/execute-run.js';
import { errorFilesOf, feedOpener } from '../../kinds/run-io.js';
import { runnerOf } from '../../kinds/registry.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { NodeResult } from '../../run/node-result.js';
import { colourStatus, statusLine } from '../output.js';
import type { GlobalOptions, ProjectContext, SelectionOptions } from '../project-context.js';
import { hasSelection, loadProjectContext, planFor, selectedIds } from '../project-context.js';
import { testGates } from '../../graph/index.js';
import { describeCounts, runOrder, type RunCommand } from '../../kinds/run-order.js';
import { printTestWarnings, reportTest } from '../test-lines.js';
import { writeManifestOf } from '../manifest-stamp.js';
import { runResultsDocument, tally } from '../run-summary.js';
import { claimStop } from '../interrupt.js';
import { phaseTimer, type PhaseTimer } from '../phase-timings.js';
import { onlyInlined, planBuild, reportNothingToBuild, runTimeRendering, stepReporter, verbOf, writeRanFiles } from '../build-run.js';
import { writeManifest } from '../../run/artifacts.js';
import { manifestDocument } from '../artifact-documents.js';
import { replacedLine } from '../../load/replaced-line.js';

/** Options of `sparkify build`. */
export interface BuildOptions extends GlobalOptions, SelectionOptions {
  threads?: number;
  /** Rebuild incremental models from scratch. */
  fullRefresh?: boolean;
}

/**
 * `sparkify build`: loads the selected sources and builds the selected models in order, each
 * model's tests right after it. `sparkify test` is the same run with only the selected tests.
 * SIGINT and SIGTERM stop it (interrupt.ts): exit 130 or 143, run_results.json saying what ran.
 */
export async function buildCommand(options: BuildOptions, command: RunCommand = 'build'): Promise<number> {
  const started = Date.now();
  const timer = phaseTimer();
  // The first line comes before compiling: no silent start, whatever the project's size.
  const context = loadProjectContext(options, { WHICH: command, FULL_REFRESH: options.fullRefresh ?? false },
    (loaded, out) => out.line(`Running with sparkify on target ${loaded.target.name} (${loaded.target.type})`));
  const { root, compiled, project, output, scrub } = context;
  timer.phase('read and compile the project');
  const ids = runOrder(compiled.graph, selectedIds(context, options), command, hasSelection(options));
  const plans = planFor(context, ids);
  timer.phase('select and plan');
  writeManifestOf(context);
  writeCompiledFiles(root, compiled.manifest, plans, scrub);
  timer.phase('write manifest.json and target/');
  const inlined = onlyInlined(context, ids);
  if (inlined) return reportNothingToBuild(context, inlined);

  output.line(`${command === 'test' ? 'Running' : 'Building'} ${describeCounts(compiled.graph, ids)}`);
  return runBuild({ context, ids, plans, options, command, started, timer });
}

/** What one build run needs once the project is compiled and planned. */
interface BuildRun {
  context: ProjectContext;
  ids: string[];
  plans: NodePlan[];
  options: BuildOptions;
  command: RunCommand;
  started: number;
  timer: PhaseTimer;
}

async function runBuild({ context, ids, plans, options, command, started, timer }: BuildRun): Promise<number> {
  const { root, compiled, project, output, scrub } = context;
  // Unit tests run in their own in-memory PGlite: with nothing else selected, the target is never opened.
  const warehouseFree = onlyUnitTests(compiled.graph, ids);
  const adapter = warehouseFree ? noWarehouse(project.target.type) : await createAdapter(root, project.target);
  // The pristine unit-test database is cached in .sparkify/ (gitignored) across runs.
  // The pristine database it copies is cached per machine; which tests passed, per project (.sparkify/, gitignored).
  const unitTests = new UnitTestEngine({ resultsFile: join(root, '.sparkify', 'unit-test-results.json'), notice: (text) => output.line(text) });
  let results: NodeResult[] = [];
  let warnings: Diagnostic[] = [];
  let releaseBuildLock: (() => Promise<void>) | undefined;
  // Plans of nodes rendered again at run time (their templates introspect), for target/run/.
  const prepared = new Map<string, NodePlan>();
  let ran: RunPlan | undefined;
  const stop = claimStop(
    (signal) => output.error(`Interrupted by ${signal}: cancelling the statements in progress and rolling back (${signal === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'} again to exit at once)`),
    () => adapter.abandon?.(),
  );
  try {
    // Unit tests that must run get their database started now, on its own thread, beside the warehouse.
    if (needsDatabase(plans, unitTests)) unitTests.prepare();
    await adapter.open({ notice: (text) => output.line(text) });
    throwIfStopped(stop.signal);
    timer.phase('open the warehouse');
    // Two builds at once on one target would swap the same tables; two snapshot runs would close and
    // insert the same rows. Each engine says how it keeps them apart (PGlite: open() locked already).
    const locks = !warehouseFree && (command === 'build' || command === 'snapshot');
    releaseBuildLock = locks ? await engineOf(project.target).acquireBuildLock(adapter, project.target, project.config.name) : undefined;
    const planned = warehouseFree ? undefined : await planBuild(context, adapter, ids, options.fullRefresh ?? false);
    const run = planned?.run ?? { runId: '', nodes: plans };
    ran = run;
    throwIfStopped(stop.signal);
    timer.phase('build lock, warehouse state, plan');
    if (warehouseFree) output.line('Only unit tests: they run in an in-memory PGlite, the warehouse is not opened');
    else output.line(`Run id ${run.runId}: side relations are named <relation>__sparkify_new_${run.runId} (see target/run/)`);
    ({ results, warnings } = await executeRun(run, {
      adapter, manifest: compiled.manifest, threads: options.threads ?? project.target.threads,
      openFeed: feedOpener(compiled.manifest, { root, s3: project.target.s3, signal: stop.signal, progress: process.stderr }),
      filesOf: errorFilesOf(compiled.manifest),
      reporter: lineReporter(context),
      steps: stepReporter(context),
      signal: stop.signal,
      gates: withUnitTestGates(compiled.graph, ids, testGates(compiled.graph, ids)),
      unitTests,
      ...(planned ? { prepare: runTimeRendering(context, adapter, planned.options, prepared) } : {}),
    }));
    // A signal that came during the last statement (PGlite blocks the event loop) is handled here.
    await stopPoint(stop.signal).catch(() => undefined);
    timer.phase('execute');
  } catch (error) {
    if (!(error instanceof RunCancelled)) throw error;
  } finally {
    await releaseBuildLock?.().catch(() => undefined);
    await adapter.close();
    // A stopped run does not wait for the unit-test database to finish starting: it goes with the process.
    if (!stop.signal.aborted) await unitTests.close();
    timer.phase('close');
    if (ran) writeRanFiles(context, ran, prepared);
    if (prepared.size > 0) writeManifest(root, manifestDocument(context), scrub);
    const interrupted = stopSignalOf(stop.signal);
    writeRunResults(root, runResultsDocument(command, context, results, started, undefined, interrupted), scrub);
    timer.phase('write run_results.json');
    stop.dispose();
  }
  const interrupted = stopSignalOf(stop.signal);
  if (interrupted) return reportInterrupted(context, results, interrupted);
  for (const warning of warnings) output.error(`warning: ${formatDiagnostic(warning)}`);
  return summarize(context, results, started);
}

/** The end of a stopped run: what finished, what was rolled back, what never started; exit 130 or 143. */
function reportInterrupted(context: ProjectContext, results: NodeResult[], signal: StopSignal): number {
  const done = results.filter((r) => !wasNotRun(r) && !wasInterrupted(r)).length;
  const rolledBack = results.filter(wasInterrupted).map((r) => context.compiled.manifest.nodes[r.id]?.name ?? r.id);
  const notRunCount = results.filter(wasNotRun).length;
  const parts = results.length === 0 ? ['before any node ran'] : [`${done} of ${results.length} node${results.length === 1 ? '' : 's'} finished`];
  if (rolledBack.length > 0) parts.push(`rolled back: ${rolledBack.join(', ')}`);
  if (notRunCount > 0) parts.push(`${notRunCount} not run`);
  context.output.error(`Interrupted by ${signal}: ${parts.join('; ')}. The warehouse was closed cleanly; target/run_results.json lists every node.`);
  return exitCodeFor(signal);
}

function lineReporter(context: ProjectContext): RunReporter<NodePlan> {
  return {
    started() {},
    finished(plan, result, index, total) {
      const prefix = `${index} of ${total}`;
      if (wasInterrupted(result)) {
        const seconds = `${result.executionTime.toFixed(2)}s`;
        return context.output.line(statusLine(`${prefix} ${colourStatus('ERROR')} interrupted`, runnerOf(plan).label(plan), `CANCELLED in ${seconds}`));
      }
      if (runnerOf(plan).reportsAs === 'test') return reportTest(context.output, plan, result, prefix);
      const seconds = `${result.executionTime.toFixed(2)}s`;
      if (result.status === 'success') {
        const verb = verbOf(plan);
        context.output.line(statusLine(`${prefix} ${colourStatus('OK')} ${verb}`, plan.description, `${result.message} in ${seconds}`));
        for (const bad of result.rejected ?? []) context.output.line(`  skipped bad record ${bad.file}:${bad.line}:${bad.column}: ${bad.message}`);
        for (const warning of result.warnings ?? []) context.output.line(`  warning: ${formatDiagnostic(warning)}`);
        if (result.replaced) context.output.line(`  ${replacedLine(result.replaced)}`);
      } else if (result.status === 'error') {
        context.output.line(statusLine(`${prefix} ${colourStatus('ERROR')} building`, plan.description, `ERROR in ${seconds}`));
      } else {
        context.output.line(statusLine(`${prefix} ${colourStatus('SKIP')}`, plan.description, 'SKIP'));
      }
    },
  };
}

function summarize(context: ProjectContext, results: NodeResult[], started: number): number {
  const { output } = context;
  const seconds = ((Date.now() - started) / 1000).toFixed(2);
  output.line(`Finished running ${results.length} node${results.length === 1 ? '' : 's'} in ${seconds}s.`);
  const failed = results.filter((r) => r.status === 'error' || r.status === 'fail');
  if (failed.length === 0) {
    output.line(colourStatus('OK') + ' Completed successfully');
  } else {
    output.line(`${colourStatus('ERROR')} Completed with ${failed.length} error${failed.length === 1 ? '' : 's'}:`);
    for (const result of failed) for (const d of result.diagnostics ?? []) output.error(formatDiagnostic(d));
  }
  printTestWarnings(output, results);
  output.line(`Done. ${tally(results)}`);
  return failed.length > 0 || results.some((r) => r.status === 'skipped') ? 1 : 0;
}

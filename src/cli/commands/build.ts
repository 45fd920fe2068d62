import { join } from 'node:path';
import { createAdapter, engineOf } from '../../engines/registry.js';
import { needsDatabase, noWarehouse, onlyUnitTests, UnitTestEngine, withUnitTestGates } from '../../unit-tests/index.js';
import { fail, formatDiagnostic } from '../../diagnostics.js';
import type { NodePlan } from '../../kinds/node-plan.js';
import type { RunPlan } from '../../kinds/plan-run.js';
import { writeCompiledFiles } from '../../kinds/compiled-files.js';
import { TARGET_DIR, writeManifest, writeRunResults } from '../../run/artifacts.js';
import { RunCancelled, stopPoint, throwIfStopped } from '../../run/run-context.js';
import { exitCodeFor, stopSignalOf, wasInterrupted, wasNotRun, type StopSignal } from '../../run/interruption.js';
import { executeRun } from '../../kinds/execute-run.js';
import { errorFilesOf, feedOpener } from '../../kinds/run-io.js';
import { kindOf } from '../../kinds/registry.js';
import type { Adapter } from '../../engines/adapter.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { NodeResult } from '../../run/node-result.js';
import type { GlobalOptions, ProjectContext } from '../project-context.js';
import { hasSelection, loadProjectContext, planFor } from '../project-context.js';
import { testGates } from '../../graph/index.js';
import { describeCounts, nothingToDo, runOrder, type RunCommand } from '../../kinds/run-order.js';
import { manifestDocument } from '../artifact-documents.js';
import { writeManifestOf } from '../manifest-stamp.js';
import { runResultsDocument, SPARKIFY_VERSION } from '../run-summary.js';
import { claimStop } from '../interrupt.js';
import { phaseTimer, type PhaseTimer } from '../phase-timings.js';
import { loadsOf, onlyInlined, planBuild, reportNothingToBuild, runTimeRendering, stepReporter, writeRanFiles } from '../build-run.js';
import { selectRunIds, type RunSelection } from '../run-selection.js';
import { deferredRelations, type Deferral } from '../defer.js';
import { lineReporter, summarize } from '../run-report.js';
import { dbtArgs } from '../run-args.js';
import { CliErrors } from '../error-codes.js';
import { DbtIdMap } from '../../artifacts/dbt-ids.js';
import { runObjectStore } from '../../load/s3/run-object-store.js';

/** Options of `sparkify build` (and of run, test, seed, snapshot, which run a part of it). */
export interface BuildOptions extends GlobalOptions, RunSelection {
  threads?: number;
  /** Rebuild incremental models from scratch. */
  fullRefresh?: boolean;
  /** Stop scheduling after the first failure (dbt's --fail-fast). */
  failFast?: boolean;
  /** Refs and sources read as zero rows; every relation is created empty (dbt's --empty). */
  empty?: boolean;
  /** Keep each data test's failing rows in a table of the audit schema. */
  storeFailures?: boolean;
  /** Refs to unselected nodes missing from the target read the --state manifest's relations. */
  defer?: boolean;
  /** Only the nodes of these dbt unique ids (retry: what failed or was skipped last time), in the selection's order. */
  onlyUniqueIds?: ReadonlySet<string>;
}

/**
 * `sparkify build`: loads the selected sources and builds the selected models in order, each
 * model's tests right after it. `run`, `test`, `seed` and `snapshot` are the same run with only
 * their kind of node, as dbt's commands are. SIGINT and SIGTERM stop it (interrupt.ts): exit 130
 * or 143, run_results.json saying what ran.
 */
export async function buildCommand(options: BuildOptions, command: RunCommand = 'build'): Promise<number> {
  const started = Date.now();
  const timer = phaseTimer();
  if (options.defer && !options.state) fail(CliErrors.badState, '--defer reads the relations of an earlier run, but no --state was given', undefined, 'pass --state DIR, the target/ folder of that run');
  const extras = { empty: options.empty, flags: { WHICH: command, FULL_REFRESH: options.fullRefresh ?? false } };
  // The first line comes before compiling: no silent start, whatever the project's size.
  const announce = { loaded: (project: ProjectContext['project'], out: ProjectContext['output']) => out.line(`Running with sparkify on target ${project.target.name} (${project.target.type})`, { name: 'MainReportVersion', code: 'A001', data: { version: SPARKIFY_VERSION, log_version: 3 } }) };
  let context = loadProjectContext(options, extras, announce);
  timer.phase('read and compile the project');
  const only = options.onlyUniqueIds && new DbtIdMap(context.compiled.manifest);
  const selected = selectRunIds(context, options).filter((id) => !only || options.onlyUniqueIds!.has(only.toDbt(id)));
  const ids = runOrder(context.compiled.graph, selected, command, hasSelection(options) || Boolean(only), (id) => runs(context, id));
  if (ids.length === 0) return reportNothingToDo(context, options, command, started, selected);
  const warehouseFree = onlyUnitTests(context.compiled.graph, ids);
  const adapter = openOnce(warehouseFree ? noWarehouse(context.project.target.type) : await createAdapter(context.root, context.project.target), context);
  let deferral: Deferral | undefined;
  if (options.defer && !warehouseFree) {
    await adapter.open();
    deferral = await deferredRelations(context, ids, options.state!, adapter);
    if (deferral.byName.size > 0) context = loadProjectContext(options, { ...extras, deferred: deferral.byName }, { reportWarnings: false });
  }
  return runNodes({ context, options, command, ids, adapter, warehouseFree, deferral, started, timer });
}

/** The adapter, opened by the first open() only (--defer opens it before the run does). */
function openOnce(adapter: Adapter, context: ProjectContext): Adapter {
  let opened: Promise<void> | undefined;
  const open = adapter.open.bind(adapter);
  adapter.open = () => (opened ??= open({ notice: (text) => context.output.line(text) }));
  return adapter;
}

/** A node that does something when run (not an ephemeral model, not a source over an existing table). */
function runs(context: ProjectContext, id: string): boolean {
  const node = context.compiled.manifest.nodes[id];
  return kindOf(node).runs(node);
}

/** What one run needs once the project is compiled and its nodes chosen. */
interface NodesRun {
  context: ProjectContext;
  options: BuildOptions;
  command: RunCommand;
  ids: string[];
  adapter: Adapter;
  warehouseFree: boolean;
  deferral: Deferral | undefined;
  started: number;
  timer: PhaseTimer;
}

async function runNodes({ context, options, command, ids, adapter, warehouseFree, deferral, started, timer }: NodesRun): Promise<number> {
  const { root, compiled, project, output, scrub } = context;
  const plans = planFor(context, ids, context.warnings.promotes('LogTestResult'));
  timer.phase('select and plan');
  writeManifestOf(context);
  writeCompiledFiles(root, compiled.manifest, plans, scrub);
  timer.phase('write manifest.json and target/');
  output.line(`${command === 'test' ? 'Running' : 'Building'} ${describeCounts(compiled.graph, ids)}`, { name: 'FoundStats', code: 'W006', data: { stat_line: describeCounts(compiled.graph, ids) } });
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
    await adapter.open();
    throwIfStopped(stop.signal);
    timer.phase('open the warehouse');
    // Two builds at once on one target would swap the same tables; two snapshot runs would close and
    // insert the same rows. Each engine says how it keeps them apart (PGlite: open() locked already).
    const locks = !warehouseFree && command !== 'test';
    releaseBuildLock = locks ? await engineOf(project.target).acquireBuildLock(adapter, project.target, project.config.name) : undefined;
    const planOptions = { warnError: context.warnings.promotes('LogTestResult'), empty: options.empty, storeFailures: options.storeFailures };
    const planned = warehouseFree ? undefined : await planBuild(context, adapter, ids, options.fullRefresh ?? false, planOptions);
    const run = planned?.run ?? { runId: '', nodes: plans };
    ran = run;
    throwIfStopped(stop.signal);
    timer.phase('build lock, warehouse state, plan');
    if (warehouseFree) output.line('Only unit tests: they run in an in-memory PGlite, the warehouse is not opened');
    else output.line(`Run id ${run.runId}: side relations are named <relation>__sparkify_new_${run.runId} (see ${TARGET_DIR}/run/)`);
    ({ results, warnings } = await executeRun(run, {
      adapter, manifest: compiled.manifest, threads: options.threads ?? project.target.threads,
      openFeed: feedOpener(compiled.manifest, { root, s3: project.target.s3, copyInProcess: engineOf(project.target).capabilities.copyInProcess, signal: stop.signal, progress: process.stderr, loads: loadsOf(run) }),
      filesOf: errorFilesOf(compiled.manifest),
      // COPY manifests: written before their COPY, deleted after the load (src/run/statement-objects.ts).
      ...runObjectStore(project.target.s3),
      reporter: lineReporter(context),
      steps: stepReporter(context),
      signal: stop.signal,
      gates: withUnitTestGates(compiled.graph, ids, testGates(compiled.graph, ids)),
      unitTests,
      failFast: options.failFast,
      deferred: deferral?.byId,
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
    writeRunResults(root, runResultsDocument(command, context, results, started, undefined, dbtArgs(options), stopSignalOf(stop.signal)), scrub);
    timer.phase('write run_results.json');
    stop.dispose();
  }
  const interrupted = stopSignalOf(stop.signal);
  if (interrupted) return reportInterrupted(context, results, interrupted);
  for (const warning of warnings) output.warn(`warning: ${formatDiagnostic(warning)}`);
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
  context.output.error(`Interrupted by ${signal}: ${parts.join('; ')}. The warehouse was closed cleanly; ${TARGET_DIR}/run_results.json lists every node.`);
  return exitCodeFor(signal);
}

/** dbt's "Nothing to do": a warning, run_results.json with 0 results, exit 0. */
function reportNothingToDo(context: ProjectContext, options: BuildOptions, command: RunCommand, started: number, selected: string[]): number {
  writeManifestOf(context);
  const inlined = onlyInlined(context, selected);
  if (inlined && command !== 'seed' && command !== 'snapshot') return reportNothingToBuild(context, inlined);
  const said = nothingToDo(command, hasSelection(options));
  context.output.warn(`warning: ${formatDiagnostic(said)}`, { name: 'NothingToDo', code: 'Q035', data: { diagnostic: said } });
  writeRunResults(context.root, runResultsDocument(command, context, [], started, undefined, dbtArgs(options)), context.scrub);
  return 0;
}

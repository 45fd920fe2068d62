import { join } from 'node:path';
import { createAdapter, engineOf } from '../../engines/registry.js';
import { noWarehouse, onlyUnitTests, UnitTestEngine, withUnitTestGates } from '../../unit-tests/index.js';
import { fail, formatDiagnostic } from '../../diagnostics.js';
import { writeCompiledFiles } from '../../kinds/compiled-files.js';
import { TARGET_DIR, writeManifest, writeRunResults } from '../../run/artifacts.js';
import { RunCancelled } from '../../run/run-context.js';
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
import { runResultsDocument } from '../run-summary.js';
import { onInterrupt } from '../interrupt.js';
import { onlyInlined, planBuild, reportNothingToBuild, stepReporter } from '../build-run.js';
import { selectRunIds, type RunSelection } from '../run-selection.js';
import { deferredRelations, type Deferral } from '../defer.js';
import { lineReporter, summarize } from '../run-report.js';
import { dbtArgs } from '../run-args.js';
import { CliErrors } from '../error-codes.js';
import { SPARKIFY_VERSION } from '../run-summary.js';
import { DbtIdMap } from '../../artifacts/dbt-ids.js';

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
 * their kind of node, as dbt's commands are.
 */
export async function buildCommand(options: BuildOptions, command: RunCommand = 'build'): Promise<number> {
  const started = Date.now();
  if (options.defer && !options.state) fail(CliErrors.badState, '--defer reads the relations of an earlier run, but no --state was given', undefined, 'pass --state DIR, the target/ folder of that run');
  let context = loadProjectContext(options, { empty: options.empty });
  const only = options.onlyUniqueIds && new DbtIdMap(context.compiled.manifest);
  const selected = selectRunIds(context, options).filter((id) => !only || options.onlyUniqueIds!.has(only.toDbt(id)));
  const ids = runOrder(context.compiled.graph, selected, command, hasSelection(options) || Boolean(only), (id) => runs(context, id));
  if (ids.length === 0) return reportNothingToDo(context, options, command, started, selected);
  const warehouseFree = onlyUnitTests(context.compiled.graph, ids);
  const adapter = openOnce(warehouseFree ? noWarehouse(context.project.target.type) : await createAdapter(context.root, context.project.target));
  let deferral: Deferral | undefined;
  if (options.defer && !warehouseFree) {
    await adapter.open();
    deferral = await deferredRelations(context, ids, options.state!, adapter);
    if (deferral.byName.size > 0) context = loadProjectContext(options, { empty: options.empty, deferred: deferral.byName }, { reportWarnings: false });
  }
  return runNodes(context, options, command, ids, adapter, warehouseFree, deferral, started);
}

/** The adapter, opened by the first open() only (--defer opens it before the run does). */
function openOnce(adapter: Adapter): Adapter {
  let opened: Promise<void> | undefined;
  const open = adapter.open.bind(adapter);
  adapter.open = () => (opened ??= open());
  return adapter;
}

/** A node that does something when run (not an ephemeral model, not a source over an existing table). */
function runs(context: ProjectContext, id: string): boolean {
  const node = context.compiled.manifest.nodes[id];
  return kindOf(node).runs(node);
}

async function runNodes(
  context: ProjectContext, options: BuildOptions, command: RunCommand, ids: string[], adapter: Adapter,
  warehouseFree: boolean, deferral: Deferral | undefined, started: number,
): Promise<number> {
  const { root, compiled, project, output, scrub } = context;
  const plans = planFor(context, ids, context.warnings.promotes('LogTestResult'));
  writeManifest(root, manifestDocument(context), scrub);
  writeCompiledFiles(root, compiled.manifest, plans, scrub);
  output.line(`Running with sparkify on target ${project.target.name} (${project.target.type})`, { name: 'MainReportVersion', code: 'A001', data: { version: SPARKIFY_VERSION, log_version: 3 } });
  output.line(`${command === 'test' ? 'Running' : 'Building'} ${describeCounts(compiled.graph, ids)}`, { name: 'FoundStats', code: 'W006', data: { stat_line: describeCounts(compiled.graph, ids) } });
  const unitTests = new UnitTestEngine({ cacheDir: join(root, '.sparkify') });
  const controller = new AbortController();
  let results: NodeResult[] = [];
  let warnings: Diagnostic[] = [];
  let releaseBuildLock: (() => Promise<void>) | undefined;
  const stopListening = onInterrupt(() => {
    output.error('Interrupted: rolling back the node in progress and closing the warehouse (Ctrl-C again to force)');
    controller.abort();
  }, () => adapter.close());
  try {
    await adapter.open();
    // Two builds at once on one target would swap the same tables; two snapshot runs would close and
    // insert the same rows. Each engine says how it keeps them apart (PGlite: open() locked already).
    const locks = !warehouseFree && command !== 'test';
    releaseBuildLock = locks ? await engineOf(project.target).acquireBuildLock(adapter, project.target, project.config.name) : undefined;
    const planOptions = { warnError: context.warnings.promotes('LogTestResult'), empty: options.empty, storeFailures: options.storeFailures };
    const run = warehouseFree ? { runId: '', nodes: plans } : await planBuild(context, adapter, ids, options.fullRefresh ?? false, planOptions);
    if (warehouseFree) output.line('Only unit tests: they run in an in-memory PGlite, the warehouse is not opened');
    else output.line(`Run id ${run.runId}: side relations are named <relation>__sparkify_new_${run.runId} (see ${TARGET_DIR}/run/)`);
    ({ results, warnings } = await executeRun(run, {
      adapter, manifest: compiled.manifest, threads: options.threads ?? project.target.threads,
      openFeed: feedOpener(compiled.manifest, { root, s3: project.target.s3, signal: controller.signal, progress: process.stderr }),
      filesOf: errorFilesOf(compiled.manifest),
      reporter: lineReporter(context),
      steps: stepReporter(context),
      signal: controller.signal,
      gates: withUnitTestGates(compiled.graph, ids, testGates(compiled.graph, ids)),
      unitTests,
      failFast: options.failFast,
      deferred: deferral?.byId,
    }));
  } catch (error) {
    if (!(error instanceof RunCancelled)) throw error;
    output.error('The run was cancelled; the node in progress was rolled back.');
    return 130;
  } finally {
    stopListening();
    await releaseBuildLock?.().catch(() => undefined);
    await adapter.close();
    await unitTests.close();
    writeRunResults(root, runResultsDocument(command, context, results, started, undefined, dbtArgs(options)), scrub);
  }
  for (const warning of warnings) output.warn(`warning: ${formatDiagnostic(warning)}`);
  return summarize(context, results, started);
}

/** dbt's "Nothing to do": a warning, run_results.json with 0 results, exit 0. */
function reportNothingToDo(context: ProjectContext, options: BuildOptions, command: RunCommand, started: number, selected: string[]): number {
  writeManifest(context.root, manifestDocument(context), context.scrub);
  const inlined = onlyInlined(context, selected);
  if (inlined && command !== 'seed' && command !== 'snapshot') return reportNothingToBuild(context, inlined);
  const said = nothingToDo(command, hasSelection(options));
  context.output.warn(`warning: ${formatDiagnostic(said)}`, { name: 'NothingToDo', code: 'Q035', data: { diagnostic: said } });
  writeRunResults(context.root, runResultsDocument(command, context, [], started, undefined, dbtArgs(options)), context.scrub);
  return 0;
}

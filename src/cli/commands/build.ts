import { join } from 'node:path';
import { createAdapter, engineOf } from '../../engines/registry.js';
import { noWarehouse, onlyUnitTests, UnitTestEngine, withUnitTestGates } from '../../unit-tests/index.js';
import { formatDiagnostic } from '../../diagnostics.js';
import type { NodePlan } from '../../kinds/node-plan.js';
import { writeCompiledFiles } from '../../kinds/compiled-files.js';
import { writeManifest, writeRunResults } from '../../run/artifacts.js';
import type { RunReporter } from '../../run/schedule-plans.js';
import { RunCancelled } from '../../run/run-context.js';
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
import { manifestDocument } from '../artifact-documents.js';
import { runResultsDocument, tally } from '../run-summary.js';
import { onInterrupt } from '../interrupt.js';
import { loadsOf, onlyInlined, planBuild, reportNothingToBuild, stepReporter, verbOf } from '../build-run.js';
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
 */
export async function buildCommand(options: BuildOptions, command: RunCommand = 'build'): Promise<number> {
  const started = Date.now();
  const context = loadProjectContext(options);
  const { root, compiled, project, output, scrub } = context;
  const ids = runOrder(compiled.graph, selectedIds(context, options), command, hasSelection(options));
  const plans = planFor(context, ids);
  writeManifest(root, manifestDocument(context), scrub);
  writeCompiledFiles(root, compiled.manifest, plans, scrub);
  const inlined = onlyInlined(context, ids);
  if (inlined) return reportNothingToBuild(context, inlined);

  output.line(`Running with sparkify on target ${project.target.name} (${project.target.type})`);
  output.line(`${command === 'test' ? 'Running' : 'Building'} ${describeCounts(compiled.graph, ids)}`);
  // Unit tests run in their own in-memory PGlite: with nothing else selected, the target is never opened.
  const warehouseFree = onlyUnitTests(compiled.graph, ids);
  const adapter = warehouseFree ? noWarehouse(project.target.type) : await createAdapter(root, project.target);
  // The pristine unit-test database is cached in .sparkify/ (gitignored) across runs.
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
    const locks = !warehouseFree && (command === 'build' || command === 'snapshot');
    releaseBuildLock = locks ? await engineOf(project.target).acquireBuildLock(adapter, project.target, project.config.name) : undefined;
    const run = warehouseFree ? { runId: '', nodes: plans } : await planBuild(context, adapter, ids, options.fullRefresh ?? false);
    if (warehouseFree) output.line('Only unit tests: they run in an in-memory PGlite, the warehouse is not opened');
    else output.line(`Run id ${run.runId}: side relations are named <relation>__sparkify_new_${run.runId} (see target/run/)`);
    ({ results, warnings } = await executeRun(run, {
      adapter, manifest: compiled.manifest, threads: options.threads ?? project.target.threads,
      openFeed: feedOpener(compiled.manifest, { root, s3: project.target.s3, signal: controller.signal, progress: process.stderr, loads: loadsOf(run) }),
      filesOf: errorFilesOf(compiled.manifest),
      reporter: lineReporter(context),
      steps: stepReporter(context),
      signal: controller.signal,
      gates: withUnitTestGates(compiled.graph, ids, testGates(compiled.graph, ids)),
      unitTests,
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
    writeRunResults(root, runResultsDocument(command, context, results, started), scrub);
  }
  for (const warning of warnings) output.error(`warning: ${formatDiagnostic(warning)}`);
  return summarize(context, results, started);
}

function lineReporter(context: ProjectContext): RunReporter<NodePlan> {
  return {
    started() {},
    finished(plan, result, index, total) {
      const prefix = `${index} of ${total}`;
      if (runnerOf(plan).reportsAs === 'test') return reportTest(context.output, plan, result, prefix);
      const seconds = `${result.executionTime.toFixed(2)}s`;
      if (result.status === 'success') {
        const verb = verbOf(plan);
        context.output.line(statusLine(`${prefix} ${colourStatus('OK')} ${verb}`, plan.description, `${result.message} in ${seconds}`));
        for (const bad of result.rejected ?? []) context.output.line(`  skipped bad record ${bad.file}:${bad.line}:${bad.column}: ${bad.message}`);
        for (const note of result.notes ?? []) context.output.line(`  ${note}`);
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

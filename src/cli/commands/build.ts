import { join } from 'node:path';
import { createAdapter } from '../../adapters/create-adapter.js';
import { noWarehouse, onlyUnitTests, UnitTestEngine, withUnitTestGates } from '../../unit-tests/index.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { openSourceStream } from '../../load/index.js';
import { createProgressReporter, reportLoad } from '../../load/progress.js';
import type { NodePlan } from '../../plan/types.js';
import { compiledPath, runPath, writeCompiledFiles, writeManifest, writeRunResults } from '../../run/artifacts.js';
import type { RunReporter, SourceFeed } from '../../run/execute-plans.js';
import { RunCancelled } from '../../run/execute-plans.js';
import { executeRun } from '../../run/execute-run.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { NodeResult } from '../../run/node-result.js';
import { colourStatus, statusLine } from '../output.js';
import type { GlobalOptions, ProjectContext, SelectionOptions } from '../project-context.js';
import { loadProjectContext, planFor } from '../project-context.js';
import { testGates } from '../../graph/index.js';
import { describeCounts, runOrder, type RunCommand } from '../run-order.js';
import { printTestWarnings, reportTest } from '../test-lines.js';
import { runResultsDocument, tally } from '../run-summary.js';
import { onInterrupt } from '../interrupt.js';
import { openSeedFeed } from '../../seeds/seed-feed.js';
import { replacedLine } from '../../load/replaced-line.js';
import { filesOfModel, onlyEphemeral, planBuild, reportNothingToBuild, stepReporter, verbOf } from '../build-run.js';

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
  const ids = runOrder(context, options, command);
  const plans = planFor(context, ids);
  writeManifest(root, compiled.manifest, scrub);
  writeCompiledFiles(root, compiled.manifest, plans, scrub);
  const ephemeral = onlyEphemeral(context, ids);
  if (ephemeral) return reportNothingToBuild(context, ephemeral);

  output.line(`Running with sparkify on target ${project.target.name} (${project.target.type})`);
  output.line(`${command === 'test' ? 'Running' : 'Building'} ${describeCounts(ids)}`);
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
    // Two builds at once on one server target would swap the same tables (issue 4); PGlite's open() locks already.
    // Two snapshot runs at once would both close and insert the same rows: they take the lock too.
    releaseBuildLock = command === 'build' || command === 'snapshot' ? await adapter.acquireBuildLock?.(project.config.name) : undefined;
    const run = warehouseFree ? { runId: '', nodes: plans } : await planBuild(context, adapter, ids, options.fullRefresh ?? false);
    if (warehouseFree) output.line('Only unit tests: they run in an in-memory PGlite, the warehouse is not opened');
    else output.line(`Run id ${run.runId}: side relations are named <relation>__sparkify_new_${run.runId} (see target/run/)`);
    ({ results, warnings } = await executeRun(run, {
      adapter, manifest: compiled.manifest, threads: options.threads ?? project.target.threads,
      openFeed: (id) => openFeed(context, id, controller.signal),
      filesOf: (plan) => filesOf(context, plan),
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

function openFeed(context: ProjectContext, sourceId: string, signal: AbortSignal): SourceFeed {
  const node = context.compiled.manifest.nodes[sourceId];
  if (node?.kind === 'seed') return openSeedFeed(context.root, node);
  const table = context.project.sources.find((t) => `source.${t.sourceName}.${t.name}` === sourceId)!;
  const progress = createProgressReporter(`${table.sourceName}.${table.name}`, process.stderr);
  const stream = openSourceStream(table, { root: context.root, s3: context.project.target.s3, onProgress: (p) => progress.update(p) });
  return {
    get stats() {
      return stream.stats;
    },
    chunks: () => reportLoad(stream.chunks(), progress, signal),
  };
}

function filesOf(context: ProjectContext, plan: NodePlan) {
  const node = context.compiled.manifest.nodes[plan.id];
  if (node.kind === 'test') return { runFile: runPath(plan), compiledFile: compiledPath(node.sqlPath), compiledSql: node.compiledSql };
  if (node.kind === 'snapshot') return { runFile: runPath(plan), compiledFile: compiledPath(node.path), compiledSql: node.compiledSql };
  return node.kind === 'model' ? filesOfModel(plan, node) : { runFile: runPath(plan) };
}

function lineReporter(context: ProjectContext): RunReporter {
  return {
    started() {},
    finished(plan, result, index, total) {
      const prefix = `${index} of ${total}`;
      if (plan.test || plan.unitTest) return reportTest(context.output, plan, result, prefix);
      const seconds = `${result.executionTime.toFixed(2)}s`;
      if (result.status === 'success') {
        const verb = verbOf(plan);
        context.output.line(statusLine(`${prefix} ${colourStatus('OK')} ${verb}`, plan.description, `${result.message} in ${seconds}`));
        for (const bad of result.rejected ?? []) context.output.line(`  skipped bad record ${bad.file}:${bad.line}:${bad.column}: ${bad.message}`);
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


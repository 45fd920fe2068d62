import { writeCompiledFiles } from '../../kinds/compiled-files.js';
import { runSteps } from '../../kinds/plan-run.js';
import { printReview, reviewPlan } from '../compile-review.js';
import { TARGET_DIR, writeRunResults } from '../../run/artifacts.js';
import { rendersAtRun } from '../../kinds/render-at-run.js';
import { stampTarget, unchangedTarget } from '../target-stamp.js';
import type { GlobalOptions } from '../project-context.js';
import { loadProjectContext, selectedIds } from '../project-context.js';
import { writeManifestOf } from '../manifest-stamp.js';
import { selectRunIds, type RunSelection } from '../run-selection.js';
import { runResultsDocument } from '../run-summary.js';
import { phaseTimer } from '../phase-timings.js';
import { introspectForCompile } from '../compile-introspection.js';

/** `sparkify compile`: renders everything, writes target/, prints the selected plans for review. */
export async function compileCommand(options: GlobalOptions & RunSelection & { fullRefresh?: boolean; empty?: boolean; introspect?: boolean }): Promise<number> {
  const started = Date.now();
  const timer = phaseTimer();
  const context = loadProjectContext(options, { empty: options.empty, flags: { WHICH: 'compile', FULL_REFRESH: options.fullRefresh ?? false } });
  const { root, compiled, scrub, output } = context;
  timer.phase('read and compile the project');
  const hasSelection = Boolean(options.select?.length || options.exclude?.length || options.resourceType?.length);
  // With the same inputs and flags, the plans and target/ files are those the last compile wrote
  // (it stamped them only when no template asked the warehouse): neither is made again.
  const targetKey = !hasSelection && context.compileKey !== undefined
    ? JSON.stringify([context.compileKey, TARGET_DIR, options.fullRefresh ?? false, options.empty ?? false])
    : undefined;
  const unchanged = targetKey === undefined ? undefined : unchangedTarget(root, TARGET_DIR, targetKey);
  if (unchanged !== undefined) {
    writeManifestOf(context);
    timer.phase('target/ as the last compile of the same inputs left it');
    output.line(unchanged);
  } else {
    // Models that ask the warehouse render with execute true, as dbt compiles them, unless --no-introspect.
    if (options.introspect !== false) await introspectForCompile(context, selectedIds(context, options));
    const review = reviewPlan(context, selectedIds(context, {}), options.fullRefresh);
    const all = runSteps(review);
    timer.phase('plan every node');
    writeManifestOf(context);
    timer.phase('write manifest.json');
    const written = writeCompiledFiles(root, compiled.manifest, all, scrub);
    const summary = `Compiled ${countKinds(Object.values(compiled.manifest.nodes).map((n) => n.kind))} into target/ (manifest.json, compiled/, run/)`;
    if (targetKey !== undefined && !Object.values(compiled.manifest.nodes).some(rendersAtRun)) stampTarget(root, TARGET_DIR, targetKey, written, summary);
    timer.phase('write target/compiled and target/run');
    if (hasSelection) printReview(context, review, selectRunIds(context, options));
    else output.line(summary);
  }
  writeRunResults(root, runResultsDocument('compile', context, [], started), scrub);
  timer.phase('write run_results.json');
  return 0;
}

function countKinds(kinds: string[]): string {
  const count = (kind: string, noun: string) => {
    const n = kinds.filter((k) => k === kind).length;
    return n === 0 ? [] : [`${n} ${noun}${n === 1 ? '' : 's'}`];
  };
  const models = kinds.filter((k) => k === 'model').length;
  const parts = [
    `${models} model${models === 1 ? '' : 's'}`,
    ...count('test', 'test'), ...count('unit_test', 'unit test'), ...count('seed', 'seed'), ...count('snapshot', 'snapshot'),
  ];
  const sources = kinds.filter((k) => k === 'source').length;
  return `${parts.join(', ')} and ${sources} source${sources === 1 ? '' : 's'}`;
}

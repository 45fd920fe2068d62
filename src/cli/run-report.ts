/** What a run prints: a line per node as it finishes (JSON events with --log-format json) and the summary. */
import { DbtIdMap } from '../artifacts/dbt-ids.js';
import { formatDiagnostic } from '../diagnostics.js';
import type { NodePlan } from '../kinds/node-plan.js';
import { runnerOf } from '../kinds/registry.js';
import type { NodeResult } from '../run/node-result.js';
import type { RunReporter } from '../run/schedule-plans.js';
import { verbOf } from './build-run.js';
import { resultEvent, startEvent } from './node-events.js';
import { colourStatus, statusLine } from './output.js';
import type { ProjectContext } from './project-context.js';
import { tally } from './run-summary.js';
import { wasInterrupted } from '../run/interruption.js';
import { replacedLine } from '../load/replaced-line.js';
import { printTestWarnings, reportTest } from './test-lines.js';

/** Prints each node's line as it finishes; with --debug, the statements each one runs. */
export function lineReporter(context: ProjectContext): RunReporter<NodePlan> {
  const ids = new DbtIdMap(context.compiled.manifest);
  const { manifest } = context.compiled;
  return {
    started(plan, index, total) {
      context.output.jsonOnly(`${index} of ${total} START ${plan.description}`, startEvent(plan, index, total, manifest, ids));
      for (const statement of plan.statements) context.output.debug(`On ${ids.toDbt(plan.id)}: ${statement.sql}`, { name: 'SQLQuery', code: 'E016' });
    },
    finished(plan, result, index, total) {
      const event = resultEvent(plan, result, index, total, manifest, ids);
      const prefix = `${index} of ${total}`;
      if (wasInterrupted(result)) {
        const label = statusLine(`${prefix} ${colourStatus('ERROR')} interrupted`, runnerOf(plan).label(plan), `CANCELLED in ${result.executionTime.toFixed(2)}s`);
        return context.output.line(label, event);
      }
      if (runnerOf(plan).reportsAs === 'test') return reportTest(context.output, plan, result, prefix, event);
      const seconds = `${result.executionTime.toFixed(2)}s`;
      if (result.status === 'success') {
        context.output.line(statusLine(`${prefix} ${colourStatus('OK')} ${verbOf(plan)}`, plan.description, `${result.message} in ${seconds}`), event);
        for (const bad of result.rejected ?? []) context.output.line(`  skipped bad record ${bad.file}:${bad.line}:${bad.column}: ${bad.message}`);
        for (const note of result.notes ?? []) context.output.line(`  ${note}`);
        printWarnings(context, result);
        if (result.replaced) context.output.line(`  ${replacedLine(result.replaced)}`);
      } else if (result.status === 'error') {
        context.output.line(statusLine(`${prefix} ${colourStatus('ERROR')} building`, plan.description, `ERROR in ${seconds}`), event);
        // A failed load's manifest is deleted too: a delete that failed is said here, its error in the summary.
        printWarnings(context, result);
      } else {
        context.output.line(statusLine(`${prefix} ${colourStatus('SKIP')}`, plan.description, 'SKIP'), event);
      }
    },
  };
}

/** A node's warnings, each on a line under its own. */
function printWarnings(context: ProjectContext, result: NodeResult): void {
  for (const warning of result.warnings ?? []) context.output.line(`  warning: ${formatDiagnostic(warning)}`, { name: 'Diagnostic', code: warning.code, data: { ...warning } });
}

/** The end of a run: how long, what failed, the tally; returns the exit code (1 when a node failed or was skipped). */
export function summarize(context: ProjectContext, results: NodeResult[], started: number): number {
  const { output } = context;
  const seconds = ((Date.now() - started) / 1000).toFixed(2);
  output.line(`Finished running ${results.length} node${results.length === 1 ? '' : 's'} in ${seconds}s.`, { name: 'FinishedRunningStats', code: 'E047', data: { stat_line: `${results.length} nodes`, execution: '', execution_time: Number(seconds) } });
  const failed = results.filter((r) => r.status === 'error' || r.status === 'fail');
  const warned = results.filter((r) => r.status === 'warn').length;
  const summary = { name: 'EndOfRunSummary', code: 'Z030', data: { num_errors: failed.length, num_warnings: warned, keyboard_interrupt: false } };
  if (failed.length === 0) {
    output.line(colourStatus('OK') + ' Completed successfully', summary);
  } else {
    output.line(`${colourStatus('ERROR')} Completed with ${failed.length} error${failed.length === 1 ? '' : 's'}:`, summary);
    for (const result of failed) for (const d of result.diagnostics ?? []) output.error(formatDiagnostic(d), { name: 'RunResultError', code: 'Z024', data: { msg: d.message, diagnostic: d } });
  }
  printTestWarnings(output, results);
  const counts = (...statuses: string[]) => results.filter((r) => statuses.includes(r.status)).length;
  output.line(`Done. ${tally(results)}`, { name: 'StatsLine', code: 'Z023', data: { stats: { pass: counts('success', 'pass'), warn: counts('warn'), error: counts('error', 'fail'), skip: counts('skipped'), total: results.length } } });
  return failed.length > 0 || results.some((r) => r.status === 'skipped') ? 1 : 0;
}

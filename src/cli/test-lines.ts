/**
 * How test results print, as dbt prints them: `3 of 9 PASS not_null_users_user_id .... [PASS in
 * 0.01s]`, `FAIL 2`, `WARN 1`, followed for a failed or warned test by a sample of its rows.
 */
import type { NodePlan } from '../kinds/node-plan.js';
import pc from 'picocolors';
import { formatDiagnostic } from '../diagnostics.js';
import type { NodeResult } from '../run/node-result.js';
import { formatRows } from './commands/show.js';
import { statusLine, type LogEvent, type Output } from './output.js';
import { diffLines } from '../unit-tests/format-diff.js';
import { runnerOf } from '../kinds/registry.js';

/** Prints the line of a finished test (and its failing-row sample). */
export function reportTest(output: Output, plan: NodePlan, result: NodeResult, prefix: string, event?: LogEvent): void {
  const runner = runnerOf(plan);
  const name = runner.label(plan);
  const seconds = `${result.executionTime.toFixed(2)}s`;
  const word = statusWord(result);
  if (result.status === 'skipped') {
    output.line(statusLine(`${prefix} ${colour(word)} test`, name, 'SKIP'), event);
    return;
  }
  output.line(statusLine(`${prefix} ${colour(word)}`, name, `${word} in ${seconds}`), event);
  if (runner.sample === 'diff' && result.sample?.length) printDiff(output, result.sample);
  else if (result.sample?.length) printSample(output, result.sample, result.failures ?? result.sample.length);
}

/** PASS, FAIL 2, WARN 1, ERROR, SKIP. */
function statusWord(result: NodeResult): string {
  switch (result.status) {
    case 'pass': return 'PASS';
    case 'fail': return `FAIL ${result.failures ?? ''}`.trim();
    case 'warn': return `WARN ${result.failures ?? ''}`.trim();
    case 'skipped': return 'SKIP';
    default: return 'ERROR';
  }
}

function colour(word: string): string {
  if (word === 'PASS') return pc.green(word);
  if (word.startsWith('FAIL') || word === 'ERROR') return pc.red(word);
  return pc.yellow(word);
}

function printSample(output: Output, sample: Record<string, unknown>[], failures: number): void {
  const shown = sample.length === failures ? `the ${failures} failing row${failures === 1 ? '' : 's'}` : `the first ${sample.length} of ${failures} failing rows`;
  output.line(`  ${shown}:`);
  const table = formatRows(Object.keys(sample[0]), sample, 'table').trimEnd().split('\n');
  for (const line of table.slice(0, -1)) output.line(`    ${line}`); // the last line counts rows, said above
}

/** A failed unit test's differing rows: `-` expected but missing, `+` returned but not expected. */
function printDiff(output: Output, rows: Record<string, unknown>[]): void {
  output.line('  actual differs from expected (- missing, + unexpected):');
  for (const line of diffLines(rows)) output.line(`    ${line}`);
}

/** Prints the diagnostics of warned tests, after the summary's errors. */
export function printTestWarnings(output: Output, results: NodeResult[]): void {
  for (const result of results.filter((r) => r.status === 'warn')) {
    for (const diagnostic of result.diagnostics ?? []) output.error(`warning: ${formatDiagnostic(diagnostic)}`);
  }
}

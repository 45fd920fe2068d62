import type { TestSeverity } from '../manifest/test-node.js';
import { parseThreshold } from '../project/threshold-syntax.js';
/**
 * dbt's test thresholds: `warn_if` / `error_if` are a comparison applied to the number of failing
 * rows (both `!= 0` by default), and `severity` says which of the two can fail the test.
 * https://docs.getdbt.com/reference/resource-configs/severity
 */

/** dbt's default for both thresholds: any failing row counts. */
export const DEFAULT_THRESHOLD = '!= 0';

/** How a test ended once its failing rows are counted. */
export type TestOutcome = 'pass' | 'warn' | 'fail';

/** What decides a test's outcome. */
export interface ThresholdConfig {
  severity: TestSeverity;
  warnIf: string;
  errorIf: string;
}


/** True when `failures` meets a (normalised or raw) threshold such as `!= 0`. */
export function meetsThreshold(failures: number, threshold: string): boolean {
  const normalised = parseThreshold(threshold);
  if (normalised === undefined) throw new Error(`invalid threshold '${threshold}'`);
  const [operator, digits] = normalised.split(' ');
  const limit = Number(digits);
  switch (operator) {
    case '=': return failures === limit;
    case '!=': return failures !== limit;
    case '>': return failures > limit;
    case '>=': return failures >= limit;
    case '<': return failures < limit;
    default: return failures <= limit;
  }
}

/** dbt's order: an error-severity test fails when error_if holds, else warns when warn_if holds. */
export function testOutcome(failures: number, config: ThresholdConfig): TestOutcome {
  if (config.severity === 'error' && meetsThreshold(failures, config.errorIf)) return 'fail';
  if (meetsThreshold(failures, config.warnIf)) return 'warn';
  return 'pass';
}

/** `Got 2 results, configured to fail if != 0`, dbt's explanation of a failed or warned test. */
export function outcomeMessage(outcome: TestOutcome, failures: number, config: ThresholdConfig): string {
  if (outcome === 'pass') return 'PASS';
  const rows = `${failures} failing row${failures === 1 ? '' : 's'}`;
  return outcome === 'fail'
    ? `got ${rows}, configured to fail if ${config.errorIf}`
    : `got ${rows}, configured to warn if ${config.warnIf}`;
}

/** One line of `sparkify debug`: a check's status, what was found, and for a failure what to fix. */

import pc from 'picocolors';
import { formatDiagnostic, SparkifyError } from '../../diagnostics.js';

/** The outcome of one check. */
export interface CheckResult {
  status: 'OK' | 'FAIL' | 'SKIP';
  /** What was checked: `project files`, `connection`, `source sparkify.staging_events`. */
  name: string;
  /** What was found (OK), why it was not checked (SKIP), or what went wrong (FAIL). */
  detail: string;
  /** For a failure: each problem with its hint, as the CLI prints diagnostics. */
  problems?: string[];
}

/** A passed check. */
export function passed(name: string, detail: string): CheckResult {
  return { status: 'OK', name, detail };
}

/** A check that could not run, and why. */
export function skipped(name: string, reason: string): CheckResult {
  return { status: 'SKIP', name, detail: `not checked: ${reason}` };
}

/** A failed check from what was thrown: every diagnostic of a SparkifyError, else the message. */
export function failed(name: string, summary: string, error: unknown): CheckResult {
  const problems = error instanceof SparkifyError
    ? error.diagnostics.map(formatDiagnostic)
    : [`unexpected error: ${(error as Error)?.message ?? String(error)}`];
  return { status: 'FAIL', name, detail: summary, problems };
}

const colours = { OK: pc.green, FAIL: pc.red, SKIP: pc.yellow };

/** `OK    connection: ...`, then each problem (and its hint) indented under a failure. */
export function formatCheck(result: CheckResult): string {
  const head = `${colours[result.status](result.status.padEnd(4))}  ${result.name}: ${result.detail}\n`;
  const body = (result.problems ?? []).map((problem) => `      ${problem.replace(/\n/g, '\n      ')}\n`).join('');
  return head + body;
}

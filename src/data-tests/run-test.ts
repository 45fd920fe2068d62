/**
 * Runs one data test: counts its failing rows, judges them against the test's thresholds and, when
 * the test does not pass, fetches a sample of the rows for the output and run_results.json.
 */
import type { Session } from '../engines/adapter.js';
import type { Diagnostic } from '../diagnostics.js';
import { TestErrors } from './error-codes.js';
import { outcomeMessage, testOutcome, type TestOutcome } from './thresholds.js';
import type { DataTestPlan, TestPlan } from './plan-test.js';
import { databaseErrorToDiagnostic } from '../run/database-error.js';
import { RunCancelled, stopPoint, type RunContext } from '../run/run-context.js';
import { cancellingOnAbort } from '../run/cancel-on-abort.js';
import { diagnosticsOf } from '../run/run-statements.js';
import type { NodeRun } from '../run/node-result.js';

/** A test's result before timing is added. */
export type TestRun = NodeRun;

/** Runs the plan of a test on its own session; a database error makes the test `error`. */
export async function runTest(plan: DataTestPlan, options: RunContext): Promise<TestRun> {
  const { test } = plan;
  try {
    return await options.adapter.withSession((session) => cancellingOnAbort(session, options.signal, () => judge(session, plan, test, options)));
  } catch (error) {
    if (error instanceof RunCancelled) throw error;
    const diagnostics: Diagnostic[] = error instanceof TestQueryError
      ? [databaseErrorToDiagnostic(error.cause, plan, error.index, options.filesOf(plan))]
      : diagnosticsOf(error);
    return { status: 'error', message: diagnostics[0].message, rowsAffected: null, diagnostics };
  }
}

async function judge(session: Session, plan: DataTestPlan, test: TestPlan, options: RunContext): Promise<TestRun> {
  for (let index = 0; index < test.countAt; index++) await query(session, plan, index, options);
  const counted = await query(session, plan, test.countAt, options);
  const failures = Number(Object.values(counted[0] ?? {})[0] ?? 0);
  const judged = testOutcome(failures, test);
  // dbt's --warn-error: a test that would warn fails (and skips what is downstream).
  const outcome = judged === 'warn' && test.warnIsError ? 'fail' : judged;
  const message = outcomeMessage(judged, failures, test) + (outcome === judged ? '' : ' (an error because of --warn-error)');
  const result: TestRun = { status: outcome, message, rowsAffected: null, failures };
  if (outcome === 'pass') return result;
  result.sample = (await query(session, plan, test.countAt + 1, options)).map(jsonSafeRow);
  result.diagnostics = [outcomeDiagnostic(plan, test, outcome, result.message, options)];
  return result;
}

/** A database error of statement `index`. */
class TestQueryError extends Error {
  constructor(override readonly cause: unknown, readonly index: number) {
    super((cause as Error).message);
  }
}

async function query(session: Session, plan: DataTestPlan, index: number, options: RunContext): Promise<Record<string, unknown>[]> {
  await stopPoint(options.signal);
  try {
    return (await session.execute(plan.statements[index].sql)).rows;
  } catch (error) {
    throw new TestQueryError(error, index);
  }
}

function outcomeDiagnostic(plan: DataTestPlan, test: TestPlan, outcome: TestOutcome, message: string, options: RunContext): Diagnostic {
  const node = options.manifest.nodes[plan.id];
  const line = node.kind === 'test' ? node.line : undefined;
  const compiled = options.filesOf(plan).compiledFile;
  return {
    code: outcome === 'fail' ? TestErrors.testFailed : TestErrors.testWarned,
    message: `test ${test.name} ${outcome === 'fail' ? 'failed' : 'warned'}: ${message}`,
    location: { file: plan.path, line },
    node: plan.id,
    hint: `see every failing row: sparkify show --select ${test.name}${compiled ? ` (the query is in ${compiled})` : ''}`,
  };
}

/** Values the JSON artifacts can hold: int8 as a number when exact, timestamps as ISO text, bytes as hex. */
function jsonSafeRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, jsonSafe(value)]));
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return value;
}

/**
 * Runs one unit test in the in-memory database (execute phase): the plan's statements, then the
 * comparison with the expected rows, then ROLLBACK whatever happened. A difference is `fail` with
 * the differing rows as the sample (marked `-` missing, `+` unexpected); a statement the database
 * refuses, or a column that does not exist, is `error`.
 */
import type { PlanBase } from '../plan/types.js';
import { RunCancelled, stopPoint } from '../run/run-context.js';
import { closestName, SparkifyError, type Diagnostic } from '../diagnostics.js';
import type { NodeResult } from '../run/node-result.js';
import { comparisonSql, columnsSql, countSql, type ResultColumn } from './compare-sql.js';
import { UnitTestErrors } from './error-codes.js';
import { ACTUAL_TABLE, type SqlOrigin, type UnitTestPlan } from './plan-unit-test.js';
import type { UnitTestDatabase, UnitTestEngine } from './unit-test-engine.js';

/** A unit test's result before timing is added. */
export type UnitTestRun = Omit<NodeResult, 'id' | 'startedAt' | 'completedAt' | 'executionTime'>;

const PASSED: UnitTestRun = { status: 'pass', message: 'PASS', rowsAffected: null, failures: 0 };

/** The column that marks each differing row: `-` expected but missing, `+` returned but not expected. */
export const DIFF_COLUMN = '@@';

/**
 * Runs `test` on the engine; never throws for a failure of the test itself. Once `signal` aborts
 * (SIGINT, SIGTERM) the next statement throws RunCancelled instead of running.
 */
export async function runUnitTest(plan: PlanBase, test: UnitTestPlan, engine: UnitTestEngine, signal?: AbortSignal): Promise<UnitTestRun> {
  // The same statements passed before: running them again would give the same answer.
  if (engine.results.hasPassed(test)) return { ...PASSED, message: 'PASS (unchanged since it passed)' };
  try {
    const result = await engine.exclusive(async (db) => {
      const guarded: UnitTestDatabase = { query: async (sql) => (await stopPoint(signal), db.query(sql)) };
      try {
        return await judge(guarded, plan, test);
      } finally {
        await db.query('ROLLBACK').catch(() => undefined);
      }
    }, signal);
    if (result.status === 'pass') engine.results.recordPass(test);
    return result;
  } catch (error) {
    if (!(error instanceof SparkifyError)) throw error;
    return { status: 'error', message: error.diagnostics[0].message, rowsAffected: null, diagnostics: error.diagnostics };
  }
}

async function judge(db: UnitTestDatabase, plan: PlanBase, test: UnitTestPlan): Promise<UnitTestRun> {
  const at = (line: number) => ({ file: plan.path, line });
  for (const [index, sql] of test.setup.entries()) await run(db, sql, test, at(test.line), 'could not create the relations the model reads', test.setupOrigins[index]);
  for (const input of test.inputs) {
    const columns = await columnsOf(db, input.relation);
    checkColumns(input.columns, columns, test, at(input.line), `input ${input.input}`, 'its columns');
    for (const row of input.rows) await run(db, row.sql, test, at(row.line), `a row of input ${input.input} does not fit`);
  }
  await run(db, test.actual, test, at(test.line), "the model's SQL failed", test.actualOrigin);
  const actual = await columnsOf(db, ACTUAL_TABLE);
  checkColumns(test.expect.columns, actual, test, at(test.line), 'expect', "the model's columns");
  if (test.expect.columns.length === 0) return compareCounts(db, plan, test);
  const comparison = comparisonSql(test.expect, ACTUAL_TABLE, actual);
  const refused = 'an expected value does not fit its column';
  const missing = await run(db, comparison.missing, test, at(test.line), refused);
  const unexpected = await run(db, comparison.unexpected, test, at(test.line), refused);
  return outcome(plan, test, missing, unexpected);
}

async function compareCounts(db: UnitTestDatabase, plan: PlanBase, test: UnitTestPlan): Promise<UnitTestRun> {
  const [row] = await db.query(countSql(ACTUAL_TABLE));
  const got = Number(row.n);
  const want = test.expect.rows.length;
  if (got === want) return { status: 'pass', message: 'PASS', rowsAffected: null, failures: 0 };
  const message = `unit test ${test.label} failed: expected ${want} row${want === 1 ? '' : 's'}, got ${got}`;
  return { status: 'fail', message, rowsAffected: null, failures: Math.abs(got - want), diagnostics: [failed(plan, test, message)] };
}

function outcome(plan: PlanBase, test: UnitTestPlan, missing: Record<string, unknown>[], unexpected: Record<string, unknown>[]): UnitTestRun {
  const failures = missing.length + unexpected.length;
  if (failures === 0) return { status: 'pass', message: 'PASS', rowsAffected: null, failures: 0 };
  const mark = (sign: string) => (row: Record<string, unknown>) => ({ [DIFF_COLUMN]: sign, ...row });
  const sample = [...sorted(missing).map(mark('-')), ...sorted(unexpected).map(mark('+'))];
  const counts = [...plural(missing.length, 'missing'), ...plural(unexpected.length, 'unexpected')].join(', ');
  const message = `unit test ${test.label} failed: actual differs from expected (${counts})`;
  return { status: 'fail', message, rowsAffected: null, failures, sample, diagnostics: [failed(plan, test, message)] };
}

function failed(plan: PlanBase, test: UnitTestPlan, message: string): Diagnostic {
  return {
    code: UnitTestErrors.failed,
    message,
    location: { file: plan.path, line: test.line },
    node: plan.id,
    hint: `rows marked - are expected but missing, + returned but not expected (compared on the columns expect names: ${test.expect.columns.join(', ') || 'none, so only the row count'})`,
  };
}

function plural(n: number, what: string): string[] {
  return n === 0 ? [] : [`${n} row${n === 1 ? '' : 's'} ${what}`];
}

function sorted(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (row: Record<string, unknown>) => JSON.stringify(Object.values(row));
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

async function columnsOf(db: UnitTestDatabase, relation: string): Promise<ResultColumn[]> {
  return (await db.query(columnsSql(relation))) as unknown as ResultColumn[];
}

/** Every given (or expected) column must be one the relation (or the result) has. */
function checkColumns(wanted: string[], have: ResultColumn[], test: UnitTestPlan, location: Diagnostic['location'], what: string, whose: string): void {
  const names = have.map((c) => c.name);
  const unknown = wanted.filter((c) => !names.includes(c));
  if (unknown.length === 0) return;
  const close = closestName(unknown[0], names);
  throw new SparkifyError({
    code: UnitTestErrors.unknownColumn,
    message: `unit test ${test.label}: ${what} names column${unknown.length === 1 ? '' : 's'} ${unknown.map((c) => `'${c}'`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not among ${whose}`,
    location,
    hint: close ? `did you mean '${close}'? (${whose}: ${names.join(', ')})` : `${whose}: ${names.join(', ')}`,
  });
}

/**
 * Runs a statement; the database's refusal becomes an SPK687 at `location` (the test's line). When
 * the statement runs a model's SQL (`origin`) and the database points into it, the message names
 * that model's file and line too: that is where the SQL to fix is.
 */
async function run(db: UnitTestDatabase, sql: string, test: UnitTestPlan, location: Diagnostic['location'], what: string, origin?: SqlOrigin): Promise<Record<string, unknown>[]> {
  try {
    return await db.query(sql);
  } catch (error) {
    if (error instanceof RunCancelled) throw error;
    const hint = (error as { hint?: string }).hint;
    const inModel = origin ? modelLine(sql, origin, (error as { position?: string | number }).position) : undefined;
    throw new SparkifyError({
      code: UnitTestErrors.databaseError,
      message: `unit test ${test.label}: ${what}: ${(error as Error).message}${inModel ? ` [at ${origin!.file}:${inModel}]` : ''}`,
      location,
      ...(hint ? { hint } : {}),
    });
  }
}

/** The line of the model's file a 1-based character `position` of `statement` falls on, if inside the model's SQL. */
function modelLine(statement: string, origin: SqlOrigin, position: string | number | undefined): number | undefined {
  const offset = Number(position ?? 0) - 1;
  const start = statement.indexOf(origin.sql);
  if (offset < 0 || start < 0 || offset < start || offset > start + origin.sql.length) return undefined;
  return origin.firstLine + statement.slice(start, offset).split('\n').length - 1;
}

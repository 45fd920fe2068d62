/**
 * The execute phase of `sparkify run-operation`: on one session of the warehouse, in one
 * transaction (a failure rolls everything back), the macro is rendered with `execute` true — its
 * run_query() and statement() calls run as it renders — and then the statements it printed run.
 */
import type { Session, StatementResult } from '../engines/adapter.js';
import type { Adapter } from '../engines/adapter.js';
import type { Introspector } from '../jinja/context/introspection.js';
import type { LiteralQuoter } from '../sql/quote.js';
import { splitStatements } from '../sql/split-statements.js';
import { sessionIntrospector, type IntrospectorLog } from './session-introspector.js';

/** One statement the operation ran and what it returned. */
export interface OperationStatement {
  sql: string;
  result: StatementResult;
}

/** A failed statement of an operation: which one, and the database's error. */
export class OperationError extends Error {
  constructor(readonly index: number, readonly sql: string, override readonly cause: unknown) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/** Renders the operation on the warehouse, then runs what it printed; throws OperationError on the first failure. */
export async function runOperation(adapter: Adapter, literal: LiteralQuoter, render: (introspector: Introspector) => Promise<string>): Promise<OperationStatement[]> {
  return adapter.withSession(async (session) => {
    const done: IntrospectorLog = [];
    await session.execute('BEGIN');
    try {
      const sql = await render(sessionIntrospector(failing(session, done), literal, done));
      for (const statement of splitStatements(sql)) done.push({ sql: statement, result: await execute(session, done.length, statement) });
      await session.execute('COMMIT');
      return done;
    } catch (error) {
      await session.execute('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

/** The session with each failing statement reported as an OperationError (its place among those that ran). */
function failing(session: Session, done: IntrospectorLog): Session {
  return { execute: (sql) => execute(session, done.length, sql), query: (sql, params) => session.query(sql, params), copyFrom: (sql, chunks) => session.copyFrom(sql, chunks) };
}

async function execute(session: Session, index: number, sql: string): Promise<StatementResult> {
  try {
    return await session.execute(sql);
  } catch (error) {
    throw new OperationError(index, sql, error);
  }
}

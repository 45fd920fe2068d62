/**
 * The execute phase of `sparkify run-operation`: the statements a macro rendered, in order, on one
 * session of the warehouse, in one transaction (a failure rolls all of them back).
 *
 * dbt's macros act through run_query() and {% do %} while they render. Until the Jinja runtime
 * renders with them, the render comes first (pure, in compile) and its SQL runs here; the runtime
 * plugs in through OperationSession, the single thing run_query() needs.
 */
import type { Session, StatementResult } from '../engines/adapter.js';
import type { Adapter } from '../engines/adapter.js';
import { splitStatements } from '../sql/split-statements.js';

/** What run_query()/do need from the warehouse while a macro renders. */
export interface OperationSession {
  runQuery(sql: string): Promise<StatementResult>;
}

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

/** Runs the rendered SQL's statements in one transaction; throws OperationError on the first failure. */
export async function runOperationSql(adapter: Adapter, sql: string): Promise<OperationStatement[]> {
  const statements = splitStatements(sql);
  if (statements.length === 0) return [];
  return adapter.withSession(async (session) => {
    const done: OperationStatement[] = [];
    await session.execute('BEGIN');
    try {
      for (const [index, statement] of statements.entries()) done.push({ sql: statement, result: await execute(session, index, statement) });
      await session.execute('COMMIT');
      return done;
    } catch (error) {
      await session.execute('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

async function execute(session: Session, index: number, sql: string): Promise<StatementResult> {
  try {
    return await session.execute(sql);
  } catch (error) {
    throw new OperationError(index, sql, error);
  }
}

/** run_query() for a runtime that renders macros against the warehouse (one session, the operation's). */
export function operationSession(session: Session): OperationSession {
  return { runQuery: (sql) => session.execute(sql) };
}

/**
 * An Introspector on one warehouse session (the run-operation's): run_query() and statement() run
 * on it, inside its transaction, and relations and columns come from information_schema.
 */
import type { Session, StatementResult } from '../engines/adapter.js';
import type { QueryResult } from '../jinja/context/agate-table.js';
import type { Introspector } from '../jinja/context/introspection.js';
import { sqlIntrospector } from '../jinja/context/sql-introspector.js';
import type { LiteralQuoter } from '../sql/quote.js';

/** Every statement that ran through it, in order, with what it returned. */
export type IntrospectorLog = { sql: string; result: StatementResult }[];

/** The Introspector of `session`; `$n` parameters are written in as literals (the session takes none). */
export function sessionIntrospector(session: Session, literal: LiteralQuoter, log: IntrospectorLog = []): Introspector {
  return sqlIntrospector(async (sql, params) => {
    const text = sql.replace(/\$(\d+)/g, (_, n: string) => literal(String(params[Number(n) - 1])));
    const result = await session.execute(text);
    if (params.length === 0) log.push({ sql: text, result });
    return asQueryResult(result);
  });
}

/** A statement's rows as the template runtime's table: column names and rows as lists. */
function asQueryResult(result: StatementResult): QueryResult {
  return { columns: result.columns.map((name) => ({ name })), rows: result.rows.map((row) => result.columns.map((name) => row[name])) };
}

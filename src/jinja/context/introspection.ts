/**
 * Introspection: what a template asks the warehouse (run_query, statement/load_result,
 * adapter.get_relation, adapter.get_columns_in_relation).
 *
 * At compile, `execute` is false and nothing is asked: run_query returns none, statement runs
 * nothing, get_relation returns none and get_columns_in_relation an empty list (dbt's parse-time
 * answers). At run time a node is rendered again with `execute` true and an IntrospectionSession.
 * nunjucks renders synchronously, so the session answers from its cache, and a question it cannot
 * answer yet suspends the render (PendingIntrospection). renderIntrospecting() then asks the
 * Introspector (async, on the run's connection), stores the answer and renders again, until a
 * render completes: a template with N questions, each depending on the one before, renders N+1
 * times. Answers are cached by question, so a statement with the same SQL runs once per node.
 */
import { SparkifyError } from '../../diagnostics.js';
import { JinjaErrors } from '../error-codes.js';
import type { QueryResult } from './agate-table.js';
import type { ColumnDescription } from './column.js';
import type { RelationParts } from './relation.js';

/** What a run-time render needs from the warehouse; the run implements it on its connection. */
export interface Introspector {
  /** Runs any SQL (a statement's or run_query's) and returns its rows. */
  query(sql: string): Promise<QueryResult>;
  /** The relation `schema.identifier` with its type (table/view), or undefined when it does not exist. */
  relation(schema: string, identifier: string): Promise<RelationParts | undefined>;
  /** The columns of `schema.identifier`, in order (empty when it does not exist). */
  columns(schema: string, identifier: string): Promise<ColumnDescription[]>;
}

/** One question a template asks. */
export type IntrospectionRequest =
  | { kind: 'query'; sql: string }
  | { kind: 'relation'; schema: string; identifier: string }
  | { kind: 'columns'; schema: string; identifier: string };

/** Thrown to suspend a render on a question not answered yet; renderIntrospecting catches it. */
export class PendingIntrospection extends Error {
  constructor(readonly request: IntrospectionRequest) {
    super('the template asked the warehouse a question that is not answered yet');
    this.name = 'Error';
  }
}

/** The answers of one node's run-time render, kept across its passes. */
export class IntrospectionSession {
  private readonly answers = new Map<string, unknown>();
  /** The question that suspended the latest pass (nunjucks rewraps the error, so it is kept here). */
  pending?: IntrospectionRequest;
  /** Every question asked of the warehouse, in order. */
  readonly asked: IntrospectionRequest[] = [];

  /**
   * @param resolveSql turns the relation markers a template printed (ref, source, this) into the
   *   relations they name, before a query reaches the warehouse.
   */
  constructor(private readonly resolveSql: (sql: string) => string = (sql) => sql) {}

  /** The cached answer to `request`; suspends the render when there is none yet. */
  answer(asked: IntrospectionRequest): unknown {
    const request = asked.kind === 'query' ? { kind: asked.kind, sql: this.resolveSql(asked.sql) } : asked;
    const key = JSON.stringify(request);
    if (this.answers.has(key)) return this.answers.get(key);
    this.pending = request;
    throw new PendingIntrospection(request);
  }

  /** Asks the warehouse and caches the answer. */
  async fetch(introspector: Introspector, request: IntrospectionRequest): Promise<void> {
    this.asked.push(request);
    const answer = request.kind === 'query' ? await introspector.query(request.sql)
      : request.kind === 'relation' ? (await introspector.relation(request.schema, request.identifier)) ?? null
      : await introspector.columns(request.schema, request.identifier);
    this.answers.set(JSON.stringify(request), answer);
  }
}

/** Passes after which a render that keeps asking new questions is stopped. */
export const MAX_INTROSPECTION_PASSES = 100;

/**
 * Renders with introspection: `render` renders the node once with `execute` true and `session`
 * set on its scope (a fresh scope per pass), and is called again after each answer.
 */
export async function renderIntrospecting<T>(
  render: (session: IntrospectionSession) => T,
  introspector: Introspector,
  session = new IntrospectionSession(),
  maxPasses = MAX_INTROSPECTION_PASSES,
): Promise<T> {
  for (let pass = 1; ; pass++) {
    session.pending = undefined;
    try {
      return render(session);
    } catch (error) {
      const request = session.pending;
      if (!request) throw error;
      if (pass >= maxPasses) {
        throw new SparkifyError({
          code: JinjaErrors.introspectionLoop,
          message: `the template asked the warehouse ${pass} questions in a row without finishing`,
          hint: 'a loop that runs a query per item; gather the items with one query instead',
        });
      }
      await session.fetch(introspector, request);
    }
  }
}

/**
 * The template functions that ask the warehouse: `{% call statement('name', fetch_result=True) %}`,
 * `load_result('name')`, `run_query(sql)`, and the answers behind `adapter.get_relation` and
 * `adapter.get_columns_in_relation`. With `execute` false (compile) they answer as dbt does at
 * parse time and ask nothing; with `execute` true they go through the render's IntrospectionSession.
 * Calling any of them marks the node as one to render again at run time.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { JinjaErrors } from '../error-codes.js';
import { bindArgs } from '../python/call-args.js';
import { AgateTable, type QueryResult } from './agate-table.js';
import { Column, type ColumnDescription } from './column.js';
import type { IntrospectionRequest, IntrospectionSession } from './introspection.js';
import { Relation, type RelationParts } from './relation.js';

/** What these functions read from the render in progress. */
export interface IntrospectingScope {
  /** dbt's `execute`: false at compile, true in a run-time render. */
  execute: boolean;
  /** Set when the template read `execute` or called one of these functions. */
  introspects: boolean;
  introspection?: IntrospectionSession;
  /** statement() results by name, for load_result(). */
  results: Map<string, unknown>;
}

/** The functions, bound to the current scope. */
export function introspectionFunctions(scope: () => IntrospectingScope, raise: (d: Diagnostic) => never) {
  const ask = (request: IntrospectionRequest): unknown => {
    const current = scope();
    if (!current.introspection) {
      return raise({
        code: JinjaErrors.noIntrospector, message: 'execute is true but this render has no warehouse connection to ask',
        hint: 'a run-time render must give the scope an IntrospectionSession (see src/jinja/context/introspection.ts)',
      });
    }
    return current.introspection.answer(request);
  };
  const executing = () => {
    const current = scope();
    current.introspects = true;
    return current.execute;
  };
  return {
    statement(...args: unknown[]): string {
      const { name, fetch_result: fetch, caller } = bindArgs('statement', args, [['name', null], ['fetch_result', false], ['auto_begin', true], ['language', 'sql'], ['caller', null]]);
      if (!executing()) return '';
      if (typeof caller !== 'function') throw new Error('statement() is a call block: {% call statement(\'name\') %}SQL{% endcall %}');
      const result = ask({ kind: 'query', sql: String(caller()) }) as QueryResult;
      if (name !== null) scope().results.set(String(name), loadedResult(result, fetch === true));
      return '';
    },
    load_result(...args: unknown[]): unknown {
      const { name } = bindArgs('load_result', args, ['name']);
      executing();
      return scope().results.get(String(name)) ?? null;
    },
    run_query(...args: unknown[]): AgateTable | null {
      const { sql } = bindArgs('run_query', args, [['sql', '']]);
      if (!executing()) return null;
      return new AgateTable(ask({ kind: 'query', sql: String(sql) }) as QueryResult);
    },
    getRelation(schema: unknown, identifier: unknown): Relation | null {
      if (!executing()) return null;
      const found = ask({ kind: 'relation', schema: String(schema), identifier: String(identifier) }) as RelationParts | null;
      return found ? new Relation(found) : null;
    },
    getColumns(relation: unknown): Column[] {
      if (!executing()) return [];
      const { schema, identifier } = relation as { schema?: unknown; identifier?: unknown };
      const columns = ask({ kind: 'columns', schema: String(schema), identifier: String(identifier) }) as ColumnDescription[];
      return columns.map((column) => new Column(column));
    },
  };
}

/** What load_result('name') returns: dbt's {response, data, table}. */
function loadedResult(result: QueryResult, fetch: boolean): Record<string, unknown> {
  const table = fetch ? new AgateTable(result) : AgateTable.empty();
  return {
    response: { code: 'SELECT', rows_affected: result.rows.length, _message: `SELECT ${result.rows.length}` },
    data: fetch ? result.rows.map((row) => [...row]) : [],
    table,
  };
}

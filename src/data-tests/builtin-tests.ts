/**
 * dbt's four built-in generic tests, as SQL that selects the failing rows. The queries follow
 * dbt-core's default__test_* macros; `not_null` selects whole rows so the failing-row sample shows
 * what the null belongs to. Pure string building: every input is already quoted SQL.
 */
import type { LiteralQuoter } from '../sql/quote.js';

/** A parameter of a generic test (besides `model`, which every test takes). */
export interface TestParam {
  name: string;
  required: boolean;
}

/** The resolved inputs of a built-in test, ready to paste into SQL. */
export interface BuiltinCall {
  /** The tested relation, quoted, or a subquery narrowed by `where`. */
  model: string;
  /** The tested column, quoted (or the expression given as `column_name`). */
  column: string;
  /** Quotes a string literal as the target's engine reads it (literalQuoter of the target type). */
  literal: LiteralQuoter;
  /** accepted_values: the allowed values, as written. */
  values?: unknown[];
  /** accepted_values: quote the values as strings (true by default, as in dbt). */
  quote?: boolean;
  /** relationships: the parent relation, quoted, and its column, quoted. */
  to?: string;
  field?: string;
}

/** A built-in generic test: its parameters and its SQL. */
export interface BuiltinTest {
  name: string;
  params: TestParam[];
  sql(call: BuiltinCall): string;
}

const column: TestParam = { name: 'column_name', required: true };

/** unique, not_null, accepted_values and relationships, by name. */
export const BUILTIN_TESTS: ReadonlyMap<string, BuiltinTest> = new Map([
  ['unique', { name: 'unique', params: [column], sql: uniqueSql }],
  ['not_null', { name: 'not_null', params: [column], sql: notNullSql }],
  ['accepted_values', {
    name: 'accepted_values',
    params: [column, { name: 'values', required: true }, { name: 'quote', required: false }],
    sql: acceptedValuesSql,
  }],
  ['relationships', {
    name: 'relationships',
    params: [column, { name: 'to', required: true }, { name: 'field', required: true }],
    sql: relationshipsSql,
  }],
]);

function uniqueSql({ model, column }: BuiltinCall): string {
  return [
    'select',
    `    ${column} as unique_field,`,
    '    count(*) as n_records',
    `from ${model}`,
    `where ${column} is not null`,
    `group by ${column}`,
    'having count(*) > 1',
  ].join('\n');
}

function notNullSql({ model, column }: BuiltinCall): string {
  return ['select *', `from ${model}`, `where ${column} is null`].join('\n');
}

// Nulls pass, as in dbt: `null not in (...)` is not true.
function acceptedValuesSql({ model, column, literal, values = [], quote = true }: BuiltinCall): string {
  const list = values.map((value) => (quote ? literal(String(value)) : String(value)));
  return [
    'with all_values as (',
    '    select',
    `        ${column} as value_field,`,
    '        count(*) as n_records',
    `    from ${model}`,
    `    group by ${column}`,
    ')',
    '',
    'select *',
    'from all_values',
    `where value_field not in (${list.join(', ')})`,
  ].join('\n');
}

// A null child value passes: a missing reference is not_null's business.
function relationshipsSql({ model, column, to, field }: BuiltinCall): string {
  return [
    'with child as (',
    `    select ${column} as from_field`,
    `    from ${model}`,
    `    where ${column} is not null`,
    '),',
    '',
    'parent as (',
    `    select ${field} as to_field`,
    `    from ${to}`,
    ')',
    '',
    'select',
    '    from_field',
    'from child',
    'left join parent',
    '    on child.from_field = parent.to_field',
    'where parent.to_field is null',
  ].join('\n');
}

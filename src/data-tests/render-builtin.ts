/** Checks the arguments of a built-in test and builds its SQL. */
import type { Position } from '../diagnostics.js';
import type { BuiltinCall, BuiltinTest } from './builtin-tests.js';
import type { TestArgs } from './compile-generic-test.js';
import type { RenderedTest } from './render-test-macro.js';
import { argumentProblem, resolveRelation, type TestCompileContext } from './test-context.js';
import type { RelationParts } from '../jinja/context/relation.js';

/** The tested relation, column and arguments of one generic test call. */
export interface GenericCall {
  /** The tested relation as SQL (a subquery when the test has a `where`). */
  model: string;
  /** Its parts, for a test macro that takes `model` apart (`model.identifier`), as dbt's Relation. */
  relation?: RelationParts;
  column?: string;
  args: TestArgs;
}

/** The SQL of a built-in test; undefined (reported) when an argument has the wrong shape. */
export function renderBuiltin(test: BuiltinTest, call: GenericCall, where: string, ctx: TestCompileContext): RenderedTest | undefined {
  const base: BuiltinCall = { model: call.model, column: call.column ?? '', literal: ctx.quoting.literal };
  const dependsOn: string[] = [];
  const refs: string[] = [];
  const sources: [string, string][] = [];
  if (test.name === 'accepted_values') {
    const values = acceptedValues(call.args, where, ctx);
    const quote = quoteFlag(call.args, where, ctx);
    if (values === undefined || quote === undefined) return undefined;
    Object.assign(base, { values, quote });
  }
  if (test.name === 'relationships') {
    const to = call.args.get('to')!;
    const parent = typeof to.value === 'string' ? resolveRelation(to.value, ctx) : { problem: 'expected a string' };
    if ('problem' in parent && parent.reported) return undefined;
    if ('problem' in parent) return argumentProblem(ctx, to.at, `\`to\` of test 'relationships' on ${where}: ${parent.problem}`, parent.hint ?? "write `to: ref('model')`");
    const field = fieldName(call.args, where, ctx);
    if (field === undefined) return undefined;
    Object.assign(base, { to: parent.sql, field });
    dependsOn.push(parent.id);
    if (parent.ref) refs.push(parent.ref);
    if (parent.source) sources.push(parent.source);
  }
  return { sql: test.sql(base), refs, sources, dependsOn };
}

function acceptedValues(args: TestArgs, where: string, ctx: TestCompileContext): unknown[] | undefined {
  const { value, at } = args.get('values')!;
  const scalar = (item: unknown) => ['string', 'number', 'boolean'].includes(typeof item);
  if (Array.isArray(value) && value.length > 0 && value.every(scalar)) return value;
  return problem(ctx, at, `\`values\` of test 'accepted_values' on ${where}: expected a non-empty list of values`, 'e.g. `values: [free, paid]`');
}

function quoteFlag(args: TestArgs, where: string, ctx: TestCompileContext): boolean | undefined {
  const quote = args.get('quote');
  if (quote === undefined) return true;
  if (typeof quote.value === 'boolean') return quote.value;
  return problem(ctx, quote.at, `\`quote\` of test 'accepted_values' on ${where}: expected true or false`, 'false writes the values into SQL as they are (numbers)');
}

function fieldName(args: TestArgs, where: string, ctx: TestCompileContext): string | undefined {
  const { value, at } = args.get('field')!;
  if (typeof value === 'string' && value.trim() !== '') return ctx.quoting.identifier(value);
  return problem(ctx, at, `\`field\` of test 'relationships' on ${where}: expected a column name`, 'e.g. `field: user_id`');
}

function problem(ctx: TestCompileContext, at: Position, message: string, hint: string): undefined {
  return argumentProblem(ctx, at, message, hint);
}

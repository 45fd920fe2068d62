/**
 * dbt's `adapter` object: quote(), type(), dispatch() and the introspection calls. dispatch
 * returns the first macro of `<type>__name` in the target's fallback order (pglite, postgres,
 * default; redshift, postgres, default), so `adapter.dispatch('x', 'pkg')(args)` calls the right
 * implementation, as dbt's does. The namespace argument is accepted and not needed yet: every
 * macro is a global.
 */
import type nunjucks from 'nunjucks';
import { dispatchOrder } from '../dispatch.js';
import type { Diagnostic } from '../../diagnostics.js';
import { quoteIdentifier } from '../../sql/quote.js';
import { JinjaErrors } from '../error-codes.js';
import { bindArgs } from '../python/call-args.js';
import { pyStr } from '../python/values.js';
import type { introspectionFunctions } from './introspection-functions.js';
import type { TargetContext } from './target-context.js';

/** The `adapter` template variable. */
export function adapterObject(
  env: nunjucks.Environment,
  target: TargetContext,
  introspect: ReturnType<typeof introspectionFunctions>,
  raise: (d: Diagnostic) => never,
): Record<string, unknown> {
  const globals = (env as unknown as { globals: Record<string, unknown> }).globals;
  return {
    type: () => target.type,
    quote: (identifier: unknown) => quoteIdentifier(pyStr(identifier)),
    quote_as_configured: (identifier: unknown) => quoteIdentifier(pyStr(identifier)),
    dispatch: (...args: unknown[]) => {
      const { macro_name: name } = bindArgs('dispatch', args, ['macro_name', ['macro_namespace', null]]);
      const candidates = dispatchOrder(target.engine).map((prefix) => `${prefix}__${String(name)}`);
      const found = candidates.find((candidate) => typeof globals[candidate] === 'function');
      if (found) return globals[found];
      return raise({
        code: JinjaErrors.noImplementation,
        message: `adapter.dispatch('${String(name)}') has no implementation for target type ${target.engine}`,
        hint: `define one of ${candidates.join(', ')} under macros/`,
      });
    },
    get_relation: (...args: unknown[]) => {
      const { schema, identifier } = bindArgs('get_relation', args, ['database', 'schema', 'identifier']);
      return introspect.getRelation(schema, identifier);
    },
    get_columns_in_relation: (...args: unknown[]) => introspect.getColumns(bindArgs('get_columns_in_relation', args, ['relation']).relation),
  };
}

/**
 * dbt's `adapter` object: quote(), type(), dispatch() and the introspection calls. dispatch
 * searches as dbt's does (macro-registry.ts): the project's `dispatch:` order for the namespace,
 * else the project then the namespace; in each package the target's prefixes in fallback order
 * (pglite, postgres, default; redshift, postgres, default). Without a namespace it looks where the
 * caller looks: its package's macros, then the project's and sparkify's.
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
import { UnknownPackage, type MacroRegistry } from '../macro-registry.js';

/** The `adapter` template variable. */
export function adapterObject(
  env: nunjucks.Environment,
  target: TargetContext,
  introspect: ReturnType<typeof introspectionFunctions>,
  dispatch: { macros: MacroRegistry; callerPackage(): string | undefined; raise(d: Diagnostic): never },
): Record<string, unknown> {
  return {
    type: () => target.type,
    quote: (identifier: unknown) => quoteIdentifier(pyStr(identifier)),
    quote_as_configured: (identifier: unknown) => quoteIdentifier(pyStr(identifier)),
    dispatch: (...args: unknown[]) => {
      const { macro_name: name, macro_namespace: namespace } = bindArgs('dispatch', args, ['macro_name', ['macro_namespace', null], ['packages', null]]);
      return dispatchMacro(env, target, dispatch, String(name), namespace === null ? null : String(namespace));
    },
    get_relation: (...args: unknown[]) => {
      const { schema, identifier } = bindArgs('get_relation', args, ['database', 'schema', 'identifier']);
      return introspect.getRelation(schema, identifier);
    },
    get_columns_in_relation: (...args: unknown[]) => introspect.getColumns(bindArgs('get_columns_in_relation', args, ['relation']).relation),
  };
}

function dispatchMacro(
  env: nunjucks.Environment,
  target: TargetContext,
  { macros, callerPackage, raise }: { macros: MacroRegistry; callerPackage(): string | undefined; raise(d: Diagnostic): never },
  name: string,
  namespace: string | null,
): unknown {
  const globals = (env as unknown as { globals: Record<string, unknown> }).globals;
  let result;
  try {
    result = macros.dispatch(name, namespace, dispatchOrder(target.engine), globals, callerPackage());
  } catch (error) {
    if (!(error instanceof UnknownPackage)) throw error;
    return raise({
      code: JinjaErrors.unknownPackage,
      message: `adapter.dispatch('${name}', '${namespace}') searches package '${error.pkg}', which is not installed`,
      hint: `install it (packages.yml, then sparkify deps), or fix the namespace or the project's dispatch: search_order`,
    });
  }
  if ('found' in result) return result.found;
  return raise({
    code: JinjaErrors.noImplementation,
    message: `adapter.dispatch('${name}'${namespace === null ? '' : `, '${namespace}'`}) has no implementation for target type ${target.engine}`,
    hint: `searched ${result.tried.join(', ')}: define one of them`,
  });
}

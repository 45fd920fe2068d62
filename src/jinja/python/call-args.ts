/**
 * Python's argument binding for functions written in TypeScript. nunjucks passes keyword arguments
 * as one object, marked `__keywords`, after the positional ones; `bindArgs` maps both onto named
 * parameters the way a Python `def` would, so `sort(attribute='name')` and `sort(false, false, 'name')`
 * mean the same.
 */

/** A parameter: `'name'` is required, `['name', default]` optional; `'*'`/`'**'` collect the rest. */
export type ParamSpec = string | [string, unknown];

/** Bound arguments: by parameter name, plus what `*` and `**` collected. */
export interface BoundArgs {
  [name: string]: unknown;
}

/** Positional arguments and the keyword ones nunjucks appended (without its marker). */
export function splitArgs(args: readonly unknown[]): { positional: unknown[]; keywords: Record<string, unknown> } {
  const last = args[args.length - 1];
  if (last !== null && typeof last === 'object' && Object.hasOwn(last, '__keywords')) {
    const { __keywords: _marker, ...keywords } = last as Record<string, unknown>;
    return { positional: args.slice(0, -1), keywords };
  }
  return { positional: [...args], keywords: {} };
}

/** Marks an object as keyword arguments, as nunjucks' compiled calls do. */
export function keywordArgs(values: Record<string, unknown>): Record<string, unknown> {
  return { ...values, __keywords: true };
}

/** Binds `args` to `params`; throws Python's TypeError wording when they do not fit. */
export function bindArgs(fn: string, args: readonly unknown[], params: readonly ParamSpec[]): BoundArgs {
  const { positional, keywords } = splitArgs(args);
  const bound: BoundArgs = {};
  const named = params.filter((p) => p !== '*' && p !== '**');
  const collectsRest = params.includes('*');
  const collectsKeywords = params.includes('**');
  named.forEach((param, i) => {
    const name = typeof param === 'string' ? param : param[0];
    if (i < positional.length) {
      if (Object.hasOwn(keywords, name)) throw new Error(`${fn}() got multiple values for argument '${name}'`);
      bound[name] = positional[i];
    } else if (Object.hasOwn(keywords, name)) {
      bound[name] = keywords[name];
    } else if (typeof param === 'string') {
      throw new Error(`${fn}() missing required argument '${name}'`);
    } else {
      bound[name] = param[1];
    }
  });
  const names = new Set(named.map((p) => (typeof p === 'string' ? p : p[0])));
  const extra = positional.slice(named.length);
  if (extra.length > 0 && !collectsRest) throw new Error(`${fn}() takes at most ${named.length} positional arguments (${positional.length} given)`);
  const unknown = Object.keys(keywords).filter((key) => !names.has(key));
  if (unknown.length > 0 && !collectsKeywords) throw new Error(`${fn}() got an unexpected keyword argument '${unknown[0]}'`);
  if (collectsRest) bound['*'] = extra;
  if (collectsKeywords) bound['**'] = Object.fromEntries(unknown.map((key) => [key, keywords[key]]));
  return bound;
}

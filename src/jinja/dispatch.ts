/**
 * Dialect macros, as dbt's adapter.dispatch: a macro `x` may be written once per dialect as
 * `redshift__x`, `postgres__x`, `default__x`; templates call `x(...)` and compile picks the
 * implementation for the target type, the most specific first. The target type is known at compile
 * time (manifest.target), so the choice is made once, not per call.
 */
import { dispatchPrefixes, findEngine } from '../engines/registry.js';

/** The order in which `<prefix>__x` implementations are tried for a target type (its engine's macroFallbacks). */
export function dispatchOrder(targetType: string): string[] {
  return [...(findEngine(targetType)?.capabilities.macroFallbacks ?? [targetType, 'default'])];
}

/** `{ prefix: 'redshift', base: 'x' }` for `redshift__x`; undefined for a plain macro name. */
export function splitDialectMacro(name: string): { prefix: string; base: string } | undefined {
  const cut = name.indexOf('__');
  if (cut <= 0 || cut + 2 >= name.length) return undefined;
  const prefix = name.slice(0, cut);
  return dispatchPrefixes().has(prefix) ? { prefix, base: name.slice(cut + 2) } : undefined;
}

/** What templates see under each dispatched name. */
export type Dispatched =
  | { kind: 'resolved'; base: string; implementation: string }
  | { kind: 'missing'; base: string; candidates: string[] }
  | { kind: 'conflict'; base: string };

/**
 * For every `x` implemented as `<prefix>__x` among `names`: the implementation the target type uses,
 * `missing` when none fits it, or `conflict` when a plain `x` is defined too (which one was meant?).
 */
export function resolveDispatch(names: Iterable<string>, targetType: string): Dispatched[] {
  const defined = new Set(names);
  const bases = new Set([...defined].map(splitDialectMacro).filter((m) => m !== undefined).map((m) => m.base));
  return [...bases].sort().map((base): Dispatched => {
    if (defined.has(base)) return { kind: 'conflict', base };
    const candidates = dispatchOrder(targetType).map((prefix) => `${prefix}__${base}`);
    const implementation = candidates.find((name) => defined.has(name));
    return implementation ? { kind: 'resolved', base, implementation } : { kind: 'missing', base, candidates };
  });
}

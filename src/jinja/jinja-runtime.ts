/**
 * What compiled Jinja templates call (jinja-compile.ts emits the calls): one instance per
 * environment, registered as its `sparkify_jinja` extension, which also parses the Jinja tags.
 * It keeps the position of the latest function call, so that functions raising a diagnostic
 * (ref, var, exceptions.raise_compiler_error, ...) know the template's own file:line:col, inside
 * macros from other files too.
 */
import type { SourceLocation } from '../diagnostics.js';
import { JINJA_TAGS, parseJinjaTag } from './jinja-tags.js';
import type { JinjaParser } from './jinja-parser.js';
import { runtime, type AstNode } from './nunjucks-internals.js';
import { splitArgs } from './python/call-args.js';
import { pyLookup } from './python/lookup.js';
import { binary, compareChain, contains, iterate, slice, unpack } from './python/operators.js';
import { dictKeys, isDict, pyStr, truthy, typeName } from './python/values.js';

/** Thrown by `return(value)`; the macro it is in yields `value` (dbt's MacroReturn). */
export class MacroReturn extends Error {
  constructor(readonly value: unknown) {
    super('return() can only be used inside a macro');
    this.name = 'Error';
  }
}

/** Jinja's namespace(): an object whose attributes `{% set ns.x = ... %}` may change. */
export class Namespace {
  constructor(values: Record<string, unknown>) {
    Object.assign(this, values);
  }
}

type Frame = { set(name: string, value: unknown): void };

type TemplateError = Error & { lineno?: number; colno?: number; firstUpdate?: boolean };

/**
 * An error thrown by a called function, with the call's position in the header nunjucks writes
 * (`(file) [Line l, Column c]`, 0-based as nunjucks writes call positions). nunjucks itself would
 * use the root template's position, and none at all on its first line.
 */
function positioned(error: unknown, file: string | undefined, line: number, column: number): TemplateError {
  const wrapped: TemplateError = runtime.handleError(error, line, column);
  wrapped.message = `(${file ?? 'unknown path'}) [Line ${line}, Column ${column}]\n  ${wrapped.message}`;
  wrapped.firstUpdate = false;
  // Truthy, so that enclosing templates keep this position instead of wrapping again.
  wrapped.lineno = line + 1;
  wrapped.colno = column + 1;
  return wrapped;
}

/** The runtime of one Jinja environment. */
export class JinjaRuntime {
  readonly tags = JINJA_TAGS;
  /** Where the latest function call of any template was made (1-based). */
  position?: SourceLocation;

  parse(parser: JinjaParser): AstNode {
    return parseJinjaTag(parser);
  }

  call(fn: unknown, name: string, context: unknown, args: unknown[], file: string | undefined, line: number, column: number): unknown {
    this.position = file === undefined ? undefined : { file, line: line + 1, column: column + 1 };
    try {
      return runtime.callWrap(fn, name, context, args);
    } catch (error) {
      if (error instanceof MacroReturn || (error as { lineno?: number }).lineno) throw error;
      throw positioned(error, file, line, column);
    }
  }

  lookup(target: unknown, key: unknown, attribute: boolean): unknown {
    return pyLookup(target, key, attribute);
  }

  slice(target: unknown, start: unknown, stop: unknown, step: unknown): unknown {
    return slice(target, start, stop, step);
  }

  truthy(value: unknown): boolean {
    return truthy(value);
  }

  and(left: unknown, right: () => unknown): unknown {
    return truthy(left) ? right() : left;
  }

  or(left: unknown, right: () => unknown): unknown {
    return truthy(left) ? left : right();
  }

  binary(op: string, left: unknown, right: unknown): unknown {
    return binary(op, left, right);
  }

  compare(first: unknown, ...rest: unknown[]): boolean {
    return compareChain(first, rest);
  }

  contains(container: unknown, item: unknown): boolean {
    return contains(container, item);
  }

  iterate(value: unknown): unknown {
    return iterate(value);
  }

  unpack(value: unknown, count: number): unknown[] {
    return unpack(value, count);
  }

  test(context: { env: { getTest(name: string): (...a: unknown[]) => unknown } }, name: string, value: unknown, args: unknown[]): boolean {
    return truthy(context.env.getTest(name).call(context, value, ...args));
  }

  /** Call arguments with `*xs` and `**kw` spread: tagged parts in call order. */
  spread(parts: [string, unknown][]): unknown[] {
    const positional: unknown[] = [];
    const keywords: Record<string, unknown> = {};
    for (const [kind, value] of parts) {
      if (kind === 'arg') positional.push(value);
      else if (kind === '*') positional.push(...(iterate(value) as Iterable<unknown>));
      else if (kind === 'kw') Object.assign(keywords, splitArgs([value]).keywords);
      else if (isDict(value)) for (const key of dictKeys(value)) keywords[key] = value[key];
      else throw new Error(`argument after ** must be a mapping, not ${typeName(value)}`);
    }
    return Object.keys(keywords).length > 0 ? [...positional, { ...keywords, __keywords: true }] : positional;
  }

  discard(_value: unknown): void {}

  /** What `{{ value }}` prints: Python's str(); none and undefined stay, for nunjucks' undefined-output error. */
  print(value: unknown): unknown {
    if (value === null || value === undefined || typeof value === 'string' || value instanceof String) return value;
    return pyStr(value);
  }

  setAttribute(target: unknown, name: string, value: unknown): void {
    if (!(target instanceof Namespace)) throw new Error(`cannot assign attribute '${name}' on a ${typeName(target)}: only a namespace() can be changed with {% set x.${name} = ... %}`);
    (target as unknown as Record<string, unknown>)[name] = value;
  }

  /** Exposes the keyword arguments a macro did not declare as `kwargs`, as Jinja does. */
  enterMacro(frame: Frame, kwargs: Record<string, unknown> | undefined, params: string[]): void {
    if (params.includes('kwargs')) return;
    const extra = Object.keys(kwargs ?? {}).filter((key) => key !== '__keywords' && key !== 'caller' && !params.includes(key));
    frame.set('kwargs', Object.fromEntries(extra.map((key) => [key, kwargs![key]])));
    if (!params.includes('varargs')) frame.set('varargs', []);
  }

  /** The macro's value after return(); any other error gets the macro's own file and line. */
  leaveMacro(error: unknown, lineno: number, colno: number, file: string | undefined): unknown {
    if (error instanceof MacroReturn) return error.value;
    const wrapped = runtime.handleError(error, lineno, colno);
    throw wrapped.Update(file);
  }
}

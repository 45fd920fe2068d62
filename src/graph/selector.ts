import { closestName, type Diagnostic } from '../diagnostics.js';
import { GraphErrors } from './error-codes.js';
import { isMethodName, METHODS, selectorMethod, type MethodName } from './selector-methods.js';

/** One selector such as `2+tag:nightly+`, parsed: which nodes to match and how far to widen. */
export interface SelectorCriteria {
  /** As written, for messages. */
  raw: string;
  method: MethodName;
  value: string;
  /** `n+x`: ancestors up to n generations back (Infinity for a bare `+`); undefined without `+`. */
  parents?: number;
  /** `x+n`: descendants up to n generations down; undefined without `+`. */
  children?: number;
  /** `@x`: x, its descendants and all ancestors of those. */
  childrensParents: boolean;
}

/** A parsed --select or --exclude: a union of intersections (`a,b c` → [[a, b], [c]]). */
export type Selection = SelectorCriteria[][];

/** The flag a selection came from, for messages. */
export type SelectionFlag = '--select' | '--exclude';

// dbt's RAW_SELECTOR_PATTERN (core/dbt/graph/selector_spec.py).
const SELECTOR = /^(@)?(?:(\d*)\+)?(?:([\w.]+):)?(.*?)(?:\+(\d*))?$/s;

/**
 * Parses CLI arguments, each holding space-separated selectors, into a selection. Problems are
 * appended to `diagnostics` (all of them, not just the first) and their selectors dropped.
 */
export function parseSelection(flag: SelectionFlag, args: readonly string[], diagnostics: Diagnostic[]): Selection {
  const selection: Selection = [];
  // `--select ''` (often an unset shell variable) must not mean "everything", nor silently nothing.
  if (args.some((arg) => arg.trim() === '')) {
    diagnostics.push(malformed(flag, '', 'it is empty', `leave out ${flag} to ${flag === '--select' ? 'select every node' : 'exclude nothing'}, or name what to ${flag.slice(2)}`));
  }
  for (const token of args.flatMap((arg) => arg.split(/\s+/)).filter(Boolean)) {
    const parts = token.split(',');
    if (parts.some((part) => part === '')) {
      diagnostics.push(malformed(flag, token, 'it has an empty selector around a comma', 'join selectors as a,b'));
      continue;
    }
    const parsed = parts.map((part) => parseSelector(flag, part));
    const problems = parsed.filter((item): item is Diagnostic => 'code' in item);
    diagnostics.push(...problems);
    if (problems.length === 0) selection.push(parsed as SelectorCriteria[]);
  }
  return selection;
}

/** Parses one selector (no spaces or commas) into criteria, or explains why it is not one. */
function parseSelector(flag: SelectionFlag, raw: string): SelectorCriteria | Diagnostic {
  const groups = SELECTOR.exec(raw)!;
  const [, at, parents, method, value, children] = groups;
  const problem = syntaxProblem(groups);
  if (problem) return malformed(flag, raw, problem.message, problem.hint);
  if (method !== undefined && !isMethodName(method)) return unknownMethod(flag, raw, method);
  const resolved = method ?? defaultMethod(value);
  const invalid = selectorMethod(resolved).check?.(value);
  if (invalid) return malformed(flag, raw, invalid);
  return {
    raw,
    method: resolved,
    value,
    parents: depth(parents),
    children: depth(children),
    childrensParents: at !== undefined,
  };
}

/** What is wrong with a selector the pattern accepted, if anything. */
function syntaxProblem(groups: string[]): { message: string; hint?: string } | undefined {
  const [, at, , method, value, children] = groups;
  if (value === '') {
    return { message: 'it names no node', hint: 'put a name or method:value next to the operators, e.g. 1+users' };
  }
  if (/[+@]/.test(value)) {
    return { message: `'+' and '@' may only start or end a selector`, hint: 'e.g. 2+users, users+1, @users' };
  }
  if (value.includes(':')) return { message: colonProblem(method, value) };
  // dbt refuses this too: `@x` already includes every descendant of x.
  if (at !== undefined && children !== undefined) {
    return { message: `'@' cannot be combined with a trailing '+'`, hint: `use @${value}` };
  }
  return undefined;
}

function colonProblem(method: string | undefined, value: string): string {
  if (method !== undefined) return `only one ':' may separate the method from the value`;
  const before = value.slice(0, value.indexOf(':'));
  return before === '' ? `no method comes before ':'` : `'${before}' is not a method name`;
}

// dbt: a value with a path separator is a path; one ending in a file extension is a file name.
function defaultMethod(value: string): MethodName {
  if (value.includes('/')) return 'path';
  if (/\.(sql|yml|yaml)$/.test(value)) return 'file';
  return 'name';
}

/** `''` (a bare `+`) → Infinity; digits → that depth; no operator → undefined. */
function depth(digits: string | undefined): number | undefined {
  if (digits === undefined) return undefined;
  return digits === '' ? Infinity : Number(digits);
}

function malformed(flag: SelectionFlag, raw: string, why: string, hint?: string): Diagnostic {
  return { code: GraphErrors.badSelector, message: `${flag} '${raw}' is not a valid selector: ${why}`, hint };
}

function unknownMethod(flag: SelectionFlag, raw: string, method: string): Diagnostic {
  const valid = Object.keys(METHODS);
  const suggestion = valid.find((name) => name.startsWith(`${method}.`)) ?? closestName(method, valid);
  return {
    code: GraphErrors.unknownMethod,
    message: `${flag} '${raw}' uses an unknown method '${method}'; valid methods are ${valid.join(', ')}`,
    hint: suggestion ? `did you mean ${suggestion}:?` : 'a selector without a method matches model names',
  };
}

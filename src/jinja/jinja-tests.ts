/**
 * Jinja's tests (`x is defined`, `x is none`, `x is string`, `x is in [...]`, ...) with Python's
 * meaning: a macro's output is a string, a dict is iterable and a mapping, a bool is not a number
 * only for `is integer`/`is float` (Jinja), `sameas` is identity.
 */
import type nunjucks from 'nunjucks';
import { testRegistry } from './nunjucks-internals.js';
import { contains } from './python/operators.js';
import { isDict, isNumeric, isStr, pyEquals, pyOrder } from './python/values.js';

type Test = (value: unknown, ...args: unknown[]) => boolean;

function iterable(value: unknown): boolean {
  if (isStr(value) || Array.isArray(value) || isDict(value)) return true;
  return value !== null && typeof value === 'object' && Symbol.iterator in value;
}

/** Jinja's tests by name; `env` resolves `is filter` and `is test`. */
export function jinjaTests(env: nunjucks.Environment): Record<string, Test> {
  const has = (kind: 'getFilter' | 'getTest') => (name: unknown) => {
    try {
      return typeof testRegistry(env)[kind](String(name)) === 'function';
    } catch {
      return false;
    }
  };
  return {
    defined: (v) => v !== undefined,
    undefined: (v) => v === undefined,
    none: (v) => v === null,
    boolean: (v) => typeof v === 'boolean',
    true: (v) => v === true,
    false: (v) => v === false,
    integer: (v) => typeof v === 'number' && Number.isInteger(v),
    float: (v) => typeof v === 'number' && !Number.isInteger(v),
    number: (v) => isNumeric(v),
    string: (v) => isStr(v),
    mapping: (v) => isDict(v) || v instanceof Map,
    iterable,
    sequence: (v) => isStr(v) || Array.isArray(v) || isDict(v),
    callable: (v) => typeof v === 'function',
    sameas: (v, other) => v === other,
    escaped: (v) => v instanceof String,
    even: (v) => Number(v) % 2 === 0,
    odd: (v) => Math.abs(Number(v) % 2) === 1,
    divisibleby: (v, n) => Number(v) % Number(n) === 0,
    eq: (v, other) => pyEquals(v, other),
    equalto: (v, other) => pyEquals(v, other),
    ne: (v, other) => !pyEquals(v, other),
    lt: (v, other) => pyOrder(v, other) < 0,
    lessthan: (v, other) => pyOrder(v, other) < 0,
    le: (v, other) => pyOrder(v, other) <= 0,
    gt: (v, other) => pyOrder(v, other) > 0,
    greaterthan: (v, other) => pyOrder(v, other) > 0,
    ge: (v, other) => pyOrder(v, other) >= 0,
    in: (v, container) => contains(container, v),
    lower: (v) => isStr(v) && String(v) === String(v).toLowerCase(),
    upper: (v) => isStr(v) && String(v) === String(v).toUpperCase(),
    filter: has('getFilter'),
    test: has('getTest'),
  };
}

/** Adds the tests to `env` (replacing nunjucks' versions of the same names). */
export function installJinjaTests(env: nunjucks.Environment): void {
  const registry = testRegistry(env);
  for (const [name, test] of Object.entries(jinjaTests(env))) registry.addTest(name, test as (...args: unknown[]) => unknown);
  // `x is null`: nunjucks' spelling of `none`, kept for existing templates.
  registry.addTest('null', (v: unknown) => v === null);
  // Jinja's operator aliases, as selectattr('x', '==', 1) names them.
  const aliases: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
  for (const [alias, name] of Object.entries(aliases)) registry.addTest(alias, registry.getTest(name));
}

/** The kinds of value a config key can hold, each converting a yaml node or rejecting it. */
import { isMap, isSeq, type Node } from 'yaml';
import { closestName } from '../diagnostics.js';
import { deref, plainValue, Rejection, scalarValue, wrongType } from './node-values.js';
import type { ReadScope } from './read-scope.js';

/** A kind of value: what it is called in messages and how it is read. */
export interface Kind<T> {
  /** Completes "expected ..., got a string". */
  expected: string;
  read(node: Node | null, scope: ReadScope): T | Rejection;
}

/** Any string (may be empty, e.g. a description). */
export const text: Kind<string> = {
  expected: 'a string',
  read(node, scope) {
    const scalar = scalarValue(node, scope);
    if (scalar instanceof Rejection) return scalar;
    return typeof scalar.value === 'string' ? scalar.value : wrongType;
  },
};

/** A secret string (a password, a URL that may hold one): read like text, but messages never quote it. */
export const secretText: Kind<string> = {
  expected: 'a string',
  read(node, scope) {
    return text.read(node, scope.forSecret());
  },
};

/** A non-empty secret string (a URL that may hold a password). */
export const nonEmptySecretText: Kind<string> = {
  expected: 'a non-empty string',
  read(node, scope) {
    return nonEmptyText.read(node, scope.forSecret());
  },
};

/** A string with something in it: names, types, paths. */
export const nonEmptyText: Kind<string> = {
  expected: 'a non-empty string',
  read(node, scope) {
    const value = text.read(node, scope);
    if (value instanceof Rejection || value.trim() !== '') return value;
    return new Rejection('value', 'expected a non-empty string, got an empty one');
  },
};

/** An integer of at least `min` (and at most `max`); templates may render it as text. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER): Kind<number> {
  const expected = integerExpectation(min, max);
  return {
    expected,
    read(node, scope) {
      const scalar = scalarValue(node, scope);
      if (scalar instanceof Rejection) return scalar;
      const digits = scalar.templated && /^\s*-?\d+\s*$/.test(String(scalar.value));
      const value = digits ? Number(scalar.value) : scalar.value;
      if (typeof value !== 'number') return wrongType;
      if (Number.isInteger(value) && value >= min && value <= max) return value;
      return new Rejection('value', `expected ${expected}, got ${value}`);
    },
  };
}

function integerExpectation(min: number, max: number): string {
  if (max !== Number.MAX_SAFE_INTEGER) return `an integer from ${min} to ${max}`;
  if (min === 0) return 'a non-negative integer';
  if (min === 1) return 'a positive integer';
  return `an integer of at least ${min}`;
}

/** true or false; templates may render it as text. */
export const boolean: Kind<boolean> = {
  expected: 'true or false',
  read(node, scope) {
    const scalar = scalarValue(node, scope);
    if (scalar instanceof Rejection) return scalar;
    const { value, templated } = scalar;
    if (typeof value === 'boolean') return value;
    if (templated && (value === 'true' || value === 'false')) return value === 'true';
    return wrongType;
  },
};

/** One of a fixed set of words; a near miss gets a suggestion. */
export function oneOf<T extends string>(choices: readonly T[]): Kind<T> {
  const expected = choices.map((choice) => `'${choice}'`).join(', ');
  return {
    expected: `one of ${expected}`,
    read(node, scope) {
      const value = text.read(node, scope);
      if (value instanceof Rejection) return value;
      if ((choices as readonly string[]).includes(value)) return value as T;
      const closest = closestName(value, choices);
      const hint = closest ? `did you mean '${closest}'?` : undefined;
      return new Rejection('value', `expected one of ${expected}, got '${value}'`, hint);
    },
  };
}

/** A list of strings, e.g. tags or paths. */
export const textList: Kind<string[]> = {
  expected: 'a list of strings',
  read(node, scope) {
    if (!isSeq(node)) return wrongType;
    const values: string[] = [];
    for (const item of node.items) {
      const value = text.read(deref(item, scope), scope);
      if (value instanceof Rejection) return value;
      values.push(value);
    }
    return values;
  },
};

/** A tag or a list of tags (dbt accepts `tags: nightly`). */
export const tagOrTags: Kind<string[]> = {
  expected: 'a tag or a list of tags',
  read(node, scope) {
    if (isSeq(node)) return textList.read(node, scope);
    const value = text.read(node, scope);
    return value instanceof Rejection ? wrongType : [value];
  },
};

/** `ssl: true` or a mapping of TLS options handed to the driver as is. */
export const booleanOrMapping: Kind<boolean | Record<string, unknown>> = {
  expected: 'true, false or a mapping of TLS options',
  read(node, scope) {
    if (!isMap(node)) return boolean.read(node, scope);
    // TLS options hold private keys and passphrases.
    const value = plainValue(node, scope.forSecret());
    return value instanceof Rejection ? value : (value as Record<string, unknown>);
  },
};

/** Any YAML value (vars), templated strings rendered. */
export const anything: Kind<unknown> = {
  expected: 'a value',
  read(node, scope) {
    return plainValue(node, scope);
  },
};

/** Where a column's value comes from in a record: a top-level key (`auto`) or a JSONPath. */

import { LosslessNumber } from 'lossless-json';
import type { PathSegment } from './jsonpath.js';

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** Reads one column's value from a record; undefined means missing (loaded as NULL). */
export interface ValueSource {
  get(record: JsonObject): unknown;
  /** The path that `get` followed in this record, to point at the value in an error. */
  pathIn(record: JsonObject): PathSegment[];
}

/**
 * `jsonpaths: auto`: the key spelled exactly like the column, as Redshift's 'auto' matches ("The
 * matching is case-sensitive", copy-parameters-data-format.html). With `ignoreCase` (`auto
 * ignorecase`), a key that differs only in case is taken when none is spelled exactly (the first
 * such key in the record's order). A column no key ever matched is reported (auto-keys.ts).
 */
export function autoSource(name: string, ignoreCase = false): ValueSource {
  const folded = name.toLowerCase();
  const keyIn = (record: JsonObject): string | undefined => {
    if (Object.hasOwn(record, name)) return name;
    return ignoreCase ? Object.keys(record).find((key) => key.toLowerCase() === folded) : undefined;
  };
  return {
    get(record) {
      const value = ownValue(record, name);
      if (value !== undefined || !ignoreCase) return value;
      const key = keyIn(record);
      return key === undefined ? undefined : record[key];
    },
    pathIn: (record) => [keyIn(record) ?? name],
  };
}

/** A JSONPath from the table's JSONPaths file; a path that does not match gives undefined. */
export function pathSource(path: readonly PathSegment[]): ValueSource {
  const only = path[0];
  // The common case, `$['key']`, skips the walk.
  if (path.length === 1 && typeof only === 'string') return { get: (record) => ownValue(record, only), pathIn: () => [only] };
  return {
    get(record) {
      let value: unknown = record;
      for (const segment of path) {
        value = step(value, segment);
        if (value === undefined) return undefined;
      }
      return value;
    },
    pathIn: () => [...path],
  };
}

function step(value: unknown, segment: PathSegment): unknown {
  if (typeof segment === 'number') return Array.isArray(value) ? value[segment] : undefined;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof LosslessNumber);
  return isObject ? ownValue(value as JsonObject, segment) : undefined;
}

/**
 * `record[key]` if the record has it as its own key. Cheaper than Object.hasOwn on every read:
 * parsed records inherit only from Object.prototype, whose members are all functions except the
 * `__proto__` accessor, and no JSON value is a function or Object.prototype.
 */
function ownValue(record: JsonObject, key: string): unknown {
  const value = record[key];
  return typeof value === 'function' || value === Object.prototype ? undefined : value;
}

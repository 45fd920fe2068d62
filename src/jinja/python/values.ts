/**
 * Python's view of JavaScript values, as templates see them: a plain object is a dict, an array a
 * list, null is None, a String object (nunjucks' SafeString) a str. Truthiness, equality, order,
 * len(), str() and repr() follow Python.
 */

/** A value our own classes may carry to say how Python would treat it. */
export interface PythonLike {
  __bool__?(): boolean;
  __len__?(): number;
  __eq__?(other: unknown): boolean;
  __repr__?(): string;
}

/** A plain object: Jinja's dict (nunjucks' keyword-argument objects included). */
export function isDict(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A str: a string or a String object (nunjucks' SafeString is one). */
export function isStr(value: unknown): value is string | String {
  return typeof value === 'string' || value instanceof String;
}

/** The primitive string of a str. */
export function asStr(value: string | String): string {
  return typeof value === 'string' ? value : String(value.valueOf());
}

/** int, float or bool (bool is an int in Python). */
export function isNumeric(value: unknown): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

/** A dict's keys, without the marker nunjucks puts on keyword arguments. */
export function dictKeys(dict: Record<string, unknown>): string[] {
  return Object.keys(dict).filter((key) => key !== '__keywords');
}

/** Python's name of a value's type, for messages. */
export function typeName(value: unknown): string {
  if (value === undefined) return 'Undefined';
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (isStr(value)) return 'str';
  if (Array.isArray(value)) return 'list';
  if (isDict(value)) return 'dict';
  if (typeof value === 'function') return 'function';
  return (value as object).constructor?.name ?? 'object';
}

/** Python's bool(value). */
export function truthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (isStr(value)) return asStr(value).length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return dictKeys(value).length > 0;
  if (value instanceof Map || value instanceof Set) return value.size > 0;
  const like = value as PythonLike;
  if (typeof like.__bool__ === 'function') return like.__bool__();
  if (typeof like.__len__ === 'function') return like.__len__() > 0;
  return Boolean(value);
}

/** Python's len(value). */
export function pyLen(value: unknown): number {
  if (isStr(value)) return asStr(value).length;
  if (Array.isArray(value)) return value.length;
  if (isDict(value)) return dictKeys(value).length;
  if (value instanceof Map || value instanceof Set) return value.size;
  const like = value as PythonLike | undefined;
  if (typeof like?.__len__ === 'function') return like.__len__();
  throw new Error(`object of type '${typeName(value)}' has no len()`);
}

/** Python's `a == b`: by value for lists and dicts, no string/number coercion. */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (isStr(a) && isStr(b)) return asStr(a) === asStr(b);
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => pyEquals(item, b[i]));
  if (isDict(a) && isDict(b)) {
    const keys = dictKeys(a);
    return keys.length === dictKeys(b).length && keys.every((key) => Object.hasOwn(b, key) && pyEquals(a[key], b[key]));
  }
  const like = a as PythonLike | undefined;
  if (typeof like?.__eq__ === 'function') return like.__eq__(b);
  return a === b;
}

/** Python's ordering of two values: negative, zero or positive; throws where Python would. */
export function pyOrder(a: unknown, b: unknown): number {
  if (isStr(a) && isStr(b)) {
    const [x, y] = [asStr(a), asStr(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = pyOrder(a[i], b[i]);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  if (a instanceof Object && b instanceof Object && a.constructor === b.constructor) {
    const [x, y] = [a.valueOf(), b.valueOf()];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
  }
  throw new Error(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python's repr(): quoted strings, `None`, `True`, `[1, 'a']`, `{'k': 1}`. */
export function pyRepr(value: unknown): string {
  if (isStr(value)) return quoteRepr(asStr(value));
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isDict(value)) return `{${dictKeys(value).map((key) => `${quoteRepr(key)}: ${pyRepr(value[key])}`).join(', ')}}`;
  const like = value as PythonLike | undefined;
  if (typeof like?.__repr__ === 'function') return like.__repr__();
  return pyStr(value);
}

/** Python's str(): `None`, `True`, numbers as written, lists and dicts as their repr. */
export function pyStr(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberStr(value);
  if (isStr(value)) return asStr(value);
  if (Array.isArray(value) || isDict(value)) return pyRepr(value);
  return String(value);
}

function numberStr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}

function quoteRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}

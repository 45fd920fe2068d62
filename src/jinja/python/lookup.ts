/**
 * `x.name` and `x[key]` as Jinja resolves them. Jinja tries the attribute first for `x.name` and
 * the item first for `x[key]`; for a dict that means `d.items` is the method even when the dict
 * has an `items` key, and `d['items']` is the key. Strings, lists and dicts get Python's methods
 * (str-methods.ts, collection-methods.ts); negative indexes count from the end. Anything else is
 * looked up as nunjucks does, with its functions bound to it.
 */
import { DICT_METHODS, LIST_METHODS } from './collection-methods.js';
import { STR_METHODS } from './str-methods.js';
import { asStr, isDict, isStr } from './values.js';

type Method = (self: never, args: unknown[]) => unknown;

function bind(method: Method, self: unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => method(self as never, args);
}

function index(length: number, key: unknown): number | undefined {
  if (typeof key !== 'number' || !Number.isInteger(key)) return undefined;
  const at = key < 0 ? length + key : key;
  return at >= 0 && at < length ? at : -1;
}

/** The member `key` of `target`, as a template sees it; undefined when there is none. */
export function pyLookup(target: unknown, key: unknown, attribute: boolean): unknown {
  if (target === undefined || target === null) return undefined;
  if (isStr(target)) return strMember(asStr(target), key);
  if (Array.isArray(target)) return listMember(target, key);
  if (isDict(target)) return dictMember(target, key, attribute);
  return nativeMember(target, key);
}

function strMember(text: string, key: unknown): unknown {
  const at = index(text.length, key);
  if (at !== undefined) return at < 0 ? undefined : text[at];
  const name = String(key);
  if (Object.hasOwn(STR_METHODS, name)) return bind(STR_METHODS[name] as Method, text);
  return nativeMember(text, key);
}

function listMember(list: unknown[], key: unknown): unknown {
  const at = index(list.length, key);
  if (at !== undefined) return at < 0 ? undefined : list[at];
  const name = String(key);
  // A class built on Array (an agate-like row) may define its own `values`, `keys`, ...
  if (Object.getPrototypeOf(list) !== Array.prototype && name in list) return nativeMember(list, key);
  if (Object.hasOwn(LIST_METHODS, name)) return bind(LIST_METHODS[name] as Method, list);
  return nativeMember(list, key);
}

function dictMember(dict: Record<string, unknown>, key: unknown, attribute: boolean): unknown {
  const name = String(key);
  const method = Object.hasOwn(DICT_METHODS, name) ? bind(DICT_METHODS[name] as Method, dict) : undefined;
  if (attribute && method) return method;
  if (Object.hasOwn(dict, name)) return dict[name];
  return method;
}

function nativeMember(target: unknown, key: unknown): unknown {
  const value = (target as Record<string, unknown>)[key as string];
  if (typeof value === 'function') return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args);
  return value;
}

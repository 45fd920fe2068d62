/**
 * Python's list and dict methods, callable on arrays and plain objects in a template:
 * `{% do cols.append('id') %}`, `d.items()`, `d.get('k', 'default')`, `{% do d.update(x=1) %}`.
 * Methods that change the value change it in place, as in Python.
 */
import { bindArgs, splitArgs } from './call-args.js';
import { dictKeys, isDict, pyEquals, pyOrder, pyRepr } from './values.js';

type ListMethod = (list: unknown[], args: unknown[]) => unknown;
type DictMethod = (dict: Record<string, unknown>, args: unknown[]) => unknown;

function indexOf(list: unknown[], value: unknown): number {
  return list.findIndex((item) => pyEquals(item, value));
}

/** Python list methods by name. */
export const LIST_METHODS: Record<string, ListMethod> = {
  append: (list, a) => { list.push(bindArgs('append', a, ['object']).object); return null; },
  extend: (list, a) => { list.push(...(bindArgs('extend', a, ['iterable']).iterable as Iterable<unknown>)); return null; },
  insert: (list, a) => { const { index, object } = bindArgs('insert', a, ['index', 'object']); const i = Number(index); list.splice(i < 0 ? Math.max(0, list.length + i) : i, 0, object); return null; },
  remove: (list, a) => {
    const at = indexOf(list, bindArgs('remove', a, ['value']).value);
    if (at < 0) throw new Error('list.remove(x): x not in list');
    list.splice(at, 1);
    return null;
  },
  pop: (list, a) => {
    if (list.length === 0) throw new Error('pop from empty list');
    const i = Number(bindArgs('pop', a, [['index', -1]]).index);
    const at = i < 0 ? list.length + i : i;
    if (at < 0 || at >= list.length) throw new Error('pop index out of range');
    return list.splice(at, 1)[0];
  },
  index: (list, a) => { const { value } = bindArgs('index', a, ['value']); const at = indexOf(list, value); if (at < 0) throw new Error(`${pyRepr(value)} is not in list`); return at; },
  count: (list, a) => { const { value } = bindArgs('count', a, ['value']); return list.filter((item) => pyEquals(item, value)).length; },
  copy: (list) => [...list],
  clear: (list) => { list.length = 0; return null; },
  sort: (list, a) => { const { reverse } = bindArgs('sort', a, [['reverse', false]]); list.sort((x, y) => (reverse ? pyOrder(y, x) : pyOrder(x, y))); return null; },
  reverse: (list) => { list.reverse(); return null; },
};

/** Python dict methods by name; items() gives `[key, value]` pairs. */
export const DICT_METHODS: Record<string, DictMethod> = {
  keys: (dict) => dictKeys(dict),
  values: (dict) => dictKeys(dict).map((key) => dict[key]),
  items: (dict) => dictKeys(dict).map((key) => [key, dict[key]]),
  get: (dict, a) => { const { key, default: fallback } = bindArgs('get', a, ['key', ['default', null]]); return Object.hasOwn(dict, String(key)) ? dict[String(key)] : fallback; },
  pop: (dict, a) => {
    const { positional } = splitArgs(a);
    const key = String(positional[0]);
    if (Object.hasOwn(dict, key)) {
      const value = dict[key];
      delete dict[key];
      return value;
    }
    if (positional.length > 1) return positional[1];
    throw new Error(`KeyError: ${pyRepr(key)}`);
  },
  setdefault: (dict, a) => { const { key, default: fallback } = bindArgs('setdefault', a, ['key', ['default', null]]); if (!Object.hasOwn(dict, String(key))) dict[String(key)] = fallback; return dict[String(key)]; },
  update: (dict, a) => {
    const { positional, keywords } = splitArgs(a);
    const other = positional[0];
    if (isDict(other)) for (const key of dictKeys(other)) dict[key] = other[key];
    else if (Array.isArray(other)) for (const [key, value] of other as [string, unknown][]) dict[String(key)] = value;
    Object.assign(dict, keywords);
    return null;
  },
  copy: (dict) => Object.fromEntries(dictKeys(dict).map((key) => [key, dict[key]])),
  clear: (dict) => { for (const key of dictKeys(dict)) delete dict[key]; return null; },
  popitem: (dict) => {
    const key = dictKeys(dict).pop();
    if (key === undefined) throw new Error('popitem(): dictionary is empty');
    const value = dict[key];
    delete dict[key];
    return [key, value];
  },
};

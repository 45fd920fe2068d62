/**
 * Jinja's built-in filters with Jinja's signatures, so keyword arguments work
 * (`sort(attribute='name')`, `join(', ', attribute='id')`, `map(attribute='name')`), plus the ones
 * nunjucks lacks (`map`, `unique`, `items`, `tojson`, `min`, `max`, `pprint`) and dbt's `as_text`,
 * `as_bool`, `as_native`, `as_number` (identity when rendering text, as in dbt). nunjucks' own
 * `escape`, `safe`, `truncate`, `wordcount`, `striptags`, `urlencode`, `indent` are kept.
 */
import type nunjucks from 'nunjucks';
import { testRegistry } from './nunjucks-internals.js';
import { bindArgs, splitArgs } from './python/call-args.js';
import { percentFormat } from './python/format.js';
import { pythonJson } from './python/json.js';
import { pyLookup } from './python/lookup.js';
import { STR_METHODS } from './python/str-methods.js';
import { asStr, dictKeys, isDict, isStr, pyEquals, pyLen, pyOrder, pyRepr, pyStr, truthy } from './python/values.js';

type Filter = (value: unknown, ...args: unknown[]) => unknown;

/** `attribute='a.b'` (or `'0'`) as a getter; the value itself when no attribute is given. */
function getter(attribute: unknown, fallback?: unknown): (item: unknown) => unknown {
  if (attribute === null || attribute === undefined) return (item) => item;
  const path = String(attribute).split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return (item) => {
    const found = path.reduce<unknown>((value, key) => pyLookup(value, key, false), item);
    return found === undefined ? fallback : found;
  };
}

function items(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (isStr(value)) return [...asStr(value)];
  if (isDict(value)) return dictKeys(value);
  return [...(value as Iterable<unknown>)];
}

function sortKey(attribute: unknown, caseSensitive: unknown): (item: unknown) => unknown {
  const get = getter(attribute);
  return (item) => {
    const value = get(item);
    return !caseSensitive && isStr(value) ? asStr(value).toLowerCase() : value;
  };
}

/** Python's round(): exact halves go to the even neighbour. */
function pythonRound(value: number, digits: number): number {
  const scale = 10 ** digits;
  const scaled = value * scale;
  const rounded = Math.abs(scaled % 1) === 0.5 ? 2 * Math.round(scaled / 2) : Math.round(scaled);
  return rounded / scale;
}

function toInt(value: unknown, fallback: unknown, base: number): unknown {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return Number(value);
  const text = pyStr(value).trim().replace(/_/g, '');
  const parsed = base === 10 ? Number(text) : parseInt(text, base);
  return Number.isFinite(parsed) && text !== '' ? Math.trunc(parsed) : fallback;
}

function testFilter(env: nunjucks.Environment, keep: boolean, byAttribute: boolean): Filter {
  return function (this: unknown, value, ...args) {
    const { positional, keywords } = splitArgs(args);
    const get = byAttribute ? getter(positional.shift()) : (item: unknown) => item;
    const name = positional.shift();
    const test = name === undefined ? truthy : (item: unknown) => testRegistry(env).getTest(String(name)).call(this, item, ...positional, ...(Object.keys(keywords).length ? [{ ...keywords, __keywords: true }] : [])) === true;
    return items(value).filter((item) => test(get(item)) === keep);
  };
}

function mapFilter(env: nunjucks.Environment): Filter {
  return function (this: unknown, value, ...args) {
    const { positional, keywords } = splitArgs(args);
    if (positional.length === 0) {
      const { attribute, default: fallback } = bindArgs('map', args, ['attribute', ['default', undefined]]);
      return items(value).map(getter(attribute, fallback));
    }
    const [name, ...rest] = positional;
    const filter = env.getFilter(String(name)) as (...a: unknown[]) => unknown;
    const extra = Object.keys(keywords).length ? [{ ...keywords, __keywords: true }] : [];
    return items(value).map((item) => filter.call(this, item, ...rest, ...extra));
  };
}

function extreme(sign: 1 | -1): Filter {
  return (value, ...args) => {
    const { case_sensitive: cs, attribute } = bindArgs(sign > 0 ? 'max' : 'min', args, [['case_sensitive', false], ['attribute', null]]);
    const key = sortKey(attribute, cs);
    const list = items(value);
    if (list.length === 0) return undefined;
    return list.reduce((best, item) => (sign * pyOrder(key(item), key(best)) > 0 ? item : best));
  };
}

function groupby(value: unknown, ...args: unknown[]): unknown[] {
  const { attribute, default: fallback, case_sensitive: cs } = bindArgs('groupby', args, ['attribute', ['default', undefined], ['case_sensitive', false]]);
  const get = getter(attribute, fallback);
  const groups = new Map<unknown, { grouper: unknown; list: unknown[] }>();
  for (const item of [...items(value)].sort((a, b) => pyOrder(sortKey(attribute, cs)(a), sortKey(attribute, cs)(b)))) {
    const grouper = get(item);
    const key = !cs && isStr(grouper) ? asStr(grouper).toLowerCase() : grouper;
    if (!groups.has(key)) groups.set(key, { grouper, list: [] });
    groups.get(key)!.list.push(item);
  }
  // Jinja's groups are (grouper, list) tuples that also have those two attributes.
  return [...groups.values()].map(({ grouper, list }) => Object.assign([grouper, list], { grouper, list }));
}

/** Jinja's filters, by name, for one environment (select/map need its tests and filters). */
export function jinjaFilters(env: nunjucks.Environment): Record<string, Filter> {
  return {
    abs: (v) => Math.abs(Number(v)),
    attr: (v, name) => pyLookup(v, name, true),
    batch: (v, ...a) => {
      const { linecount, fill_with: fill } = bindArgs('batch', a, ['linecount', ['fill_with', null]]);
      const list = items(v);
      const size = Number(linecount);
      const rows: unknown[][] = [];
      for (let i = 0; i < list.length; i += size) rows.push(list.slice(i, i + size));
      const last = rows[rows.length - 1];
      if (fill !== null && last) while (last.length < size) last.push(fill);
      return rows;
    },
    capitalize: (v) => { const s = pyStr(v); return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(); },
    center: (v, ...a) => { const { width } = bindArgs('center', a, [['width', 80]]); const s = pyStr(v); const pad = Math.max(0, Number(width) - s.length); return ' '.repeat(Math.floor(pad / 2)) + s + ' '.repeat(Math.ceil(pad / 2)); },
    default: (v, ...a) => { const { default_value: d, boolean } = bindArgs('default', a, [['default_value', ''], ['boolean', false]]); return v === undefined || (boolean && !truthy(v)) ? d : v; },
    dictsort: (v, ...a) => {
      const { case_sensitive: cs, by, reverse } = bindArgs('dictsort', a, [['case_sensitive', false], ['by', 'key'], ['reverse', false]]);
      const pairs = dictKeys(v as Record<string, unknown>).map((k) => [k, (v as Record<string, unknown>)[k]]);
      const key = sortKey(by === 'value' ? 1 : 0, cs);
      return pairs.sort((x, y) => (reverse ? -1 : 1) * pyOrder(key(x), key(y)));
    },
    first: (v) => items(v)[0],
    float: (v, ...a) => { const { default: d } = bindArgs('float', a, [['default', 0]]); const n = Number(pyStr(v).trim()); return typeof v === 'number' ? v : pyStr(v).trim() !== '' && Number.isFinite(n) ? n : d; },
    format: (v, ...a) => { const { positional, keywords } = splitArgs(a); return percentFormat(pyStr(v), positional.length ? positional : keywords); },
    groupby,
    int: (v, ...a) => { const { default: d, base } = bindArgs('int', a, [['default', 0], ['base', 10]]); return toInt(v, d, Number(base)); },
    items: (v) => (v === undefined || v === null ? [] : dictKeys(v as Record<string, unknown>).map((k) => [k, (v as Record<string, unknown>)[k]])),
    join: (v, ...a) => { const { d, attribute } = bindArgs('join', a, [['d', ''], ['attribute', null]]); return items(v).map(getter(attribute)).map(pyStr).join(pyStr(d)); },
    last: (v) => items(v).at(-1),
    // An undefined value has length 0, as Jinja's Undefined has.
    length: (v) => (v === undefined ? 0 : pyLen(v)),
    list: (v) => items(v),
    lower: (v) => pyStr(v).toLowerCase(),
    map: mapFilter(env),
    max: extreme(1),
    min: extreme(-1),
    pprint: (v) => pyRepr(v),
    reject: testFilter(env, false, false),
    rejectattr: testFilter(env, false, true),
    replace: (v, ...a) => { const { old, new: n, count } = bindArgs('replace', a, ['old', 'new', ['count', null]]); return STR_METHODS.replace(pyStr(v), [old, n, count === null ? -1 : count]); },
    reverse: (v) => (isStr(v) ? [...asStr(v)].reverse().join('') : [...items(v)].reverse()),
    round: (v, ...a) => { const { precision, method } = bindArgs('round', a, [['precision', 0], ['method', 'common']]); const scale = 10 ** Number(precision); const n = Number(v); return method === 'ceil' ? Math.ceil(n * scale) / scale : method === 'floor' ? Math.floor(n * scale) / scale : pythonRound(n, Number(precision)); },
    select: testFilter(env, true, false),
    selectattr: testFilter(env, true, true),
    sort: (v, ...a) => { const { reverse, case_sensitive: cs, attribute } = bindArgs('sort', a, [['reverse', false], ['case_sensitive', false], ['attribute', null]]); const key = sortKey(attribute, cs); return [...items(v)].sort((x, y) => (reverse ? -1 : 1) * pyOrder(key(x), key(y))); },
    string: (v) => pyStr(v),
    sum: (v, ...a) => { const { attribute, start } = bindArgs('sum', a, [['attribute', null], ['start', 0]]); return items(v).map(getter(attribute)).reduce<number>((total, n) => total + Number(n), Number(start)); },
    title: (v) => pyStr(v).toLowerCase().replace(/(^|[^\p{L}])(\p{L})/gu, (_, before: string, c: string) => before + c.toUpperCase()),
    tojson: (v, ...a) => { const { indent } = bindArgs('tojson', a, [['indent', null]]); return pythonJson(v, { sortKeys: true, indent: indent === null ? undefined : Number(indent), htmlSafe: true }); },
    trim: (v, ...a) => STR_METHODS.strip(pyStr(v), [bindArgs('trim', a, [['chars', null]]).chars]),
    unique: (v, ...a) => {
      const { case_sensitive: cs, attribute } = bindArgs('unique', a, [['case_sensitive', false], ['attribute', null]]);
      const key = sortKey(attribute, cs);
      const seen: unknown[] = [];
      return items(v).filter((item) => !seen.some((k) => pyEquals(k, key(item))) && seen.push(key(item)) > 0);
    },
    upper: (v) => pyStr(v).toUpperCase(),
    as_text: (v) => v,
    as_bool: (v) => v,
    as_native: (v) => v,
    as_number: (v) => v,
  };
}

/** Adds the filters to `env` (replacing nunjucks' versions of the same names). */
export function installJinjaFilters(env: nunjucks.Environment): void {
  const filters = jinjaFilters(env);
  for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter);
  env.addFilter('d', filters.default);
  env.addFilter('count', filters.length);
}

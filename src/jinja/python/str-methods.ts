/**
 * Python's str methods, callable on any string in a template (`name.upper()`, `sql.strip()`,
 * `'a,b'.split(',')`). Where JavaScript has a method of the same name (split, replace), Python's
 * meaning wins: `'a  b'.split()` splits on runs of whitespace and `replace` replaces every match.
 */
import { bindArgs } from './call-args.js';
import { formatMethod } from './format.js';
import { asStr, isStr, pyStr, typeName } from './values.js';

type StrMethod = (text: string, args: unknown[]) => unknown;

const WHITESPACE = ' \t\n\r\x0b\x0c';

function strip(text: string, chars: unknown, left: boolean, right: boolean): string {
  const set = chars === null || chars === undefined ? WHITESPACE : String(chars);
  let start = 0;
  let end = text.length;
  while (left && start < end && set.includes(text[start])) start++;
  while (right && end > start && set.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

function split(text: string, sep: unknown, maxsplit: number, fromRight: boolean): string[] {
  if (sep === null || sep === undefined) {
    const words = text.trim().split(/\s+/).filter(Boolean);
    if (maxsplit < 0 || words.length <= maxsplit + 1) return words;
    if (!fromRight) return [...words.slice(0, maxsplit), text.trim().replace(new RegExp(`^(?:\\S+\\s+){${maxsplit}}`), '')];
    return [text.trim().replace(new RegExp(`(?:\\s+\\S+){${maxsplit}}$`), ''), ...words.slice(words.length - maxsplit)];
  }
  const separator = String(sep);
  if (separator === '') throw new Error('empty separator');
  const parts = text.split(separator);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  if (!fromRight) return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(separator)];
  return [parts.slice(0, parts.length - maxsplit).join(separator), ...parts.slice(parts.length - maxsplit)];
}

function affix(text: string, args: unknown[], name: string, test: (t: string, a: string) => boolean): boolean {
  const { prefix, start, end } = bindArgs(name, args, ['prefix', ['start', 0], ['end', null]]);
  const part = text.slice(Number(start), end === null ? undefined : Number(end));
  const options = Array.isArray(prefix) ? prefix : [prefix];
  return options.some((option) => {
    if (!isStr(option)) throw new Error(`${name} first arg must be str or a tuple of str, not ${typeName(option)}`);
    return test(part, asStr(option));
  });
}

function find(text: string, args: unknown[], name: string, last: boolean): number {
  const { sub, start, end } = bindArgs(name, args, ['sub', ['start', 0], ['end', null]]);
  const from = Number(start);
  const part = text.slice(0, end === null ? undefined : Number(end));
  const at = last ? part.lastIndexOf(String(sub)) : part.indexOf(String(sub), from);
  return at >= from ? at : -1;
}

function justify(text: string, args: unknown[], name: string, side: 'left' | 'right' | 'center'): string {
  const { width, fillchar } = bindArgs(name, args, ['width', ['fillchar', ' ']]);
  const missing = Number(width) - text.length;
  if (missing <= 0) return text;
  const fill = String(fillchar);
  if (side === 'left') return text + fill.repeat(missing);
  if (side === 'right') return fill.repeat(missing) + text;
  const before = Math.floor(missing / 2) + (missing % 2 && Number(width) % 2 ? 1 : 0);
  return fill.repeat(before) + text + fill.repeat(missing - before);
}

function replaceText(text: string, old: string, replacement: string, limit: number): string {
  if (old === '') return replacement + [...text].join(replacement) + replacement;
  let out = '';
  let rest = text;
  for (let done = 0; done < limit; done++) {
    const at = rest.indexOf(old);
    if (at < 0) break;
    out += rest.slice(0, at) + replacement;
    rest = rest.slice(at + old.length);
  }
  return out + rest;
}

const test = (pattern: RegExp) => (text: string) => text.length > 0 && pattern.test(text);

/** Python str methods by name. */
export const STR_METHODS: Record<string, StrMethod> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  casefold: (s) => s.toLowerCase(),
  swapcase: (s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  title: (s) => s.toLowerCase().replace(/(^|[^A-Za-z])([a-z])/g, (_, before: string, c: string) => before + c.toUpperCase()),
  capitalize: (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  strip: (s, a) => strip(s, bindArgs('strip', a, [['chars', null]]).chars, true, true),
  lstrip: (s, a) => strip(s, bindArgs('lstrip', a, [['chars', null]]).chars, true, false),
  rstrip: (s, a) => strip(s, bindArgs('rstrip', a, [['chars', null]]).chars, false, true),
  split: (s, a) => { const { sep, maxsplit } = bindArgs('split', a, [['sep', null], ['maxsplit', -1]]); return split(s, sep, Number(maxsplit), false); },
  rsplit: (s, a) => { const { sep, maxsplit } = bindArgs('rsplit', a, [['sep', null], ['maxsplit', -1]]); return split(s, sep, Number(maxsplit), true); },
  splitlines: (s) => s.split(/\r\n|\r|\n/).filter((line, i, all) => i < all.length - 1 || line !== ''),
  startswith: (s, a) => affix(s, a, 'startswith', (t, p) => t.startsWith(p)),
  endswith: (s, a) => affix(s, a, 'endswith', (t, p) => t.endsWith(p)),
  replace: (s, a) => {
    const { old, new: replacement, count } = bindArgs('replace', a, ['old', 'new', ['count', -1]]);
    return replaceText(s, pyStr(old), pyStr(replacement), Number(count) < 0 ? Infinity : Number(count));
  },
  join: (s, a) => {
    const { iterable } = bindArgs('join', a, ['iterable']);
    return [...(iterable as Iterable<unknown>)].map((item) => {
      if (!isStr(item)) throw new Error(`sequence item: expected str instance, ${typeName(item)} found`);
      return asStr(item);
    }).join(s);
  },
  format: (s, a) => formatMethod(s, a),
  find: (s, a) => find(s, a, 'find', false),
  rfind: (s, a) => find(s, a, 'rfind', true),
  index: (s, a) => { const at = find(s, a, 'index', false); if (at < 0) throw new Error('substring not found'); return at; },
  rindex: (s, a) => { const at = find(s, a, 'rindex', true); if (at < 0) throw new Error('substring not found'); return at; },
  count: (s, a) => { const { sub } = bindArgs('count', a, ['sub']); return String(sub) === '' ? s.length + 1 : s.split(String(sub)).length - 1; },
  isdigit: test(/^\d+$/),
  isnumeric: test(/^\d+$/),
  isdecimal: test(/^\d+$/),
  isalpha: test(/^\p{L}+$/u),
  isalnum: test(/^[\p{L}\d]+$/u),
  isspace: test(/^\s+$/),
  islower: (s) => /\p{Ll}/u.test(s) && s === s.toLowerCase(),
  isupper: (s) => /\p{Lu}/u.test(s) && s === s.toUpperCase(),
  zfill: (s, a) => { const width = Number(bindArgs('zfill', a, ['width']).width); const sign = /^[+-]/.test(s) ? s[0] : ''; return sign + s.slice(sign.length).padStart(width - sign.length, '0'); },
  center: (s, a) => justify(s, a, 'center', 'center'),
  ljust: (s, a) => justify(s, a, 'ljust', 'left'),
  rjust: (s, a) => justify(s, a, 'rjust', 'right'),
  partition: (s, a) => { const sep = String(bindArgs('partition', a, ['sep']).sep); const at = s.indexOf(sep); return at < 0 ? [s, '', ''] : [s.slice(0, at), sep, s.slice(at + sep.length)]; },
  rpartition: (s, a) => { const sep = String(bindArgs('rpartition', a, ['sep']).sep); const at = s.lastIndexOf(sep); return at < 0 ? ['', '', s] : [s.slice(0, at), sep, s.slice(at + sep.length)]; },
  removeprefix: (s, a) => { const p = pyStr(bindArgs('removeprefix', a, ['prefix']).prefix); return s.startsWith(p) ? s.slice(p.length) : s; },
  removesuffix: (s, a) => { const p = pyStr(bindArgs('removesuffix', a, ['suffix']).suffix); return p && s.endsWith(p) ? s.slice(0, -p.length) : s; },
};

/**
 * dbt's context functions that need nothing from the render: zip, list, set, set_strict, tojson,
 * fromjson, toyaml, fromyaml, local_md5. Readers return the given default on bad input, as dbt's do.
 */
import { createHash } from 'node:crypto';
import { bindArgs, splitArgs } from '../python/call-args.js';
import { iterate } from '../python/operators.js';
import { pythonJson, readJson, readYaml, writeYaml } from '../python/json.js';
import { pyEquals, pyStr } from '../python/values.js';

const items = (value: unknown): unknown[] => [...(iterate(value) as Iterable<unknown>)];

function unique(value: unknown): unknown[] {
  const out: unknown[] = [];
  for (const item of items(value)) if (!out.some((seen) => pyEquals(seen, item))) out.push(item);
  return out;
}

/** The functions by name. */
export function dbtFunctions(): Record<string, (...args: unknown[]) => unknown> {
  return {
    zip: (...args) => {
      const lists = splitArgs(args).positional.map(items);
      const length = lists.length === 0 ? 0 : Math.min(...lists.map((l) => l.length));
      return Array.from({ length }, (_, i) => lists.map((l) => l[i]));
    },
    list: (...args) => (args.length === 0 ? [] : items(args[0])),
    set: (...args) => {
      const { value, default: fallback } = bindArgs('set', args, ['value', ['default', null]]);
      try {
        return unique(value);
      } catch {
        return fallback;
      }
    },
    set_strict: (...args) => unique(bindArgs('set_strict', args, ['value']).value),
    tojson: (...args) => {
      const { value, default: fallback, sort_keys: sortKeys } = bindArgs('tojson', args, ['value', ['default', null], ['sort_keys', false]]);
      try {
        return pythonJson(value, { sortKeys: sortKeys === true });
      } catch {
        return fallback;
      }
    },
    fromjson: (...args) => { const { string, default: fallback } = bindArgs('fromjson', args, ['string', ['default', null]]); return readJson(string, fallback); },
    toyaml: (...args) => {
      const { value, default: fallback, sort_keys: sortKeys } = bindArgs('toyaml', args, ['value', ['default', null], ['sort_keys', false]]);
      try {
        return writeYaml(value, sortKeys === true);
      } catch {
        return fallback;
      }
    },
    fromyaml: (...args) => { const { value, default: fallback } = bindArgs('fromyaml', args, ['value', ['default', null]]); return readYaml(value, fallback); },
    local_md5: (...args) => createHash('md5').update(pyStr(bindArgs('local_md5', args, ['value']).value)).digest('hex'),
  };
}

/**
 * JSON and YAML as dbt's `tojson`/`fromjson`/`toyaml`/`fromyaml` and Jinja's `tojson` filter write
 * and read them: Python's `json.dumps` layout (`{"a": 1, "b": [1, 2]}`, non-ASCII escaped), keys
 * sorted when asked; the filter also escapes `< > & '` for HTML as Jinja does. Reading returns the
 * given default instead of failing, as dbt does.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { asStr, dictKeys, isDict, isStr, pyStr } from './values.js';

/** How to write JSON. */
export interface JsonOptions {
  sortKeys?: boolean;
  indent?: number;
  /** Jinja's tojson filter: `<`, `>`, `&` and `'` as \u escapes. */
  htmlSafe?: boolean;
}

function quote(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function write(value: unknown, options: JsonOptions, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (isStr(value)) return quote(asStr(value));
  const inner = options.indent === undefined ? '' : `\n${' '.repeat(options.indent * (depth + 1))}`;
  const outer = options.indent === undefined ? '' : `\n${' '.repeat(options.indent * depth)}`;
  const comma = options.indent === undefined ? ', ' : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${inner}${value.map((item) => write(item, options, depth + 1)).join(comma + inner)}${outer}]`;
  }
  if (isDict(value)) {
    const keys = dictKeys(value);
    if (options.sortKeys) keys.sort();
    if (keys.length === 0) return '{}';
    return `{${inner}${keys.map((key) => `${quote(key)}: ${write(value[key], options, depth + 1)}`).join(comma + inner)}${outer}}`;
  }
  const json = (value as { toJSON?(): unknown }).toJSON;
  return typeof json === 'function' ? write(json.call(value), options, depth) : quote(pyStr(value));
}

/** Python's json.dumps(value, sort_keys=..., indent=...). */
export function pythonJson(value: unknown, options: JsonOptions = {}): string {
  const text = write(value, options, 0);
  if (!options.htmlSafe) return text;
  return text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/'/g, '\\u0027');
}

/** json.loads, or `fallback` when the text is not JSON. */
export function readJson(text: unknown, fallback: unknown): unknown {
  try {
    return JSON.parse(pyStr(text));
  } catch {
    return fallback;
  }
}

/** yaml.safe_dump(value, sort_keys=...) in block style. */
export function writeYaml(value: unknown, sortKeys: boolean): string {
  return stringifyYaml(value, { sortMapEntries: sortKeys });
}

/** yaml.safe_load, or `fallback` when the text is not YAML. */
export function readYaml(text: unknown, fallback: unknown): unknown {
  try {
    return parseYaml(pyStr(text)) ?? null;
  } catch {
    return fallback;
  }
}

/**
 * Python's repr() of the str/list/dict values dbt hashes into a generic test's unique id
 * (dbt-core parser `create_test_node`: md5 of name + repr(test metadata with every leaf as str)).
 */

/** A value after dbt's get_hashable_md: every leaf is a string, dicts have sorted keys. */
export type Hashable = string | Hashable[] | { [key: string]: Hashable };

/** dbt's get_hashable_md: dict keys sorted, lists kept, every other value through Python's str(). */
export function hashable(value: unknown): Hashable {
  if (Array.isArray(value)) return value.map(hashable);
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => [key, hashable((value as Record<string, unknown>)[key])]);
    return Object.fromEntries(entries) as { [key: string]: Hashable };
  }
  return pythonStr(value);
}

/** Python's str() of a YAML scalar: None, True/False, ints and floats as Python prints them. */
function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? floatStr(value) : value > 0 ? 'inf' : value < 0 ? '-inf' : 'nan';
  return String(value);
}

/** Python prints floats with a trailing `.0` when integral and in exponent form past 1e16. */
function floatStr(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** repr() of a hashable value, as CPython prints it. */
export function pythonRepr(value: Hashable): string {
  if (typeof value === 'string') return reprString(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value).map(([key, item]) => `${reprString(key)}: ${pythonRepr(item)}`).join(', ')}}`;
}

/** CPython's unicode_repr: single quotes unless the text has ' and no ", escapes for the rest. */
function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) out += escapeChar(char, quote);
  return out + quote;
}

function escapeChar(char: string, quote: string): string {
  if (char === quote || char === '\\') return `\\${char}`;
  if (char === '\t') return '\\t';
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return char;
}

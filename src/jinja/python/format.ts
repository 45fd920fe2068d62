/**
 * Python's two string formattings, as templates use them: `'{}_{}'.format(a, b)` (with
 * `{0}`, `{name}`, `{x.attr}`, `{:>10}`, `{:.2f}`, `{:,}`) and `'%s = %05.1f' % (a, b)`
 * (and `%(name)s` with a dict). Conversions `!r`/`!s`, `%r` use repr()/str().
 */
import { splitArgs } from './call-args.js';
import { isDict, isNumeric, pyRepr, pyStr, typeName } from './values.js';

const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/;

/** `'...'.format(*args, **kwargs)`. */
export function formatMethod(template: string, args: readonly unknown[]): string {
  const { positional, keywords } = splitArgs(args);
  let auto = 0;
  return template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (match, field: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const [, path = '', conversion, spec = ''] = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/.exec(field ?? '') ?? [];
    const [head, ...rest] = path.split(/(?=[.[])/);
    let value = head === '' ? positional[auto++] : /^\d+$/.test(head) ? positional[Number(head)] : keywords[head];
    for (const step of rest) {
      const key = step.startsWith('.') ? step.slice(1) : step.slice(1, -1);
      value = (value as Record<string, unknown>)?.[/^\d+$/.test(key) && Array.isArray(value) ? Number(key) : key];
    }
    if (value === undefined) throw new Error(`format(): no value for field {${field}}`);
    return formatValue(conversion === 'r' || conversion === 'a' ? pyRepr(value) : value, spec);
  });
}

/** Formats one value by a format spec (`>10`, `.2f`, `,d`, `08.3f`, `x`, `%`). */
export function formatValue(value: unknown, spec: string): string {
  const match = SPEC.exec(spec);
  if (!match) throw new Error(`invalid format specifier '${spec}' for ${typeName(value)}`);
  const [, fill, align, sign = '-', , zero, width, grouping, precision, type] = match;
  // A bool formats as True/False unless a numeric type asks for its number.
  const numeric = typeof value === 'number' || (isNumeric(value) && type !== undefined && type !== 's');
  let body: string;
  if (numeric) body = formatNumber(Number(value), type, precision, grouping);
  else body = precision !== undefined ? pyStr(value).slice(0, Number(precision)) : pyStr(value);
  if (numeric && !body.startsWith('-') && sign !== '-') body = sign + body;
  return pad(body, Number(width ?? 0), zero && !align ? '0' : fill ?? ' ', zero && !align ? '=' : align ?? (numeric ? '>' : '<'));
}

function formatNumber(value: number, type: string | undefined, precision: string | undefined, grouping?: string): string {
  const digits = precision === undefined ? undefined : Number(precision);
  let text: string;
  switch (type) {
    case 'd': case 'n': text = String(Math.trunc(value)); break;
    case 'f': case 'F': text = value.toFixed(digits ?? 6); break;
    case 'e': case 'E': text = pythonExponent(value.toExponential(digits ?? 6)); break;
    case 'g': case 'G': text = String(Number(value.toPrecision(digits || 6))); break;
    case '%': return `${(value * 100).toFixed(digits ?? 6)}%`;
    case 'x': return Math.trunc(value).toString(16);
    case 'X': return Math.trunc(value).toString(16).toUpperCase();
    case 'o': return Math.trunc(value).toString(8);
    case 'b': return Math.trunc(value).toString(2);
    case 'c': return String.fromCodePoint(value);
    default: text = digits === undefined ? pyStr(value) : String(Number(value.toPrecision(digits)));
  }
  if (type === 'E' || type === 'G' || type === 'F') text = text.toUpperCase();
  return grouping ? group(text, grouping) : text;
}

/** JavaScript writes `1.5e+2`; Python `1.500000e+02`. */
function pythonExponent(text: string): string {
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function group(text: string, separator: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function pad(text: string, width: number, fill: string, align: string): string {
  const missing = width - text.length;
  if (missing <= 0) return text;
  if (align === '<') return text + fill.repeat(missing);
  if (align === '^') return fill.repeat(Math.floor(missing / 2)) + text + fill.repeat(Math.ceil(missing / 2));
  if (align === '=' && /^[+\- ]/.test(text)) return text[0] + fill.repeat(missing) + text.slice(1);
  return fill.repeat(missing) + text;
}

const PERCENT = /%(?:\(([^)]*)\))?([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sridfFeEgGxXoc%])/g;

/** `template % values`: a tuple (list), a dict for `%(name)s`, or one value. */
export function percentFormat(template: string, values: unknown): string {
  const list = Array.isArray(values) ? values : [values];
  let next = 0;
  const text = template.replace(PERCENT, (_all, name: string | undefined, flags: string, width: string | undefined, precision: string | undefined, type: string) => {
    if (type === '%') return '%';
    const value = name !== undefined && isDict(values) ? values[name] : list[next++];
    if (value === undefined) throw new Error('not enough arguments for format string');
    const left = flags.includes('-');
    const fill = flags.includes('0') && !left ? '0' : ' ';
    const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-';
    const spec = `${left ? '<' : '>'}${sign}${width ?? ''}${precision === undefined ? '' : `.${precision}`}`;
    if (type === 's' || type === 'r') return formatValue(type === 'r' ? pyRepr(value) : pyStr(value), `${left ? '<' : '>'}${width ?? ''}${precision === undefined ? '' : `.${precision}`}`);
    const numberType = type === 'i' || type === 'd' ? 'd' : type;
    return fill === '0' ? formatValue(value, `${sign}0${width ?? ''}${precision === undefined ? '' : `.${precision}`}${numberType}`) : formatValue(value, spec + numberType);
  });
  if (!isDict(values) && next < list.length) throw new Error('not all arguments converted during string formatting');
  return text;
}

/**
 * Jinja's operators with Python's meaning: `[1] + [2]` is `[1, 2]`, `'-' * 3` is `'---'`,
 * `'%s' % x` formats, `~` joins str() of both sides, `in` searches lists by value and dicts by key,
 * comparisons chain, slices take negative bounds and steps. A value may implement `__add__`,
 * `__sub__` (dates do). What Python refuses (`'a' + 1`) is an error, not a coercion.
 */
import { percentFormat } from './format.js';
import { asStr, dictKeys, isDict, isNumeric, isStr, pyEquals, pyOrder, pyStr, typeName } from './values.js';

interface Arithmetic {
  __add__?(other: unknown): unknown;
  __radd__?(other: unknown): unknown;
  __sub__?(other: unknown): unknown;
}

const NOT_IMPLEMENTED = undefined;

function unsupported(op: string, a: unknown, b: unknown): never {
  throw new Error(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function add(a: unknown, b: unknown): unknown {
  if (isNumeric(a) && isNumeric(b)) return Number(a) + Number(b);
  if (isStr(a) && isStr(b)) return asStr(a) + asStr(b);
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  const sum = (a as Arithmetic | null)?.__add__?.(b) ?? (b as Arithmetic | null)?.__radd__?.(a);
  return sum !== NOT_IMPLEMENTED ? sum : unsupported('+', a, b);
}

function sub(a: unknown, b: unknown): unknown {
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  const difference = (a as Arithmetic | null)?.__sub__?.(b);
  return difference !== NOT_IMPLEMENTED ? difference : unsupported('-', a, b);
}

function mul(a: unknown, b: unknown): unknown {
  if (isNumeric(a) && isNumeric(b)) return Number(a) * Number(b);
  const [seq, times] = isNumeric(b) ? [a, Number(b)] : isNumeric(a) ? [b, Number(a)] : [undefined, 0];
  if (isStr(seq)) return asStr(seq).repeat(Math.max(0, times));
  if (Array.isArray(seq)) return Array.from({ length: Math.max(0, times) }, () => seq).flat(1);
  return unsupported('*', a, b);
}

function mod(a: unknown, b: unknown): unknown {
  if (isStr(a)) return percentFormat(asStr(a), b);
  if (!isNumeric(a) || !isNumeric(b)) return unsupported('%', a, b);
  if (Number(b) === 0) throw new Error('integer division or modulo by zero');
  // Python's remainder takes the sign of the divisor.
  return ((Number(a) % Number(b)) + Number(b)) % Number(b);
}

/** `a op b` for `+ - * % ~`. */
export function binary(op: string, a: unknown, b: unknown): unknown {
  switch (op) {
    case '+': return add(a, b);
    case '-': return sub(a, b);
    case '*': return mul(a, b);
    case '%': return mod(a, b);
    case '~': return pyStr(a) + pyStr(b);
    default: throw new Error(`unknown operator ${op}`);
  }
}

function compareOnce(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==': case '===': return pyEquals(a, b);
    case '!=': case '!==': return !pyEquals(a, b);
    case '<': return pyOrder(a, b) < 0;
    case '>': return pyOrder(a, b) > 0;
    case '<=': return pyOrder(a, b) <= 0;
    case '>=': return pyOrder(a, b) >= 0;
    default: throw new Error(`unknown comparison ${op}`);
  }
}

/** `a op1 b op2 c ...`: true when every adjacent comparison holds (Python chains them). */
export function compareChain(first: unknown, rest: unknown[]): boolean {
  let left = first;
  for (let i = 0; i < rest.length; i += 2) {
    const right = rest[i + 1];
    if (!compareOnce(left, String(rest[i]), right)) return false;
    left = right;
  }
  return true;
}

/** `item in container`. */
export function contains(container: unknown, item: unknown): boolean {
  if (isStr(container)) {
    if (!isStr(item)) throw new Error(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return asStr(container).includes(asStr(item));
  }
  if (Array.isArray(container)) return container.some((value) => pyEquals(value, item));
  if (isDict(container)) return isStr(item) && dictKeys(container).includes(asStr(item));
  if (container instanceof Map || container instanceof Set) return container.has(item);
  const like = container as { __contains__?(x: unknown): boolean } | null | undefined;
  if (typeof like?.__contains__ === 'function') return like.__contains__(item);
  if (like && typeof (like as Iterable<unknown>)[Symbol.iterator] === 'function') return [...(like as Iterable<unknown>)].some((v) => pyEquals(v, item));
  throw new Error(`argument of type '${typeName(container)}' is not iterable`);
}

/** What a one-variable for loop walks: a dict's keys, any iterable's items. */
export function iterate(value: unknown): unknown {
  if (isDict(value)) return dictKeys(value);
  if (value instanceof Map) return [...value.keys()];
  if (value instanceof String) return [...asStr(value)];
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Symbol.iterator in value) return [...(value as Iterable<unknown>)];
  return value;
}

/** `value[start:stop:step]` for strings and lists. */
export function slice(value: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  const items = isStr(value) ? [...asStr(value)] : Array.isArray(value) ? value : unsupported('[:]', value, start);
  const by = step === undefined || step === null ? 1 : Number(step);
  if (by === 0) throw new Error('slice step cannot be zero');
  const length = items.length;
  const clamp = (bound: unknown, fallback: number, low: number, high: number) => {
    if (bound === undefined || bound === null) return fallback;
    const n = Number(bound) < 0 ? length + Number(bound) : Number(bound);
    return Math.min(Math.max(n, low), high);
  };
  const from = by > 0 ? clamp(start, 0, 0, length) : clamp(start, length - 1, -1, length - 1);
  const to = by > 0 ? clamp(stop, length, 0, length) : clamp(stop, -1, -1, length - 1);
  const out: unknown[] = [];
  for (let i = from; by > 0 ? i < to : i > to; i += by) out.push(items[i]);
  return isStr(value) ? out.join('') : out;
}

/** The value of `{% set a, b = value %}`, which must hold exactly `count` items. */
export function unpack(value: unknown, count: number): unknown[] {
  const items = isStr(value) ? [...asStr(value)] : Array.isArray(value) ? value : undefined;
  if (!items) throw new Error(`cannot unpack non-iterable ${typeName(value)} object`);
  if (items.length !== count) throw new Error(`cannot unpack ${items.length} values into ${count} names`);
  return items;
}

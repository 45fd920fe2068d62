/** Exact decimal arithmetic on digit strings, so numbers never pass through a lossy double. */

/** An exact decimal: sign, integer digits without leading zeros, fraction digits without trailing zeros. */
export interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
}

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

// Past any precision Postgres or Redshift allows; clamping keeps `1e999999999` from building a
// billion-digit string while still reading as far too large (or far too small) for every type.
const MAX_EXPONENT = 1100;

/** Reads `-12.50`, `1e3`, `.5`, `+7`; undefined when the text is not a decimal number. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, intText, fracText = '', expText] = match;
  if (intText.length === 0 && fracText.length === 0) return undefined;
  const exponent = Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, Number(expText ?? '0')));
  const digits = intText + fracText;
  const point = intText.length + exponent;
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  return normalized(sign === '-', int, frac);
}

function normalized(negative: boolean, int: string, frac: string): Decimal {
  int = int.replace(/^0+/, '');
  frac = frac.replace(/0+$/, '');
  return { negative: negative && (int.length > 0 || frac.length > 0), int, frac };
}

/** Rounds to `scale` fraction digits, half away from zero (as Postgres numeric does). */
export function roundDecimal(value: Decimal, scale: number): Decimal {
  if (value.frac.length <= scale) return value;
  const roundUp = value.frac.charCodeAt(scale) >= 53; // '5'
  let digits = value.int + value.frac.slice(0, scale);
  if (roundUp) digits = incrementDigits(digits);
  const point = digits.length - scale;
  return normalized(value.negative, digits.slice(0, point), digits.slice(point));
}

function incrementDigits(digits: string): string {
  let k = digits.length - 1;
  while (k >= 0 && digits[k] === '9') k--;
  const carried = '0'.repeat(digits.length - 1 - k);
  if (k < 0) return '1' + carried;
  return digits.slice(0, k) + String(Number(digits[k]) + 1) + carried;
}

/** Formats as plain decimal text: `-12.5`, `0.001`, `0`. */
export function formatDecimal(value: Decimal): string {
  const int = value.int.length > 0 ? value.int : '0';
  const text = value.frac.length > 0 ? `${int}.${value.frac}` : int;
  return value.negative ? `-${text}` : text;
}

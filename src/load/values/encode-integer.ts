/** smallint, integer, bigint: JSON integers or strings holding one, range-checked. */

import { COPY_NULL } from '../copy-text.js';
import { formatDecimal, parseDecimal } from '../decimal.js';
import { describeValue, numericText, reject, type Encoder } from './value-error.js';

/** What the integer encoder needs to know about its column type. */
export interface IntegerSpec {
  label: string;
  min: bigint;
  max: bigint;
}

/** Builds the encoder for an integer column. */
export function integerEncoder(spec: IntegerSpec): Encoder {
  // Bounds as doubles: min and max + 1 are powers of two, so both are exact.
  const lower = Number(spec.min);
  const upper = Number(spec.max + 1n);
  return (value) => {
    // Fast path: a JSON integer that fits (JSON.parse only yields doubles that are exact here,
    // since the scanner sends records with long digit runs to the lossless parser).
    if (typeof value === 'number' && Number.isInteger(value) && value >= lower && value < upper) {
      return String(value);
    }
    if (value === '') return COPY_NULL;
    // Fast path: a short string of digits ("userId": "39") goes to Postgres as written.
    if (typeof value === 'string' && isShortInteger(value)) {
      const number = Number(value);
      if (number >= lower && number < upper) return value;
    }
    return fromText(value, spec);
  };
}

/** An optional minus and 1 to 15 digits: exact as a double, and valid integer input as written. */
function isShortInteger(text: string): boolean {
  const first = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  if (text.length === first || text.length - first > 15) return false;
  for (let k = first; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function fromText(value: unknown, spec: IntegerSpec): string {
  const text = numericText(value);
  const decimal = text === undefined ? undefined : parseDecimal(text);
  if (decimal === undefined) return reject(`value ${describeValue(value)} is not an integer`);
  if (decimal.frac.length > 0) return reject(`value ${describeValue(value)} is not an integer`);
  const big = BigInt(decimal.int || '0') * (decimal.negative ? -1n : 1n);
  if (big < spec.min || big > spec.max) return reject(`value ${describeValue(value)} is out of range for ${spec.label}`);
  return formatDecimal(decimal);
}

/** real and double precision: JSON numbers or numeric strings, range-checked like Postgres. */

import { COPY_NULL } from '../copy-text.js';
import { parseDecimal } from '../decimal.js';
import { describeValue, numericText, reject, type Encoder } from './value-error.js';

/** Builds the encoder for a float column; `single` means real (float4). */
export function floatEncoder(label: string, single: boolean): Encoder {
  return (value) => {
    // String(double) is the shortest text that reads back as the same double.
    if (typeof value === 'number' && fits(value, value !== 0, single)) return String(value);
    if (value === '') return COPY_NULL;
    const text = numericText(value);
    const decimal = text === undefined ? undefined : parseDecimal(text);
    if (text === undefined || decimal === undefined) return reject(`value ${describeValue(value)} is not a number`);
    const nonZero = decimal.int.length > 0 || decimal.frac.length > 0;
    if (!fits(Number(text), nonZero, single)) return reject(`value ${describeValue(value)} is out of range for ${label}`);
    // Pass the text itself: Postgres rounds it once, where a double would round twice for real.
    return text.trim();
  };
}

// Postgres rejects overflow and an underflow to zero, but keeps denormals.
function fits(value: number, nonZero: boolean, single: boolean): boolean {
  const stored = single ? Math.fround(value) : value;
  return Number.isFinite(stored) && (stored !== 0 || !nonZero);
}

/** numeric(p,s) / decimal(p,s): exact digits, rounded to the scale, checked against the precision. */

import { COPY_NULL } from '../copy-text.js';
import { formatDecimal, parseDecimal, roundDecimal } from '../decimal.js';
import { describeValue, numericText, reject, type Encoder } from './value-error.js';

/** What the numeric encoder needs: precision undefined means unconstrained `numeric`. */
export interface NumericSpec {
  label: string;
  precision?: number;
  scale: number;
}

/** Builds the encoder for a numeric column. */
export function numericEncoder(spec: NumericSpec): Encoder {
  return (value) => {
    if (value === '') return COPY_NULL;
    const text = numericText(value);
    const decimal = text === undefined ? undefined : parseDecimal(text);
    if (text === undefined || decimal === undefined) return reject(`value ${describeValue(value)} is not a number`);
    // Unconstrained numeric takes the text as written (Postgres reads exponents itself).
    if (spec.precision === undefined) return text.trim();
    const rounded = roundDecimal(decimal, spec.scale);
    if (rounded.int.length > spec.precision - spec.scale) {
      return reject(`value ${describeValue(value)} does not fit ${spec.label}`);
    }
    return formatDecimal(rounded);
  };
}

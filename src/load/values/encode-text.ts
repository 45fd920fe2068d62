/** varchar(n), char(n), text: strings as is, other JSON values as their text, length-checked. */

import { stringify } from 'lossless-json';
import { escapeCopyText } from '../copy-text.js';
import { cut, measure, surelyFits, type LengthUnit } from './text-length.js';
import { numberText, reject, type Encoder } from './value-error.js';

/** What the text encoder needs: the length limit (if any), its unit and whether to truncate. */
export interface TextSpec {
  label: string;
  length?: number;
  unit: LengthUnit;
  truncate: boolean;
}

// Characters COPY escapes, plus NUL, which the encoder refuses.
const NEEDS_WORK = /[\\\t\n\r\0]/;

/** Builds the encoder for a text column. */
export function textEncoder(spec: TextSpec): Encoder {
  const limit = spec.length;
  return (value) => {
    // Fast path: a short string with nothing to escape or refuse is its own field.
    if (typeof value === 'string' && (limit === undefined || surelyFits(value, limit, spec.unit)) && !NEEDS_WORK.test(value)) {
      return value;
    }
    const text = typeof value === 'string' ? checkedString(value) : asText(value);
    const fitted = limit === undefined || surelyFits(text, limit, spec.unit) ? text : fit(text, limit, spec);
    return escapeCopyText(fitted);
  };
}

function checkedString(value: string): string {
  // Postgres text cannot hold NUL at all, so no escaping can carry it.
  if (value.indexOf('\0') !== -1) reject('value contains a NUL character (\\u0000), which PostgreSQL text cannot hold');
  return value;
}

/** Numbers keep their source text, booleans read true/false, objects and arrays their JSON. */
function asText(value: unknown): string {
  const number = numberText(value);
  if (number !== undefined) return number;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // lossless-json's stringify writes lossless numbers back as their exact digits.
  return stringify(value) ?? '';
}

function fit(text: string, limit: number, spec: TextSpec): string {
  const size = measure(text, spec.unit);
  if (size <= limit) return text;
  if (spec.truncate) return cut(text, limit, spec.unit);
  const unit = spec.unit === 'bytes' ? 'bytes' : 'characters';
  return reject(`value of ${size} ${unit} does not fit ${spec.label}`);
}

/** boolean: JSON true/false, or the strings t/f/true/false/1/0 (any case). */

import { COPY_NULL } from '../copy-text.js';
import { describeValue, reject, type Encoder } from './value-error.js';

const WORDS = new Map([['t', 't'], ['true', 't'], ['1', 't'], ['f', 'f'], ['false', 'f'], ['0', 'f']]);

/** Builds the encoder for a boolean column. */
export function booleanEncoder(): Encoder {
  return (value) => {
    if (value === true) return 't';
    if (value === false) return 'f';
    if (value === '') return COPY_NULL;
    const word = typeof value === 'string' ? WORDS.get(value.trim().toLowerCase()) : undefined;
    return word ?? reject(`value ${describeValue(value)} is not a boolean`);
  };
}

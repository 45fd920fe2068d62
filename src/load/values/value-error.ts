/** The shared vocabulary of the value encoders: the Encoder contract, its error and helpers. */

import { LosslessNumber } from 'lossless-json';

/**
 * Turns one JSON value (never null or undefined: the caller writes NULL for those) into a COPY
 * text field, already escaped. Throws ValueError when the value does not fit the column.
 */
export type Encoder = (value: unknown) => string;

/** A value that does not fit its column; the message reads `value "abc" is not an integer`. */
export class ValueError extends Error {
  override name = 'ValueError';
}

/** The source text of a JSON number (a double or a lossless number), else undefined. */
export function numberText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (value instanceof LosslessNumber) return value.value;
  return undefined;
}

/** A number's text or a string itself: what numeric columns accept. */
export function numericText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : numberText(value);
}

/** Renders a value for a message: `"abc"`, `1.5`, `true`, `{…}`, `[…]`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  const number = numberText(value);
  if (number !== undefined) return number;
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object' && value !== null) return '{…}';
  return String(value);
}

/** Throws a ValueError; a helper so encoders read as a list of checks. */
export function reject(message: string): never {
  throw new ValueError(message);
}

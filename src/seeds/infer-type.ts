/** Column types of a seed, inferred from every value of its CSV column (dbt infers them with agate). */

const INTEGER = /^[-+]?\d+$/;
const DOUBLE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
const INT32 = 2n ** 31n;
const INT64 = 2n ** 63n;

/** The types a seed column may be inferred as, narrowest first. */
export type InferredType = 'integer' | 'bigint' | 'numeric' | 'double precision' | 'boolean' | 'date' | 'timestamp' | 'text';

/**
 * The narrowest type every non-empty value fits (empty values load as NULL). A column of only empty
 * values is text. Integers past bigint become numeric rather than double precision, which would
 * silently drop digits.
 */
export function inferColumnType(values: Iterable<string>): InferredType {
  const present = [...values].filter((v) => v !== '');
  if (present.length === 0) return 'text';
  if (present.every((v) => INTEGER.test(v))) return integerType(present);
  if (present.every((v) => DOUBLE.test(v) && Number.isFinite(Number(v)))) return 'double precision';
  if (present.every((v) => BOOLEAN.test(v))) return 'boolean';
  if (present.every((v) => DATE.test(v) && validDate(v))) return 'date';
  if (present.every((v) => TIMESTAMP.test(v) && validDate(v.slice(0, 10)))) return 'timestamp';
  return 'text';
}

function integerType(values: string[]): InferredType {
  const widest = values.reduce((max, v) => {
    const n = BigInt(v);
    const magnitude = n < 0n ? -n - 1n : n; // -2^31 fits in integer, 2^31 does not
    return magnitude > max ? magnitude : max;
  }, 0n);
  if (widest < INT32) return 'integer';
  return widest < INT64 ? 'bigint' : 'numeric';
}

/** 2024-02-30 looks like a date but PostgreSQL refuses it: such a column stays text. */
function validDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

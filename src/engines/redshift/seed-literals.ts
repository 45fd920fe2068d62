/** A seed's CSV values as Redshift SQL literals, checked against their column types at plan time. */
import { parseColumnType, type ColumnType } from '../../load/column-types.js';
import { buildEncoder, type EncoderSettings } from '../../load/values/build-encoder.js';
import { measure } from '../../load/values/text-length.js';
import { describeValue, reject, type Encoder } from '../../load/values/value-error.js';
import type { SeedColumn, SeedRow } from '../../manifest/seed-node.js';
import { quoteRedshiftLiteral } from '../../sql/quote.js';

/**
 * Redshift's VARCHAR limit, and the length it gives TEXT and a VARCHAR without one
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_Character_types.html). Lengths count bytes.
 */
export const VARCHAR_MAX = 65535;
const VARCHAR_DEFAULT = 256;

/** A bare NUMERIC is NUMERIC(18,0) on Redshift (https://docs.aws.amazon.com/redshift/latest/dg/r_Numeric_types201.html). */
const NUMERIC_DEFAULT = { precision: 18, scale: 0 };

/** Inferred integers past bigint: Redshift's widest exact type. */
const WIDE_NUMERIC = 'numeric(38,0)';

/** Turns one CSV value into a SQL literal for its column; throws ValueError when it does not fit. */
export type LiteralEncoder = (value: string) => string;

/**
 * The type CREATE TABLE gives a seed column on Redshift. A declared type is kept as written. An
 * inferred text column becomes VARCHAR sized to its longest value in bytes, as dbt-redshift sizes
 * seed columns (64 when every value is empty), since Redshift's TEXT would be VARCHAR(256); an
 * inferred numeric (integers past bigint) becomes NUMERIC(38,0), since a bare NUMERIC is (18,0).
 */
export function redshiftSeedType(column: SeedColumn, rows: readonly SeedRow[], index: number): string {
  if (column.declared) return column.type;
  if (column.type === 'numeric') return WIDE_NUMERIC;
  if (column.type !== 'text') return column.type;
  const longest = rows.reduce((max, row) => Math.max(max, measure(row.values[index] ?? '', 'bytes')), 0);
  return `varchar(${longest === 0 ? 64 : Math.min(longest, VARCHAR_MAX)})`;
}

/**
 * The encoder for a column of Redshift type `type`. An empty CSV value is NULL, as on the COPY path
 * (seed-feed.ts), so `""` is NULL too. Values are checked by the source loader's encoders, then
 * written as literals: numbers bare (the encoders let through digits, sign, point and exponent
 * only), booleans TRUE/FALSE, dates and timestamps CAST from their ISO text, text quoted for
 * Redshift (quoteRedshiftLiteral doubles backslashes as well as quotes).
 */
export function literalEncoder(type: string): LiteralEncoder {
  const parsed = parseColumnType(type);
  // Compile has checked declared types (SPK353) and infers only known ones.
  if (!parsed) throw new Error(`seed column type '${type}' is not one sparkify can check values for`);
  const encode = valueEncoder(onRedshift(parsed));
  return (value) => (value === '' ? 'NULL' : encode(value));
}

/** Redshift's defaults where PostgreSQL would have none: VARCHAR(256), NUMERIC(18,0). */
function onRedshift(type: ColumnType): ColumnType {
  if (type.kind === 'numeric' && type.precision === undefined) return { ...type, ...NUMERIC_DEFAULT, label: 'numeric(18,0)' };
  if (type.kind === 'text' && type.length === undefined) return { ...type, length: VARCHAR_DEFAULT, label: `${type.label} (varchar(${VARCHAR_DEFAULT}) on Redshift)` };
  return type;
}

/** How the loader's encoders read seed values: ISO times, nothing truncated, lengths in bytes. */
const SEED_SETTINGS: EncoderSettings = { timeformat: 'auto', truncatecolumns: false, varcharLength: 'bytes' };

/** The loader's encoder for the column (it checks the value), with its text form written as a literal. */
function valueEncoder(type: ColumnType): Encoder {
  if (type.kind === 'text') return textLiteral(type.label, type.length ?? VARCHAR_DEFAULT, /^char\(/.test(type.label));
  const encode = buildEncoder(type, SEED_SETTINGS);
  switch (type.kind) {
    case 'boolean':
      return (value) => (encode(value) === 't' ? 'TRUE' : 'FALSE');
    case 'date':
      return (value) => `CAST(${quoteRedshiftLiteral(encode(value))} AS DATE)`;
    case 'timestamp': {
      const cast = type.withZone ? 'TIMESTAMPTZ' : 'TIMESTAMP';
      return (value) => `CAST(${quoteRedshiftLiteral(encode(value).replace('T', ' '))} AS ${cast})`;
    }
    default:
      return encode; // integer, float, numeric: digits, sign, point and exponent only
  }
}

/** VARCHAR(n) and CHAR(n) count bytes on Redshift, and CHAR holds single-byte characters only. */
function textLiteral(label: string, limit: number, fixed: boolean): Encoder {
  return (value) => {
    const text = String(value);
    if (text.includes('\0')) reject('value contains a NUL character (\\u0000), which Redshift text cannot hold');
    if (fixed && /[^\x00-\x7f]/.test(text)) reject(`value ${describeValue(text)} has a multibyte character, which ${label} cannot hold on Redshift (use varchar)`);
    const size = measure(text, 'bytes');
    if (size > limit) reject(`value of ${size} bytes does not fit ${label}`);
    return quoteRedshiftLiteral(text);
  };
}

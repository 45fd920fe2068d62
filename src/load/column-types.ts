/** Reads the SQL type a source column declares into what the loader needs to check its values. */

/** A declared column type, reduced to what value checking needs. `label` names it in messages. */
export type ColumnType =
  | { kind: 'integer'; label: string; min: bigint; max: bigint }
  | { kind: 'float'; label: string; single: boolean }
  | { kind: 'numeric'; label: string; precision?: number; scale: number }
  | { kind: 'text'; label: string; length?: number }
  | { kind: 'boolean'; label: string }
  | { kind: 'timestamp'; label: string; withZone: boolean }
  | { kind: 'date'; label: string };

const INTEGERS: Record<string, { label: string; bits: number }> = {
  smallint: { label: 'smallint', bits: 16 },
  int2: { label: 'smallint', bits: 16 },
  integer: { label: 'integer', bits: 32 },
  int: { label: 'integer', bits: 32 },
  int4: { label: 'integer', bits: 32 },
  bigint: { label: 'bigint', bits: 64 },
  int8: { label: 'bigint', bits: 64 },
};

const FLOATS: Record<string, boolean> = {
  real: true,
  float4: true,
  'double precision': false,
  float8: false,
  float: false,
};

/** Lower-cases and collapses spacing so `Numeric( 10, 5 )` reads like `numeric(10,5)`. */
function normalize(type: string): string {
  return type.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1');
}

/** Parses a declared SQL type; undefined when the loader does not know it. */
export function parseColumnType(declared: string): ColumnType | undefined {
  const type = normalize(declared);
  const integer = INTEGERS[type];
  if (integer) return integerType(integer.label, integer.bits);
  if (type in FLOATS) return floatType(FLOATS[type]);
  if (type === 'boolean' || type === 'bool') return { kind: 'boolean', label: 'boolean' };
  if (type === 'date') return { kind: 'date', label: 'date' };
  return parseParameterized(type);
}

function parseParameterized(type: string): ColumnType | undefined {
  let match = /^float\((\d+)\)$/.exec(type);
  if (match) return floatPrecision(Number(match[1]));
  match = /^(?:numeric|decimal)(?:\((\d+)(?:,(\d+))?\))?$/.exec(type);
  if (match) return numericType(match[1], match[2]);
  match = /^(varchar|character varying|nvarchar|char|character|nchar|bpchar|text)(?:\((\d+)\))?$/.exec(type);
  if (match) return textType(match[1], match[2]);
  match = /^(timestamp(?:\(\d\))?)( without time zone| with time zone)?$|^timestamptz(?:\(\d\))?$/.exec(type);
  if (match) return timestampType(match[1] === undefined || match[2] === ' with time zone');
  return undefined;
}

function integerType(label: string, bits: number): ColumnType {
  const max = (1n << BigInt(bits - 1)) - 1n;
  return { kind: 'integer', label, min: -max - 1n, max };
}

function floatType(single: boolean): ColumnType {
  return { kind: 'float', label: single ? 'real' : 'double precision', single };
}

// Postgres: float(1..24) is real, float(25..53) double precision.
function floatPrecision(bits: number): ColumnType | undefined {
  if (bits < 1 || bits > 53) return undefined;
  return floatType(bits <= 24);
}

function numericType(precisionText?: string, scaleText?: string): ColumnType | undefined {
  // Bare numeric is unconstrained in Postgres, which is where these rows land.
  if (precisionText === undefined) return { kind: 'numeric', label: 'numeric', scale: 0 };
  const precision = Number(precisionText);
  const scale = Number(scaleText ?? '0');
  if (precision < 1 || precision > 1000 || scale > precision) return undefined;
  return { kind: 'numeric', label: `numeric(${precision},${scale})`, precision, scale };
}

function textType(name: string, lengthText?: string): ColumnType | undefined {
  if (name === 'text') return lengthText === undefined ? { kind: 'text', label: 'text' } : undefined;
  const fixed = name === 'char' || name === 'character' || name === 'nchar' || name === 'bpchar';
  const base = fixed ? 'char' : 'varchar';
  // Postgres: char means char(1); varchar without a length is unbounded.
  if (lengthText === undefined) return fixed ? { kind: 'text', label: 'char(1)', length: 1 } : { kind: 'text', label: base };
  const length = Number(lengthText);
  if (length < 1) return undefined;
  return { kind: 'text', label: `${base}(${length})`, length };
}

function timestampType(withZone: boolean): ColumnType {
  return { kind: 'timestamp', label: withZone ? 'timestamptz' : 'timestamp', withZone };
}

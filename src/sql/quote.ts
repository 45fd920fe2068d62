import { fail } from '../diagnostics.js';

/** Postgres (and Redshift) silently truncate identifiers past 63 bytes; we refuse them instead. */
const MAX_IDENTIFIER_BYTES = 63;

/** Quotes an identifier for Postgres/Redshift, doubling any embedded `"`. */
export function quoteIdentifier(name: string): string {
  if (Buffer.byteLength(name, 'utf8') > MAX_IDENTIFIER_BYTES) {
    fail('SPK020', `identifier "${name}" is longer than ${MAX_IDENTIFIER_BYTES} bytes`, undefined,
      'Postgres would truncate it silently; choose a shorter name or alias');
  }
  if (name.includes('\u0000')) fail('SPK020', 'identifier contains a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal by doubling `'` (standard_conforming_strings is on everywhere we run). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) fail('SPK021', 'string literal contains a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

/** A schema-qualified relation. */
export interface Relation {
  schema: string;
  identifier: string;
}

/** Renders `"schema"."identifier"`. */
export function quoteRelation(relation: Relation): string {
  return `${quoteIdentifier(relation.schema)}.${quoteIdentifier(relation.identifier)}`;
}

/** Renders a JS value as a SQL literal: strings quoted, numbers and booleans as is, null as NULL. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return quoteLiteral(typeof value === 'string' ? value : JSON.stringify(value));
}

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

/**
 * Quotes a string literal for Amazon Redshift, which reads a backslash in '...' as an escape (`'it\'s'` is one
 * literal there, where PostgreSQL would end it after the backslash): backslashes are doubled as well as `'`, so the value
 * arrives unchanged and cannot end the literal early. See QUOTE_LITERAL, which doubles both
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_QUOTE_LITERAL.html).
 */
export function quoteRedshiftLiteral(value: string): string {
  if (value.includes('\u0000')) fail('SPK021', 'string literal contains a NUL character');
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Quotes one string as a SQL string literal of some engine. */
export type LiteralQuoter = (value: string) => string;

/**
 * The literal quoting of a target type: quoteRedshiftLiteral on Redshift, whose '...' literals read a
 * backslash as an escape (as its QUOTE_LITERAL shows by doubling backslashes:
 * https://docs.aws.amazon.com/redshift/latest/dg/r_QUOTE_LITERAL.html), quoteLiteral on PostgreSQL and
 * PGlite (standard_conforming_strings on: a backslash is an ordinary character). Every literal
 * compiled or planned for a target goes through its quoter.
 */
export function literalQuoter(targetType: string): LiteralQuoter {
  return targetType === 'redshift' ? quoteRedshiftLiteral : quoteLiteral;
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

/**
 * Renders a JS value as a SQL literal: strings quoted by `quote` (the target's literalQuoter),
 * numbers and booleans as is, null as NULL.
 */
export function sqlLiteral(value: unknown, quote: LiteralQuoter): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return quote(typeof value === 'string' ? value : JSON.stringify(value));
}

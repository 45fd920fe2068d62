import { SqlErrors } from './error-codes.js';
import { fail } from '../diagnostics.js';

/** PostgreSQL silently truncates identifiers past 63 bytes (NAMEDATALEN - 1); we refuse them instead. */
export const POSTGRES_MAX_IDENTIFIER_BYTES = 63;

/** Quotes an identifier for PostgreSQL and PGlite, doubling any embedded `"` (one argument: safe in `.map`). */
export function quoteIdentifier(name: string): string {
  return quoteIdentifierWithin(name, POSTGRES_MAX_IDENTIFIER_BYTES);
}

/** Quotes an identifier; longer than `maxBytes` (the engine's limit) is refused, never truncated. */
export function quoteIdentifierWithin(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name, 'utf8') > maxBytes) {
    fail(SqlErrors.identifierTooLong, `identifier "${name}" is longer than ${maxBytes} bytes`, undefined,
      'the engine would truncate it silently; choose a shorter name or alias');
  }
  if (name.includes('\u0000')) fail(SqlErrors.identifierTooLong, 'identifier contains a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal by doubling `'` (standard_conforming_strings is on everywhere we run). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) fail(SqlErrors.nulInLiteral, 'string literal contains a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Quotes a string literal for Amazon Redshift, which reads a backslash in '...' as an escape (`'it\'s'` is one
 * literal there, where PostgreSQL would end it after the backslash): backslashes are doubled as well as `'`, so the value
 * arrives unchanged and cannot end the literal early. See QUOTE_LITERAL, which doubles both
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_QUOTE_LITERAL.html).
 */
export function quoteRedshiftLiteral(value: string): string {
  if (value.includes('\u0000')) fail(SqlErrors.nulInLiteral, 'string literal contains a NUL character');
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Quotes one string as a SQL string literal of some engine. */
export type LiteralQuoter = (value: string) => string;

/** How one engine quotes: identifiers (with its length limit), relations and string literals. */
export interface SqlQuoting {
  readonly maxIdentifierBytes: number;
  /** A name as the engine stores it: lower-cased where it folds quoted names too (Redshift), else unchanged. */
  fold(name: string): string;
  /** `"name"`, folded first (the name as the engine stores it, so catalog lookups match what it quotes). */
  identifier(name: string): string;
  relation(relation: Relation): string;
  /** quoteLiteral, or quoteRedshiftLiteral where '...' reads a backslash as an escape. */
  literal: LiteralQuoter;
}

/** The quoting of an engine from its capabilities (see src/engines/engine.ts). */
export function sqlQuoting(options: { maxIdentifierBytes: number; backslashEscapesInLiterals: boolean; foldsIdentifiers?: boolean }): SqlQuoting {
  const max = options.maxIdentifierBytes;
  const fold = options.foldsIdentifiers ? foldAsciiToLower : (name: string) => name;
  const identifier = (name: string) => quoteIdentifierWithin(fold(name), max);
  return {
    maxIdentifierBytes: max,
    fold,
    identifier,
    relation: (relation) => `${identifier(relation.schema)}.${identifier(relation.identifier)}`,
    literal: options.backslashEscapesInLiterals ? quoteRedshiftLiteral : quoteLiteral,
  };
}

/** ASCII letters to lower case, the rest unchanged: how Redshift folds identifiers (r_names.html). */
export function foldAsciiToLower(name: string): string {
  return name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** A relation with its names folded as `quoting` stores them. */
export function foldRelation(relation: Relation, quoting: Pick<SqlQuoting, 'fold'>): Relation {
  return { schema: quoting.fold(relation.schema), identifier: quoting.fold(relation.identifier) };
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

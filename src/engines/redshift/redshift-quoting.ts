/** How Redshift quotes: folded, 127-byte identifiers, and '...' literals that read a backslash as an escape. */
import { sqlQuoting } from '../../sql/quote.js';

/**
 * "Standard identifiers… must be between 1 and 127 bytes long"
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_names.html); QUOTE_LITERAL doubles backslashes
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_QUOTE_LITERAL.html). "ASCII letters in delimited
 * identifiers are case-insensitive and are folded to lowercase" (r_names.html) unless
 * enable_case_sensitive_identifier is on (https://docs.aws.amazon.com/redshift/latest/dg/r_enable_case_sensitive_identifier.html):
 * sparkify folds every name it writes itself, so what it creates, what it quotes and what it looks up
 * in the catalog are one spelling whatever that setting is (`DimTest` is the table `dimtest`).
 */
export const REDSHIFT_QUOTING_RULES = { maxIdentifierBytes: 127, backslashEscapesInLiterals: true, foldsIdentifiers: true } as const;

/** Redshift's quoting. */
export const redshiftQuoting = sqlQuoting(REDSHIFT_QUOTING_RULES);

/** An identifier, folded and quoted within Redshift's limit (one argument: safe in `.map`). */
export const quoteIdentifier = redshiftQuoting.identifier;

/** A relation, `"schema"."identifier"`, folded and quoted within Redshift's limit. */
export const quoteRelation = redshiftQuoting.relation;

/** A name as Redshift stores it (ASCII letters lower-cased), for comparing with what its catalog returns. */
export const foldName = redshiftQuoting.fold;

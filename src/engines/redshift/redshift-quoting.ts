/** How Redshift quotes: 127-byte identifiers, and '...' literals that read a backslash as an escape. */
import { sqlQuoting } from '../../sql/quote.js';

/**
 * "Standard identifiers… must be between 1 and 127 bytes long"
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_names.html); QUOTE_LITERAL doubles backslashes
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_QUOTE_LITERAL.html).
 */
export const REDSHIFT_QUOTING_RULES = { maxIdentifierBytes: 127, backslashEscapesInLiterals: true } as const;

/** Redshift's quoting. */
export const redshiftQuoting = sqlQuoting(REDSHIFT_QUOTING_RULES);

/** An identifier, quoted within Redshift's limit (one argument: safe in `.map`). */
export const quoteIdentifier = redshiftQuoting.identifier;

/** A relation, `"schema"."identifier"`, quoted within Redshift's limit. */
export const quoteRelation = redshiftQuoting.relation;

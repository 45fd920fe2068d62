/** What every engine of the PostgreSQL family shares; each engine spreads it and states the rest. */
import { POSTGRES_MAX_IDENTIFIER_BYTES, sqlQuoting } from '../../sql/quote.js';
import type { EngineCapabilities } from '../engine.js';

/** Transactional DDL, 63-byte names, standard-conforming string literals. */
export const POSTGRES_FAMILY: Pick<EngineCapabilities, 'transactionalDdl' | 'maxIdentifierBytes' | 'backslashEscapesInLiterals' | 'foldsIdentifiers'> = {
  transactionalDdl: true,
  maxIdentifierBytes: POSTGRES_MAX_IDENTIFIER_BYTES,
  // standard_conforming_strings is on: a backslash in '...' is an ordinary character.
  backslashEscapesInLiterals: false,
  // A quoted name keeps its case: "DimTest" is the table DimTest.
  foldsIdentifiers: false,
};

/** How PostgreSQL and PGlite quote. */
export const POSTGRES_QUOTING = sqlQuoting(POSTGRES_FAMILY);

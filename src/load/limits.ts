/** The loader's limits on one record, shared by the scanner and the line fast path. */

/** Longest record kept in memory, in UTF-16 units. Redshift refuses JSON objects over 4 MB; the same limit keeps memory flat on a runaway record. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * Deepest nesting of arrays and objects in a record. Deeper records are bad records (SPK312): the
 * recursive parts of the pipeline (lossless-json, JSON.stringify of a nested value) would exhaust
 * the stack somewhere past ten thousand levels, and no real data nests this deep.
 */
export const MAX_NESTING_DEPTH = 1000;

/** A double holds 15 significant digits exactly; a run of 16+ digits or dots may not survive JSON.parse. */
export const LONG_DIGIT_RUN = 16;

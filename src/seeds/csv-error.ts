import type { Diagnostic } from '../diagnostics.js';

/** Codes of seed problems (SPK35x). */
export const SeedErrors = {
  malformedRow: 'SPK350',
  badHeader: 'SPK351',
  nameTaken: 'SPK352',
  badColumnType: 'SPK353',
  /** A value the database refused while copying the seed (PGlite, PostgreSQL): at its CSV line and column. */
  badValue: 'SPK357',
} as const;

/** A csv-parse error as `seeds/x.csv:line: what`. */
export function csvErrorDiagnostic(error: unknown, path: string, node: string, headerColumns: number): Diagnostic {
  const csv = error as { code?: string; lines?: number; message?: string; record?: unknown[] };
  const message = csv.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && Array.isArray(csv.record)
    ? `the row has ${csv.record.length} values but the header has ${headerColumns} columns`
    : String(csv.message ?? error).replace(/\s*(at|on) line \d+\s*$/, '');
  return {
    code: SeedErrors.malformedRow,
    message: `malformed CSV row: ${message}`,
    location: { file: path, line: csv.lines },
    node,
    hint: 'quote values that hold commas, quotes or line breaks ("a, b"), doubling quotes inside them',
  };
}

import type { Diagnostic } from '../diagnostics.js';
import { SeedErrors } from './error-codes.js';


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

/** Why a file store could not list or read a location, and how that becomes a source table's error. */

import { SparkifyError } from '../diagnostics.js';
import { LoadErrors } from './error-codes.js';
import type { LoadSource } from './types.js';

/**
 * A store's failure, already explained: a diagnostic code, a message naming the location
 * (`s3://bucket/key`) and a hint. `missing` marks a file that does not exist (as opposed to one
 * that could not be reached), which the JSONPaths reader reports in its own words.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
    readonly missing = false,
  ) {
    super(message);
  }
}

/** A StoreError as a SparkifyError at the table's entry in sources.yml. */
export function sourceStoreError(error: StoreError, table: LoadSource): SparkifyError {
  return new SparkifyError({
    code: error.code,
    message: `source table ${table.sourceName}.${table.name}: ${error.message}`,
    location: { file: table.position.file, line: table.position.line },
    node: `source.${table.sourceName}.${table.name}`,
    hint: error.hint,
  });
}

/** Rethrows a StoreError as the table's SparkifyError; anything else as it is. */
export function rethrowForTable(error: unknown, table: LoadSource): never {
  throw error instanceof StoreError ? sourceStoreError(error, table) : error;
}

/**
 * Any error out of a load as the table's SparkifyError: a StoreError explained, an unexpected one
 * (a bug, a worker thread out of memory) as SPK306, so that the executor, which labels what is not
 * a SparkifyError as the database's, does not blame the database.
 */
export function loadFailure(error: unknown, table: LoadSource): SparkifyError {
  if (error instanceof SparkifyError) return error;
  if (error instanceof StoreError) return sourceStoreError(error, table);
  return new SparkifyError({
    code: LoadErrors.failed,
    message: `loading source table ${table.sourceName}.${table.name} failed unexpectedly: ${(error as Error)?.message ?? String(error)}`,
    location: { file: table.position.file, line: table.position.line },
    node: `source.${table.sourceName}.${table.name}`,
    hint: 'this is a bug in the loader or a resource limit (memory); please report it with the output of SPARKIFY_DEBUG=1',
  }, 1);
}

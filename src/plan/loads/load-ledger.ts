/**
 * The load ledger: per source table, one row per file (or S3 object) its staging table holds rows
 * of, written in the same transaction as those rows. A build reads it before planning (with the
 * location's listing) and loads only the files it has not seen (plan-load.ts).
 */
import type { Relation } from '../../sql/quote.js';

/** The column every staged row carries: the load that brought it. Source columns may not use the prefix. */
export const LOAD_ID_COLUMN = '_sparkify_load_id';

/** Names no source column may take: the staging table's own columns start with it. */
export const RESERVED_COLUMN_PREFIX = '_sparkify_';

/**
 * The columns `origin_columns: true` adds to a staging table, filled by the loader: the file each
 * row came from (its ledger key) and the line its record starts on.
 */
export const ORIGIN_COLUMNS = [
  { name: '_sparkify_file', type: 'text' },
  { name: '_sparkify_line', type: 'integer' },
] as const;

/** What the docs site says of a staging table's own columns (no schema file documents them). */
export const OWN_COLUMN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [LOAD_ID_COLUMN]: 'The load that brought the row: the run id of the build that loaded its file (see the load ledger).',
  [ORIGIN_COLUMNS[0].name]: 'The file (path or s3:// URL, as the load ledger keys it) the row was loaded from (origin_columns).',
  [ORIGIN_COLUMNS[1].name]: 'The line of that file its JSON record starts on (origin_columns).',
};

/** The columns the loader fills: the source's own, then the origin columns when asked for. */
export function loadedColumns(source: { columns: { name: string; type: string }[]; originColumns?: boolean }): { name: string; type: string }[] {
  return source.originColumns ? [...source.columns, ...ORIGIN_COLUMNS] : source.columns;
}

/** One file the ledger records. */
export interface LedgerEntry {
  /** The file's absolute path or `s3://bucket/key` URL. */
  key: string;
  size: number;
  /** Modification time (ms) of a local file, ETag of an S3 object. */
  version: string;
  rowsLoaded: number;
  rowsRejected: number;
  /** The load (run id) that brought the file's rows. */
  loadId: string;
  /** The load that last rebuilt the table in full: rows of other full loads are gone. */
  fullLoadId: string;
  /** When the row was written (ISO 8601), where the ledger was read with it. */
  loadedAt?: string;
  /**
   * The fingerprint of the table's definition the rows were loaded under (source-definition.ts);
   * undefined in a ledger written before sparkify recorded it.
   */
  definition?: string;
  /** SHA-256 of the file's bytes as loaded (local files; null on Redshift, whose ETags say as much). */
  checksum?: string;
}

/** A file of the location, as listed before planning. */
export interface ListedFile {
  /** What the loader opens and the ledger's key. */
  path: string;
  /** How messages name it. */
  display: string;
  size: number;
  version?: string;
  /** SHA-256 of its bytes now, computed only for a file whose version changed but not its size (read-load-state.ts). */
  checksum?: string;
}

/** What the build knows of a source before planning: its ledger and its location's files. */
export interface SourceLoadState {
  /** The ledger's rows; undefined when the source has no ledger yet. */
  ledger?: LedgerEntry[];
  /** The location's files; undefined when listing failed (the load lists again and says why). */
  files?: ListedFile[];
  /** The fingerprint of the table's definition now (columns, mapping, options); read with the listing. */
  definition?: string;
}

/** The ledger table beside a staging table: `<table>__sparkify_ledger`. */
export function ledgerRelation(staging: Relation): Relation {
  return { ...staging, identifier: `${staging.identifier}__sparkify_ledger` };
}

/** The table recording which loads of this source each incremental model has consumed. */
export function consumedRelation(staging: Relation): Relation {
  return { ...staging, identifier: `${staging.identifier}__sparkify_consumed` };
}

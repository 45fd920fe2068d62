/**
 * Diagnostic codes of the source loader (SPK30x–SPK31x; S3 locations have theirs in
 * s3/s3-errors.ts). Listed in docs/errors.md; a test keeps the two in step.
 */
export const LoadErrors = {
  /** The location holds no files (a missing or empty folder, a glob matching nothing, an empty S3 prefix). */
  noFiles: 'SPK301',
  /** The JSONPaths file is missing, malformed, or does not list one path per column. */
  jsonpaths: 'SPK302',
  /** A column type the loader cannot read. */
  columnType: 'SPK303',
  /** A listed file cannot be read (permissions, removed meanwhile, an I/O error). */
  unreadable: 'SPK304',
  /** A warning: a column of a `jsonpaths: auto` load that matched no key in any record (loaded NULL). */
  unmatchedColumn: 'SPK305',
  /** The loader stopped on an error it did not expect (a bug, or a resource limit in its worker thread). */
  failed: 'SPK306',
  /** A bad record: malformed JSON, not an object, a value that does not fit its column. */
  badRecord: 'SPK310',
  /** A bad record: invalid UTF-8 bytes or a lone surrogate escape, without accept_invalid_chars. */
  invalidChars: 'SPK311',
  /** A bad record: arrays and objects nested deeper than the loader's limit. */
  tooDeep: 'SPK312',
} as const;

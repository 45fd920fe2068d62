/** Error codes of the loader (SPK30x-31x; S3's are in s3/s3-errors.ts); listed in docs/errors.md. */
export const LoadErrors = {
  /** A source location that holds no file. */
  noFiles: 'SPK301',
  /** The JSONPaths file cannot be read or is not valid. */
  badJsonPaths: 'SPK302',
  /** A column type the loader cannot encode. */
  unknownColumnType: 'SPK303',
  /** A warning: a column of a `jsonpaths: auto` load that matched no key in any record (loaded NULL). */
  unmatchedColumn: 'SPK305',
  /** A record the load rejected (bad JSON, or a value that does not fit its column). */
  badRecord: 'SPK310',
} as const;

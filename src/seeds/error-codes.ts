/** Error codes of seeds (SPK35x); listed in docs/errors.md. */
export const SeedErrors = {
  /** A malformed CSV row. */
  malformedRow: 'SPK350',
  /** A bad header row. */
  badHeader: 'SPK351',
  /** A seed named like a model. */
  nameTaken: 'SPK352',
  /** A declared column type that is not valid. */
  badColumnType: 'SPK353',
  /** `sparkify seed` has no seed to load. */
  noneSelected: 'SPK355',
  /** A value the database refused while copying the seed (PGlite, PostgreSQL): at its CSV line and column. */
  badValue: 'SPK357',
} as const;

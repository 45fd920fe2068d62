/** Error codes of the command line itself (SPK03x, SPK503); listed in docs/errors.md. */
export const CliErrors = {
  /** An --output format the command does not have. */
  unknownOutput: 'SPK030',
  /** A command used in a way it cannot work (`show` without a selection, or selecting several nodes). */
  badUsage: 'SPK031',
  /** The query `sparkify show` ran failed. */
  queryFailed: 'SPK503',
} as const;

/** Error codes of the command line itself (SPK03x, SPK068, SPK503); listed in docs/errors.md. */
export const CliErrors = {
  /** An --output format the command does not have. */
  unknownOutput: 'SPK030',
  /** A command used in a way it cannot work (`show` without a selection, or selecting several nodes). */
  badUsage: 'SPK031',
  /** Warning: compile could not reach the target, so models that introspect keep their execute-false render. */
  introspectionUnreachable: 'SPK068',
  /** The query `sparkify show` ran failed. */
  queryFailed: 'SPK503',
} as const;

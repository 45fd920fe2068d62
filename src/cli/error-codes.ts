/** Error codes of the command line itself (SPK03x, SPK068, SPK503); listed in docs/errors.md. */
export const CliErrors = {
  /** An --output format the command does not have. */
  unknownOutput: 'SPK030',
  /** A command used in a way it cannot work (`show` without a selection, or selecting several nodes). */
  badUsage: 'SPK031',
  /** Warning: compile could not reach the target, so models that introspect keep their execute-false render. */
  introspectionUnreachable: 'SPK068',
  /** --warn-error-options is not a mapping of lists of warning names. */
  badWarnErrorOptions: 'SPK032',
  /** A command dbt has that sparkify does not (yet): the message lists what sparkify offers. */
  notACommand: 'SPK033',
  /** `sparkify init` into a folder that holds a project (or files) already. */
  initTargetExists: 'SPK034',
  /** `sparkify retry` without a run_results.json to retry from, or of a command retry cannot repeat. */
  nothingToRetry: 'SPK035',
  /** `--state DIR` (or `--defer`) without a readable manifest.json in DIR. */
  badState: 'SPK036',
  /** `run-operation` names no macro of the project, or its --args are not a mapping. */
  badOperation: 'SPK037',
  /** A warning that --warn-error (or --warn-error-options) made an error. */
  warningAsError: 'SPK038',
  /** The query `sparkify show` ran failed. */
  queryFailed: 'SPK503',
} as const;

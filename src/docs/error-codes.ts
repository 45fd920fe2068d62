/** Error codes of the docs site (SPK86x); listed in docs/errors.md. */
export const DocsErrors = {
  /** `docs serve` found no target/index.html to serve. */
  nothingToServe: 'SPK860',
  /** `docs serve` could not listen on the host and port. */
  cannotListen: 'SPK861',
  /** `docs generate` could not read the warehouse's catalog. */
  catalogFailed: 'SPK862',
  /** Warning: target/run_results.json could not be read; the site shows no run statuses. */
  unreadableRunResults: 'SPK863',
} as const;

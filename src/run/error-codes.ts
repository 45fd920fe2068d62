/** Error codes of the execute phase (SPK5xx); listed in docs/errors.md. */
export const RunErrors = {
  /** An unexpected error while running a node (a bug, or something the driver did not explain). */
  unexpected: 'SPK500',
  /** The database refused a statement of a node's plan. */
  databaseError: 'SPK501',
  /** A selected node reads a relation outside the selection that does not exist in the warehouse. */
  missingUpstream: 'SPK502',
  /** A node was running when SIGINT or SIGTERM stopped the run: it was cancelled and rolled back. */
  interrupted: 'SPK504',
  /** Warning: the side relations a crashed run left behind could not be dropped. */
  cleanupFailed: 'SPK512',
  /** Warning: `run` (or `seed`, `snapshot`: SPK355, SPK713) has nothing of its kind to run; it succeeds with 0 results. */
  nothingToDo: 'SPK513',
  /** Warning: an object the run wrote for a statement (a Redshift COPY manifest), or one an interrupted run left, could not be deleted. */
  objectNotDeleted: 'SPK514',
  /** `source freshness`: max(loaded_at_field) is older than error_after (dbt's ERROR STALE). */
  freshnessStale: 'SPK520',
  /** Warning: `source freshness`: max(loaded_at_field) is older than warn_after. */
  freshnessWarn: 'SPK521',
  /** `source freshness`: the query failed, or max(loaded_at_field) is NULL or not a timestamp (dbt's runtime error). */
  freshnessRuntime: 'SPK522',
  /** Warning: a source has a freshness block but no loaded_at_field, so it cannot be checked. */
  freshnessNoField: 'SPK523',
} as const;

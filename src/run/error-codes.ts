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
} as const;

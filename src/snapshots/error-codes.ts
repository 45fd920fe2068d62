/** Error codes of snapshots (SPK7xx); listed in docs/errors.md. */
export const SnapshotErrors = {
  /** config() has an unknown key. */
  unknownKey: 'SPK701',
  /** strategy missing or unknown, or the key it needs (updated_at, check_cols) missing or invalid. */
  badStrategy: 'SPK702',
  /** unique_key missing or not a column name or list of them. */
  badUniqueKey: 'SPK703',
  /** hard_deletes / invalidate_hard_deletes invalid. */
  badHardDeletes: 'SPK704',
  /** snapshot_meta_column_names invalid, or valid_to_current not an SQL expression. */
  badMetaColumns: 'SPK705',
  /** `{% snapshot name %}` names another snapshot than its file. */
  blockName: 'SPK706',
  /** A snapshot has the name of a model, seed or another snapshot. */
  nameTaken: 'SPK707',
  // SPK710-712 are raised by the plan at run time: src/plan/error-codes.ts.
  /** `sparkify snapshot` has no snapshot to run. */
  noneSelected: 'SPK713',
} as const;

/** Error codes the plan raises or checks at run time (SPK137, SPK51x, SPK71x); listed in docs/errors.md. */
export const PlanErrors = {
  /** A model has pre_hook/post_hook that its target's dialect cannot run. */
  hooksUnsupported: 'SPK137',
  /** An incremental model's new rows hold a unique_key value twice (run time). */
  duplicateKey: 'SPK510',
  /** An incremental model's new rows have other columns than its table (run time). */
  columnsChanged: 'SPK511',
  /** A snapshot's query returns a unique_key value more than once (run time). */
  snapshotDuplicateKey: 'SPK710',
  /** A snapshot's query returns a column named like a meta column (run time). */
  snapshotMetaColumnClash: 'SPK711',
  /** The dialect cannot run this snapshot as configured (Redshift: a column the query gained or lacks, a meta column the table lacks). */
  snapshotUnsupported: 'SPK712',
} as const;

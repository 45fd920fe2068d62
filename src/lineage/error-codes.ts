/** Error codes of column lineage (SPK8xx); listed in docs/errors.md. */
export const LineageErrors = {
  /** `--output` is neither text nor json (the code ls and show use for theirs). */
  unknownOutput: 'SPK030',
  /** The argument of `sparkify lineage` is not NODE.COLUMN. */
  badArgument: 'SPK801',
  /** The node part names no model, snapshot, seed or source. */
  unknownNode: 'SPK802',
  /** The node part names more than one node (a source table and a model of the same name). */
  ambiguousNode: 'SPK803',
  /** The node has no column of that name. */
  unknownColumn: 'SPK804',
} as const;

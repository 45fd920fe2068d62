/** Error codes of the graph and of selection (SPK2xx); listed in docs/errors.md. */
export const GraphErrors = {
  /** The refs form a cycle (the whole chain is reported). */
  cycle: 'SPK201',
  /** A node depends on an id that is not a node of the project (a safeguard). */
  unknownDependency: 'SPK202',
  /** Two nodes have the same id (a safeguard). */
  duplicateId: 'SPK203',
  /** A selector uses an unknown method before its `:`. */
  unknownMethod: 'SPK210',
  /** A selector in --select or --exclude matches no node. */
  noMatch: 'SPK211',
  /** The final selection is empty. */
  emptySelection: 'SPK212',
  /** A selector is malformed. */
  badSelector: 'SPK213',
  /** A `state:` selector without --state to compare with. */
  noState: 'SPK214',
} as const;

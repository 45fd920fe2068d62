/** One SQL statement of a node's plan, executed exactly as printed. */
export interface Statement {
  sql: string;
  /** Set on a COPY statement: its rows are streamed from this source node's files by the loader. */
  copyFrom?: string;
  /** The statement whose row count is the node's result (the CTAS or the COPY). */
  reportsRows?: boolean;
}

/** The ordered statements that build one node. */
export interface NodePlan {
  id: string;
  /** What the CLI calls it: `table model users`, `view model x`, `source sparkify.staging_events`. */
  description: string;
  /** The file the node comes from, for error messages. */
  path: string;
  /** Where `compile` writes the statements (`target/run/...`). */
  runPath: string;
  statements: Statement[];
}

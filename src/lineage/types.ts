/**
 * Column-level lineage: the contract between the engine (computeLineage), the terminal command
 * (`sparkify lineage`) and the docs site. Plain JSON-ready data, deterministic for a given input.
 */

/** One column of one node; `node` is a manifest node id (`model.users`, `source.sparkify.staging_events`). */
export interface LineageColumnRef {
  node: string;
  column: string;
}

/**
 * How a column reaches the one downstream of it. Direct: `passthrough` (a bare column under the
 * same name), `rename` (a bare column under another name), `transform` (inside an expression,
 * function, CASE or cast), `aggregate` (inside an aggregate or window function). Indirect: `filter`
 * (read by WHERE/HAVING of a scope the rows pass through) and `join` (read by JOIN ON/USING).
 */
export type LineageHow = 'passthrough' | 'rename' | 'transform' | 'aggregate' | 'filter' | 'join';

/** The kinds of LineageHow that say which rows there are rather than what a value is. */
export const INDIRECT_HOWS: readonly LineageHow[] = ['filter', 'join'];

/**
 * One upstream column of a column. `via` names what the path goes through inside the model's SQL,
 * outermost first: CTE names, and the node ids of ephemeral models inlined as CTEs.
 */
export interface LineageEdge {
  from: LineageColumnRef;
  how: LineageHow;
  via: string[];
}

/**
 * One output column and its upstream columns. `column` is `*` for a `select *` over a relation whose
 * columns are unknown: it stands for the columns that could not be listed, at their position.
 * `unresolved` gives the reasons (human-readable) the column's upstream is incomplete.
 */
export interface ColumnLineage {
  column: string;
  /** Direct edges, plus filter/join edges that apply to this column only (a scalar subquery's WHERE). */
  edges: LineageEdge[];
  unresolved: string[];
}

/** The lineage of one node: its output columns in order, or the reason its SQL could not be read. */
export interface NodeLineage {
  node: string;
  columns: ColumnLineage[];
  /**
   * Filter and join edges of the node's SQL: they decide which rows there are, so they apply to
   * every output column. Listed once per node to keep the output small.
   */
  indirect: LineageEdge[];
  /** Set when the SQL did not parse or is not one SELECT (then `columns` is empty). */
  error?: string;
}

/** Lineage of every model, snapshot, source and seed, by node id. */
export type ProjectLineage = Record<string, NodeLineage>;

/** One node of the input to computeLineage: independent of the manifest's exact shape. */
export interface LineageInputNode {
  /** Manifest node id. */
  id: string;
  /** The relation the node builds; absent for nodes that build none (ephemeral models). */
  relation?: { schema: string; identifier: string };
  /** The SELECT the node runs (models, snapshots); absent for nodes whose columns are given. */
  sql?: string;
  /** The known columns of a node without SQL (source specs, seed columns, a catalog), in order. */
  columns?: string[];
  /** Ephemeral models: the CTE name they are inlined under in their users' SQL. */
  inlinedAs?: string;
  /** Ids of the nodes its SQL reads; decides the order nodes are resolved in. */
  dependsOn?: string[];
}

/** What computeLineage reads. */
export interface LineageInput {
  nodes: LineageInputNode[];
  /** Schemas an unqualified relation name is looked up in, in order (PostgreSQL's search_path). */
  searchPath?: string[];
}

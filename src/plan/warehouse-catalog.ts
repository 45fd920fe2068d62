import type { Relation } from '../sql/quote.js';
import type { WarehouseState } from './warehouse-state.js';

/** What the planner needs to know about the warehouse before a run. */
export interface StateRequest {
  /** Relations whose existence and kind to read (those of the selected nodes). */
  relations: Relation[];
  /** Relations whose columns to read (incremental models: MERGE lists them). */
  columnsOf: Relation[];
  /** Relations a rebuild swaps: the views that read them are re-pointed at the new relation. */
  dependentsOf: Relation[];
  /** Schemas searched for side relations of crashed runs. */
  schemas: string[];
  /** Schemas the selected nodes build in: which of them exist is read, and the missing ones are created first. */
  buildSchemas: string[];
  /** The project's own relations: never taken for leftovers, whatever their name. */
  known: Relation[];
}

/** One catalog query (or a statement around them) and how its rows update the state. */
export interface CatalogStep {
  sql: string;
  read?(rows: Record<string, unknown>[], state: WarehouseState): void;
}

/** Catalog queries of one engine family: SQL generation only, run by src/run/read-warehouse-state.ts. */
export interface WarehouseCatalog {
  /** The steps to run in order on one session. */
  steps(request: StateRequest): CatalogStep[];
}

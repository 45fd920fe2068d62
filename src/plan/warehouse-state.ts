import type { SourceLoadState } from './loads/load-ledger.js';
import type { Relation } from '../sql/quote.js';

/**
 * What the warehouse holds, as far as planning needs to know: read by the execute phase before any
 * node runs (src/run/read-warehouse-state.ts), handed to the pure planner. `compile` has none.
 */
export interface WarehouseState {
  /** The relations of the selected nodes that exist, by relationKey(). */
  relations: Record<string, RelationState>;
  /** Side relations of an earlier run that died before cleaning up (see side-names.ts). */
  leftovers: LeftoverRelation[];
  /** `server_version_num`, e.g. 180006; undefined when not read. */
  serverVersion?: number;
  /** Sources' load ledgers and listings, by source id (engines that keep ledgers; see src/plan/loads). */
  loads?: Record<string, SourceLoadState>;
  /** Per incremental model that follows loads, per source id: the full loads whose rows it has consumed. */
  consumed?: Record<string, Record<string, string[]>>;
  /** Which of StateRequest.buildSchemas exist; undefined when not read (then each is created IF NOT EXISTS). */
  schemas?: string[];
}

/**
 * A privilege someone other than the build's own user holds on a relation, read from the catalog
 * (relacl) so that a relation the build replaces keeps it: granted again to the new one.
 */
export interface Grant {
  /** A user or role name; a group's or role's name on Redshift; `PUBLIC`. */
  grantee: string;
  granteeKind: 'user' | 'group' | 'role' | 'public';
  /** SQL privilege words: SELECT, INSERT, ... */
  privileges: string[];
  /** Those of `privileges` held WITH GRANT OPTION. */
  grantable: string[];
  /** Privilege letters of the catalog that have no GRANT word here: named in the plan, not granted. */
  unknown?: string;
}

/** One existing relation. */
export interface RelationState {
  kind: 'table' | 'view';
  /** Its columns in order (read for incremental models and snapshots, whose Redshift plans list them). */
  columns?: ColumnState[];
  /**
   * Views that read it: a rebuild keeps them reading the new relation. PostgreSQL lists those that
   * read it directly (re-pointed with CREATE OR REPLACE VIEW); Redshift lists every bound view that
   * reads it directly or through other views, in the order they can be created (dropped in reverse
   * and created again from their definitions).
   */
  dependentViews?: DependentView[];
  /** Privileges on it held by others than the build's user, granted again to the relation that replaces it. */
  grants?: Grant[];
}

/** A column as the catalog describes it. */
export interface ColumnState {
  name: string;
  /** `format_type()` text, e.g. `character varying(256)`. */
  type: string;
}

/** A view that depends on a relation, with what it takes to create it again. */
export interface DependentView {
  relation: Relation;
  /** The view's SELECT, with every name schema-qualified (pg_get_viewdef under an empty search_path). */
  definition: string;
  /** reloptions such as `security_barrier=true` or `check_option=local`. */
  options: string[];
  /** Its privileges, where the plan drops and creates it again (Redshift): granted again. */
  grants?: Grant[];
}

/** A side relation left behind by a run that crashed. */
export interface LeftoverRelation {
  relation: Relation;
  kind: 'table' | 'view';
}

/** The key of a relation in WarehouseState.relations. */
export function relationKey(relation: Relation): string {
  return JSON.stringify([relation.schema, relation.identifier]);
}

/** The state of a relation, when known. */
export function stateOf(state: WarehouseState | undefined, relation: Relation): RelationState | undefined {
  return state?.relations[relationKey(relation)];
}

import type { LedgerDialect } from './loads/ledger-dialect.js';
import type { LoadDecision } from './loads/plan-load.js';
import type { ModelNode, SourceNode } from '../manifest/manifest.js';
import type { SeedNode } from '../manifest/seed-node.js';
import type { SnapshotNode } from '../manifest/snapshot-node.js';
import type { Statement } from './types.js';
import type { WarehouseCatalog } from './warehouse-catalog.js';
import type { LeftoverRelation, RelationState } from './warehouse-state.js';

/**
 * The SQL a warehouse engine needs for each kind of node. One implementation per engine family;
 * differences are here, not scattered through the planner.
 */
export interface Dialect {
  readonly name: string;
  /** Replace a staging table with the rows of its source files, atomically. */
  loadSource(source: SourceNode, context?: BuildContext): Statement[];
  /**
   * Replace a seed's table with the rows of its CSV file, atomically: fed through `copyFrom`
   * (PostgreSQL, PGlite), or as INSERTs of the rows compile parsed (Redshift: no COPY FROM STDIN).
   */
  loadSeed(seed: SeedNode, context?: BuildContext): Statement[];
  /** Replace a table with the result of the model's SELECT, atomically. */
  buildTable(model: ModelNode, context?: BuildContext): Statement[];
  /** Create or replace a view. */
  buildView(model: ModelNode, context?: BuildContext): Statement[];
  /** Add the new rows of an incremental model (model.incremental.compiledSql) to its existing table. */
  buildIncremental(model: ModelNode, context: BuildContext): Statement[];
  /**
   * One run of a snapshot (dbt's type-2 history), in one transaction: creates the table while
   * context.existing is not a table, else closes changed rows and inserts new versions.
   */
  buildSnapshot?(snapshot: SnapshotNode, context: BuildContext): Statement[];
  /** Drop side relations of crashed runs. */
  dropLeftovers?(leftovers: LeftoverRelation[]): Statement[];
  /** Create the schemas the run builds in that the warehouse lacks (never `public`), before any node. */
  createSchemas?(schemas: string[]): Statement[];
  /**
   * What its plans do that only the warehouse can tell, as `compile`'s review says it (lines of
   * text, without the leading `-- * `): how views that read a rebuilt relation are kept, and so on.
   */
  readonly reviewNotes?: readonly string[];
  /** The catalog queries that read the warehouse state; without them only relation kinds are known. */
  readonly catalog?: WarehouseCatalog;
  /**
   * The dialect puts model.hooks (pre_hook/post_hook) into the model's transaction. Without it a
   * model with hooks is a plan error: hooks are never skipped silently.
   */
  readonly runsModelHooks?: boolean;
  /** Its sources keep load ledgers and load only new files (src/plan/loads); absent: every build reloads them. */
  readonly ledgers?: LedgerDialect;
}

/** What the planner knows when it plans one node. */
export interface BuildContext {
  /** Side relations are named with it (side-names.ts). */
  runId: string;
  /** The relation the node builds, as the warehouse holds it; undefined when absent or not known. */
  existing?: RelationState;
  /** server_version_num, when read. */
  serverVersion?: number;
  /** A source: which of its files this run loads, and how (the load ledger, src/plan/loads). */
  load?: LoadDecision;
}

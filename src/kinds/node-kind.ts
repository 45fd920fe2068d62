import type { LoadDecision } from '../plan/loads/plan-load.js';
/**
 * One kind of node (source, seed, model, snapshot, data test, unit test) and how it goes through the
 * stages, as one entry of the registry (registry.ts), like dbt's task runner map: how it enters the
 * DAG, what compile writes for it, how it is planned and run, and how its result reads.
 */
import type { GraphNode } from '../graph/types.js';
import type { S3Settings } from '../load/s3/s3-settings.js';
import type { Manifest, ManifestNode } from '../manifest/manifest.js';
import type { Dialect } from '../plan/dialect.js';
import type { PlanOptions } from '../plan/plan-model.js';
import type { PlanBase } from '../plan/types.js';
import type { NodeFiles } from '../run/database-error.js';
import type { NodeRun } from '../run/node-result.js';
import type { RunContext, SourceFeed } from '../run/run-context.js';
import type { Relation, SqlQuoting } from '../sql/quote.js';
import type { UnitTestEngine } from '../unit-tests/unit-test-engine.js';

/** What the planner must read from the warehouse about a node before planning it (see stateRequest). */
export interface StateNeeds {
  /** Whether it exists and as what: its plan depends on it. */
  relation?: Relation;
  /** Its columns too (an incremental model's MERGE and a snapshot's later run list them). */
  columns?: boolean;
  /** The views that read it: a rebuild re-points them at the new relation. */
  dependents?: boolean;
  /** A relation the project owns, whatever the selection: its schema is searched for leftovers, and it is never one. */
  owned?: Relation;
}

/** A file compile writes for a node under target/compiled/. */
export interface CompiledFile {
  /** Project-relative path of the node's file (target/compiled/<path>). */
  path: string;
  sql: string;
}

/** What running a plan of any kind may need beyond RunContext. */
export interface KindRunContext extends RunContext {
  /** Where unit tests run (an in-memory PGlite started on first use); required when the plans hold some. */
  unitTests?: UnitTestEngine;
  /** --defer: parents read from the state's relations instead of their own, by node id. */
  deferred?: ReadonlyMap<string, Relation>;
}

/** What a source or seed feed reads with: the project root, the target's S3 settings, progress and Ctrl-C. */
export interface FeedContext {
  root: string;
  s3?: S3Settings;
  /** The engine's COPY runs on this process's main thread (EngineCapabilities.copyInProcess). */
  copyInProcess?: boolean;
  signal: AbortSignal;
  /** Where load progress is drawn (stderr). */
  progress: NodeJS.WriteStream;
  /** Each source's load this run (which files), from the run's plans. */
  loads?: Record<string, LoadDecision>;
}

/** How plans of one kind run and report (node kinds, and the run steps: cleanup and hooks). */
export interface PlanRunner<P extends PlanBase> {
  /** Runs its plan (the execute phase); throws only RunCancelled. */
  execute(plan: P, context: KindRunContext): Promise<NodeRun>;
  /** False when it reads nothing its parents build in the warehouse (a unit test): it waits for nothing. */
  readonly usesWarehouse: boolean;
  /** `build` lines (OK created … [SELECT 97]) or `test` lines (PASS / FAIL 2 with the failing rows). */
  readonly reportsAs: 'build' | 'test';
  /** How a test line shows a failure's sample: the failing rows, or a diff of expected and actual rows. */
  readonly sample?: 'rows' | 'diff';
  /** The verb of its OK line: loaded, created, updated, snapshotted, inlined, ran. */
  verb(plan: P): string;
  /** Its name in a test line (`not_null_users_user_id`, `users::latest_level_wins`). */
  label(plan: P): string;
}

/** One node kind: N its manifest node, P its plan. */
export interface NodeKind<N extends ManifestNode, P extends PlanBase> extends PlanRunner<P> {
  readonly kind: N['kind'];
  /** `source`/`sources`, for counts such as `2 sources, 5 models and 23 tests`. */
  readonly noun: readonly [string, string];
  /** The selector that picks exactly this node (`users`, `source:sparkify.staging_events`). */
  selector(node: N): string;
  /** How it enters the DAG (selection, ordering). */
  graphNode(node: N): GraphNode;
  /** What compile writes for it under target/compiled/. */
  compiledFiles(node: N): CompiledFile[];
  /** The statements that build it (pure). */
  plan(node: N, dialect: Dialect, options: PlanOptions, manifest: Manifest): P;
  /** The relation it leaves in the warehouse; undefined for tests, and for ephemeral models (inlined). */
  relationOf(node: N): Relation | undefined;
  /**
   * False when running it would do nothing: an ephemeral model (inlined into the models that ref it)
   * or a source over a table that exists already (nothing loads it). Commands leave such nodes out
   * of the run and of run_results.json, as dbt never runs them; they stay selectable, in the DAG and
   * in the manifest.
   */
  runs(node: N): boolean;
  /**
   * The kind of relation whose existence gives it a second plan (an incremental model's or a
   * snapshot's table, a view model's view), which compile shows beside the first; undefined for none.
   */
  secondPlanWhenExists(node: N): 'table' | 'view' | undefined;
  /** The query `sparkify show` previews it with (a test: its failing rows); undefined when it has no rows. */
  previewSql(node: N, quoting: SqlQuoting): string | undefined;
  /** What its plan depends on in the warehouse. */
  stateNeeds(node: N): StateNeeds;
  /** Files a database error of its plan points at. */
  errorFiles(plan: P, node: N): NodeFiles;
  /**
   * The rows its COPY statements read (sources, seeds). `part` names a second COPY of the same
   * node (a source's `ledger`), fed after `previous`, the node's first feed.
   */
  openFeed?(node: N, context: FeedContext, part?: { name: string; previous?: SourceFeed }): SourceFeed;
}

import type { LoadDecision } from './loads/plan-load.js';
import type { Relation } from '../sql/quote.js';

/** One SQL statement of a node's plan, executed exactly as printed. */
export interface Statement {
  sql: string;
  /** Set on a COPY statement: its rows are streamed from this source node's files by the loader. */
  copyFrom?: string;
  /** The statement whose row count is the node's result (the CTAS, the COPY; several add up). */
  reportsRows?: boolean;
  /**
   * A COPY the warehouse runs itself (Redshift from S3) into `into`: the records it rejected are
   * read back with Session.loadErrors(into).
   */
  serverLoad?: { into: Relation };
  /** Writes load-ledger rows (Redshift): --empty leaves it out with the rows it describes. */
  ledgerRows?: boolean;
  /** An object the executor writes to S3 before it runs the statement (a Redshift COPY's manifest). */
  writesObject?: ObjectWrite;
  /** A query that checks an assumption of the plan: any row it returns fails the node (see StatementCheck). */
  check?: StatementCheck;
}

/**
 * An object a statement reads, written just before it and deleted once the plan's statements end,
 * committed or rolled back (src/run/statement-objects.ts).
 */
export interface ObjectWrite {
  url: string;
  body: string;
  /** Where earlier runs' objects of the same kind may be left (a run killed before its delete): swept before the write. */
  leftovers?: LeftoverObjects;
}

/** Objects directly under `prefix` whose names end in `suffix`, last written more than `olderThanHours` ago. */
export interface LeftoverObjects {
  prefix: string;
  suffix: string;
  olderThanHours: number;
}

/** What a failed check says; the executor appends the first returned row (`key = 'value', rows = 2`). */
export interface StatementCheck {
  code: string;
  message: string;
  hint?: string;
}

/** What a plan builds: a node of the manifest, or a run step (the cleanup, on_run_start, on_run_end). */
export type PlanKind = 'source' | 'seed' | 'model' | 'snapshot' | 'test' | 'unit_test' | 'step';

/**
 * The ordered statements of one node or run step. Each kind's plan extends it (RelationPlan here,
 * DataTestPlan in data-tests/, UnitTestNodePlan in unit-tests/); src/kinds/node-plan.ts unites them.
 */
export interface PlanBase {
  id: string;
  /** Which entry of the node-kind registry (src/kinds/registry.ts) runs and reports it. */
  kind: PlanKind;
  /** What the CLI calls it: `table model users`, `view model x`, `source sparkify.staging_events`. */
  description: string;
  /** The file the node comes from, for error messages. */
  path: string;
  /** Where `compile` writes the statements (`target/run/...`). */
  runPath: string;
  statements: Statement[];
  /** What the run should tell the user about this plan (why a source or model is rebuilt in full). */
  notes?: string[];
  /** Set when the plan is one of several a node may get, depending on the warehouse (compile prints each, labelled). */
  variant?: string;
}

/** The plan of a node that is a relation in the warehouse (or inlined into others), or of a run step. */
export interface RelationPlan extends PlanBase {
  kind: 'source' | 'seed' | 'model' | 'snapshot' | 'step';
  /** A source's load this run: which files, appended or in full (src/plan/loads). */
  load?: LoadDecision;
}

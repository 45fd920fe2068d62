import type { ModelNode, IncrementalSpec, SourceNode } from '../../manifest/manifest.js';
import type { SeedNode } from '../../manifest/seed-node.js';
import type { SnapshotNode } from '../../manifest/snapshot-node.js';
import type { BuildContext, Dialect } from '../../plan/dialect.js';
import { hookStatements } from '../../plan/hook-statements.js';
import { COMPILE_RUN_ID, sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import type { WarehouseCatalog } from '../../plan/warehouse-catalog.js';
import type { LeftoverRelation } from '../../plan/warehouse-state.js';
import type { Relation, SqlQuoting } from '../../sql/quote.js';
import { uniqueKeyCheck } from './checks.js';

/** The schema every PostgreSQL-family database has, which a run never creates. */
export const PUBLIC_SCHEMA = 'public';

/** The context of a plan made without a warehouse (compile, tests). */
export const NO_STATE: BuildContext = { runId: COMPILE_RUN_ID };

/**
 * What every engine of the PostgreSQL family plans alike, as Kysely's dialects and SQLMesh's
 * base_postgres share theirs: a node rebuilds inside one transaction (BEGIN, its pre_hook, its
 * statements, its post_hook, COMMIT), its schema created before the run when missing; a table is built aside under a side name carrying
 * the run id (side-names.ts), its unique key checked, then swapped in, so readers see the old table
 * until COMMIT; leftovers of crashed runs are dropped in one transaction. Engines say how they load,
 * create, swap and add rows; PostgreSQL and PGlite (postgres-dialect.ts), Redshift (redshift-dialect.ts).
 */
export abstract class FamilyDialect implements Dialect {
  abstract readonly name: string;
  abstract readonly catalog: WarehouseCatalog;
  /** pre_hook/post_hook run inside the model's transaction (see withHooks). */
  readonly runsModelHooks = true;

  constructor(protected readonly quoting: SqlQuoting) {}

  abstract loadSource(source: SourceNode, context?: BuildContext): Statement[];
  abstract loadSeed(seed: SeedNode, context?: BuildContext): Statement[];
  abstract buildView(model: ModelNode, context?: BuildContext): Statement[];

  /** `CREATE TABLE <fresh> AS <the model's SELECT>`; Redshift adds its table attributes. */
  protected createTableAs(model: ModelNode, fresh: Relation): string {
    return `CREATE TABLE ${this.quoting.relation(fresh)} AS\n${model.compiledSql}`;
  }

  /** Puts `fresh` in place of `relation`, inside the caller's transaction. */
  protected abstract swapInto(relation: Relation, fresh: Relation, context: BuildContext, word?: 'TABLE' | 'VIEW'): Statement[];

  /** The statements that add an incremental model's new rows to its table with its strategy. */
  protected abstract incrementalStatements(model: ModelNode, spec: IncrementalSpec, context: BuildContext): Statement[];

  /** The statements of one snapshot run (the first, or a later one), inside its transaction. */
  protected abstract snapshotStatements(snapshot: SnapshotNode, context: BuildContext): Statement[];

  /** Also the first build (and --full-refresh) of an incremental model, whose unique key is checked. */
  buildTable(model: ModelNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(model.relation, 'new', context.runId);
    const keys = model.incremental?.uniqueKey ?? [];
    return this.withHooks(model, [
      { sql: this.createTableAs(model, fresh), reportsRows: true },
      ...(keys.length > 0 ? [uniqueKeyCheck(this.quoting.relation(fresh), keys, model.name, this.quoting.identifier)] : []),
      ...this.swapInto(model.relation, fresh, context),
    ]);
  }

  /** The new rows added to the existing table with the model's strategy. */
  buildIncremental(model: ModelNode, context: BuildContext): Statement[] {
    if (!model.incremental) return this.buildTable(model, context);
    return this.withHooks(model, this.incrementalStatements(model, model.incremental, context));
  }

  /** A snapshot run in one transaction. */
  buildSnapshot(snapshot: SnapshotNode, context: BuildContext = NO_STATE): Statement[] {
    return this.transaction(this.snapshotStatements(snapshot, context));
  }

  /**
   * One transaction: a leftover that cannot be dropped (something depends on it) leaves all for the
   * next run. IF EXISTS, since another run may have dropped it meanwhile.
   */
  dropLeftovers(leftovers: LeftoverRelation[]): Statement[] {
    return [
      { sql: 'BEGIN' },
      ...leftovers.map((l) => ({ sql: `DROP ${l.kind === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${this.quoting.relation(l.relation)}` })),
      { sql: 'COMMIT' },
    ];
  }

  /**
   * The schemas a run builds in that the catalog says are missing, created once before any node and
   * outside the nodes' transactions, each committed on its own. Never a node's business: CREATE
   * SCHEMA needs the privilege to create schemas — PostgreSQL checks it before IF NOT EXISTS looks,
   * Redshift asks for "Users with the CREATE SCHEMA privilege"
   * (https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_SCHEMA.html) — which a deploy user writing
   * into an existing schema need not hold. `public` exists in every database and is never created
   * ("The schema name can't be PUBLIC", r_CREATE_SCHEMA.html). IF NOT EXISTS still, as another run may
   * create one meanwhile.
   */
  createSchemas(schemas: string[]): Statement[] {
    return schemas.filter((schema) => schema !== PUBLIC_SCHEMA)
      .map((schema) => ({ sql: `CREATE SCHEMA IF NOT EXISTS ${this.quoting.identifier(schema)}` }));
  }

  /** BEGIN, `body`, COMMIT. */
  protected transaction(body: Statement[]): Statement[] {
    return [{ sql: 'BEGIN' }, ...body, { sql: 'COMMIT' }];
  }

  /** BEGIN, the model's pre_hook, `body`, its post_hook, COMMIT. */
  protected withHooks(model: ModelNode, body: Statement[]): Statement[] {
    return this.transaction([...hookStatements(model.hooks?.pre), ...body, ...hookStatements(model.hooks?.post)]);
  }
}

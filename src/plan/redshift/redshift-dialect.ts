import type { ModelNode, SourceNode } from '../../compile/manifest.js';
import { SparkifyError } from '../../diagnostics.js';
import type { SeedNode } from '../../seeds/seed-node.js';
import type { Relation } from '../../sql/quote.js';
import { quoteIdentifier, quoteRelation } from '../../sql/quote.js';
import type { BuildContext, Dialect } from '../dialect.js';
import { hookStatements } from '../hook-statements.js';
import { uniqueKeyCheck } from '../postgres/checks.js';
import { COMPILE_RUN_ID, sideRelation } from '../side-names.js';
import type { Statement } from '../types.js';
import type { LeftoverRelation } from '../warehouse-state.js';
import { copyFromS3, s3Problems, type S3Access } from './copy-from-s3.js';
import { incrementalStatements } from './incremental.js';
import { seedStatements } from './load-seed.js';
import { redshiftCatalog } from './redshift-catalog.js';
import { swapInto } from './swap.js';
import { redshiftSnapshotStatements } from './snapshot.js';
import type { SnapshotNode } from '../../snapshots/snapshot-node.js';
import { tableAttributes } from './table-attributes.js';

/** The context of a plan made without a warehouse (compile, tests). */
const NO_STATE: BuildContext = { runId: COMPILE_RUN_ID };

/**
 * Amazon Redshift. CREATE TABLE, ALTER TABLE RENAME and DROP TABLE are transactional there, so a
 * rebuild is build-aside-and-swap committed at once: readers see the old table until COMMIT (never
 * Dataform's gap, where the table is dropped before the rename). Sources load with the cluster's
 * own COPY from S3; seeds with INSERTs the plan carries (load-seed.ts). The warehouse state comes
 * from pg_catalog (redshift-catalog.ts).
 */
export class RedshiftDialect implements Dialect {
  readonly name = 'redshift';
  /** pre_hook/post_hook run inside the model's transaction (see withHooks). */
  readonly runsModelHooks = true;
  readonly catalog = redshiftCatalog;

  constructor(private readonly s3: S3Access) {}

  /**
   * The COPY runs before the swap's transaction, in a transaction of its own: if it fails, only the
   * side table is touched, and STL_LOAD_ERRORS can be read for pg_last_copy_id(), which a ROLLBACK
   * of an enclosing transaction would not keep (https://docs.aws.amazon.com/redshift/latest/dg/PG_LAST_COPY_ID.html).
   * The price: a failed load leaves its empty side table `<name>__sparkify_new_<run id>` behind.
   */
  loadSource(source: SourceNode, context: BuildContext = NO_STATE): Statement[] {
    const problems = s3Problems(source);
    if (problems.length > 0) throw new SparkifyError(problems);
    const fresh = sideRelation(source.relation, 'new', context.runId);
    const columns = source.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(',\n  ');
    return [
      { sql: createSchema(source.relation) },
      { sql: `CREATE TABLE ${quoteRelation(fresh)} (\n  ${columns}\n)` },
      { sql: copyFromS3(source, fresh, this.s3), reportsRows: true, serverLoad: true },
      ...transaction(source.relation, swapInto(source.relation, fresh, context)),
    ];
  }

  /** No COPY FROM STDIN: the CSV rows, as INSERTs, go into a side table swapped in, all in one transaction. */
  loadSeed(seed: SeedNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(seed.relation, 'new', context.runId);
    return transaction(seed.relation, [...seedStatements(seed, fresh), ...swapInto(seed.relation, fresh, context)]);
  }

  /**
   * CTAS with the model's DISTSTYLE/DISTKEY/SORTKEY, then the swap, with its hooks, in one
   * transaction. Also the first build (and --full-refresh) of an incremental model, whose unique key
   * is checked.
   */
  buildTable(model: ModelNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(model.relation, 'new', context.runId);
    const attributes = tableAttributes(model);
    const create = `CREATE TABLE ${quoteRelation(fresh)}${attributes ? ` ${attributes}` : ''} AS\n${model.compiledSql}`;
    const keys = model.incremental?.uniqueKey ?? [];
    const check = keys.length > 0 ? [uniqueKeyCheck(quoteRelation(fresh), keys, model.name)] : [];
    return withHooks(model, [{ sql: create, reportsRows: true }, ...check, ...swapInto(model.relation, fresh, context)]);
  }

  /** The new rows added to the existing table with the model's strategy (incremental.ts). */
  buildIncremental(model: ModelNode, context: BuildContext): Statement[] {
    if (!model.incremental) return this.buildTable(model, context);
    return withHooks(model, incrementalStatements(model, model.incremental, context));
  }

  /**
   * One transaction, as on PostgreSQL: a leftover that cannot be dropped (a view bound to it) leaves
   * all for the next run. DROP ... IF EXISTS, since another run may have dropped it meanwhile
   * (https://docs.aws.amazon.com/redshift/latest/dg/r_DROP_TABLE.html).
   */
  dropLeftovers(leftovers: LeftoverRelation[]): Statement[] {
    return [
      { sql: 'BEGIN' },
      ...leftovers.map((l) => ({ sql: `DROP ${l.kind === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${quoteRelation(l.relation)}` })),
      { sql: 'COMMIT' },
    ];
  }

  /**
   * CREATE OR REPLACE keeps grants. `bind=false` makes a late-binding view: it survives the
   * drop-and-swap of the tables it reads, and needs schema-qualified names, which ref() and source()
   * always print (https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_VIEW.html). A table that
   * becomes a view is replaced by a view built aside and swapped in.
   */
  buildView(model: ModelNode, context: BuildContext = NO_STATE): Statement[] {
    const late = model.config.extra.bind === false ? '\nWITH NO SCHEMA BINDING' : '';
    const body = `AS\n${model.compiledSql.trimEnd()}${late}`;
    if (context.existing?.kind !== 'table') {
      return withHooks(model, [{ sql: `CREATE OR REPLACE VIEW ${quoteRelation(model.relation)} ${body}` }]);
    }
    const fresh = sideRelation(model.relation, 'new', context.runId);
    return withHooks(model, [{ sql: `CREATE VIEW ${quoteRelation(fresh)} ${body}` }, ...swapInto(model.relation, fresh, context, 'VIEW')]);
  }

  /** A snapshot run in one transaction (snapshot.ts). */
  buildSnapshot(snapshot: SnapshotNode, context: BuildContext = NO_STATE): Statement[] {
    return transaction(snapshot.relation, redshiftSnapshotStatements(snapshot, context));
  }
}

function createSchema(relation: Relation): string {
  return `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(relation.schema)}`;
}

function transaction(relation: Relation, body: Statement[]): Statement[] {
  return [{ sql: 'BEGIN' }, { sql: createSchema(relation) }, ...body, { sql: 'COMMIT' }];
}

/** BEGIN, the schema, the model's pre_hook, `body`, its post_hook, COMMIT. */
function withHooks(model: ModelNode, body: Statement[]): Statement[] {
  return transaction(model.relation, [...hookStatements(model.hooks?.pre), ...body, ...hookStatements(model.hooks?.post)]);
}

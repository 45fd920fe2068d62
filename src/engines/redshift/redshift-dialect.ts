import type { IncrementalSpec, ModelNode, SourceNode } from '../../manifest/manifest.js';
import type { SeedNode } from '../../manifest/seed-node.js';
import type { SnapshotNode } from '../../manifest/snapshot-node.js';
import { SparkifyError } from '../../diagnostics.js';
import type { BuildContext } from '../../plan/dialect.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import type { Relation } from '../../sql/quote.js';
import { FamilyDialect, NO_STATE } from '../postgres-family/family-dialect.js';
import { s3Problems, type S3Access } from './copy-from-s3.js';
import { incrementalStatements } from './incremental.js';
import { redshiftLoadStatements } from './load-source.js';
import { redshiftLedgerSql } from './redshift-ledger.js';
import type { LedgerDialect } from '../../plan/loads/ledger-dialect.js';
import { seedStatements } from './load-seed.js';
import { redshiftCatalog } from './redshift-catalog.js';
import { redshiftQuoting } from './redshift-quoting.js';
import { redshiftSnapshotStatements } from './snapshot.js';
import { swapInto } from './swap.js';
import { tableAttributes } from './table-attributes.js';

/**
 * Amazon Redshift. CREATE TABLE, ALTER TABLE RENAME and DROP TABLE are transactional there, so a
 * rebuild is build-aside-and-swap committed at once (family-dialect.ts): readers see the old table
 * until COMMIT (never Dataform's gap, where the table is dropped before the rename). Sources load
 * with the cluster's own COPY from S3; seeds with INSERTs the plan carries (load-seed.ts). The
 * warehouse state comes from pg_catalog (redshift-catalog.ts).
 */
export class RedshiftDialect extends FamilyDialect {
  readonly name = 'redshift';
  readonly catalog = redshiftCatalog;
  readonly reviewNotes = [
    'bound views that read a rebuilt table, source, seed or view (and the views on them) are dropped\n'
      + '  and created again from their definitions, with their grants, inside its transaction (read\n'
      + '  from the catalog); late-binding views (WITH NO SCHEMA BINDING) depend on nothing and are left alone;',
    'the privileges others hold on a rebuilt relation are granted on the new one (read from the catalog);',
  ];

  /** Kept with a manifest_prefix: loads then read exactly the listed objects (redshift-ledger.ts). */
  readonly ledgers?: LedgerDialect;

  constructor(private readonly s3: S3Access) {
    super(redshiftQuoting);
    if (s3.manifestPrefix !== undefined) this.ledgers = redshiftLedgerSql;
  }

  /**
   * The COPY runs before the swap's transaction, in a transaction of its own: if it fails, only the
   * side table is touched, and STL_LOAD_ERRORS can be read for pg_last_copy_id(), which a ROLLBACK
   * of an enclosing transaction would not keep (https://docs.aws.amazon.com/redshift/latest/dg/PG_LAST_COPY_ID.html).
   * The price: a failed load leaves its empty side table `<name>__sparkify_new_<run id>` behind.
   * With the target's manifest_prefix and the listed files, COPY reads them through a manifest
   * (load-source.ts), and an append adds the new rows in that transaction instead of swapping.
   */
  loadSource(source: SourceNode, context: BuildContext = NO_STATE): Statement[] {
    const problems = s3Problems(source, this.s3.manifestPrefix);
    if (problems.length > 0) throw new SparkifyError(problems);
    return redshiftLoadStatements(source, context, this.s3, {
      transaction: (statements) => this.transaction(statements),
      swapInto: (target, fresh, ctx) => this.swapInto(target, fresh, ctx),
    });
  }

  /** No COPY FROM STDIN: the CSV rows, as INSERTs, go into a side table swapped in, all in one transaction. */
  loadSeed(seed: SeedNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(seed.relation, 'new', context.runId);
    return this.transaction([...seedStatements(seed, fresh), ...this.swapInto(seed.relation, fresh, context)]);
  }

  /**
   * A new view is CREATE OR REPLACE VIEW. One that exists is built aside and swapped in like a
   * table, its grants given again and its dependent views kept (swap.ts): CREATE OR REPLACE VIEW
   * "can only replace a view with a new query that generates the identical set of columns, using the
   * same column names and data types" (https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_VIEW.html),
   * which only running the query would tell. `bind=false` makes a late-binding view: it survives
   * the drop-and-swap of the tables it reads, and needs schema-qualified names, which ref() and
   * source() always print (r_CREATE_VIEW.html).
   */
  buildView(model: ModelNode, context: BuildContext = NO_STATE): Statement[] {
    const late = model.config.extra.bind === false ? '\nWITH NO SCHEMA BINDING' : '';
    const body = `AS\n${model.compiledSql.trimEnd()}${late}`;
    if (context.existing === undefined) {
      return this.withHooks(model, [{ sql: `CREATE OR REPLACE VIEW ${this.quoting.relation(model.relation)} ${body}` }]);
    }
    const fresh = sideRelation(model.relation, 'new', context.runId);
    return this.withHooks(model, [{ sql: `CREATE VIEW ${this.quoting.relation(fresh)} ${body}` }, ...this.swapInto(model.relation, fresh, context, 'VIEW')]);
  }

  /** CTAS with the model's DISTSTYLE/DISTKEY/SORTKEY. */
  protected override createTableAs(model: ModelNode, fresh: Relation): string {
    const attributes = tableAttributes(model);
    return `CREATE TABLE ${this.quoting.relation(fresh)}${attributes ? ` ${attributes}` : ''} AS\n${model.compiledSql}`;
  }

  protected swapInto(relation: Relation, fresh: Relation, context: BuildContext, word?: 'TABLE' | 'VIEW'): Statement[] {
    return swapInto(relation, fresh, context, word);
  }

  protected incrementalStatements(model: ModelNode, spec: IncrementalSpec, context: BuildContext): Statement[] {
    return incrementalStatements(model, spec, context);
  }

  protected snapshotStatements(snapshot: SnapshotNode, context: BuildContext): Statement[] {
    return redshiftSnapshotStatements(snapshot, context);
  }
}

import { autoMapping } from '../../manifest/jsonpaths-mapping.js';
import type { IncrementalSpec, ModelNode, SourceNode } from '../../manifest/manifest.js';
import type { SeedNode } from '../../manifest/seed-node.js';
import type { SnapshotNode } from '../../manifest/snapshot-node.js';
import type { BuildContext } from '../../plan/dialect.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import type { Relation } from '../../sql/quote.js';
import { postgresCatalog } from './catalog.js';
import { POSTGRES_QUOTING } from './family-capabilities.js';
import { FamilyDialect, NO_STATE } from './family-dialect.js';
import { incrementalStatements } from './incremental.js';
import { snapshotStatements } from './snapshot.js';
import { swapInto } from './swap.js';
import { copyLedger, createLedger, familyLedgerSql, loadIdColumn } from './ledger-sql.js';
import { LOAD_ID_COLUMN, ledgerRelation, loadedColumns } from '../../plan/loads/load-ledger.js';

/**
 * PostgreSQL and PGlite: DDL is transactional, so a rebuild is build-aside-and-swap inside one
 * transaction — readers see the old table until COMMIT, then the new one, and a failure anywhere
 * rolls everything back (family-dialect.ts). Sources and seeds stream into COPY from the client.
 */
export class PostgresDialect extends FamilyDialect {
  readonly catalog = postgresCatalog;
  readonly reviewNotes = [
    'views that read a rebuilt table, source, seed or view are re-pointed at the new one inside its\n'
      + '  transaction (CREATE OR REPLACE VIEW with their own definitions, read from the catalog);',
    'the privileges others hold on a rebuilt relation are granted on the new one (read from the catalog);',
  ];

  /** `copySource` is what follows FROM in COPY: STDIN for a server, '/dev/blob' for PGlite. */
  constructor(readonly name: string, private readonly copySource: string) {
    super(POSTGRES_QUOTING);
  }

  readonly ledgers = familyLedgerSql(POSTGRES_QUOTING);

  /**
   * A full load builds a new staging table and a new ledger aside and swaps both in; an append
   * copies the new files into a temporary table and inserts its rows with this load's id, and
   * their ledger rows, in one transaction; a load with no new file runs nothing.
   */
  loadSource(source: SourceNode, context: BuildContext = NO_STATE): Statement[] {
    const load = context.load;
    if (load?.mode === 'none') return [];
    if (load?.mode === 'append') return this.appendSource(source, context);
    const fresh = sideRelation(source.relation, 'new', context.runId);
    const ledger = ledgerRelation(source.relation);
    const freshLedger = sideRelation(ledger, 'new', context.runId);
    const q = this.quoting;
    const loaded = loadedColumns(source);
    return this.transaction([
      { sql: this.createColumns(fresh, loaded, loadIdColumn(q, load?.loadId ?? context.runId)) },
      { sql: `${describeFeed(source)}\nCOPY ${q.relation(fresh)} (${this.names(loaded)}) FROM ${this.copySource}`, copyFrom: source.id, reportsRows: true },
      { sql: createLedger(q, freshLedger) },
      copyLedger(q, source, freshLedger, this.copySource),
      ...this.swapInto(source.relation, fresh, context),
      { sql: `DROP TABLE IF EXISTS ${q.relation(ledger)}` },
      { sql: `ALTER TABLE ${q.relation(freshLedger)} RENAME TO ${q.identifier(ledger.identifier)}` },
    ]);
  }

  private appendSource(source: SourceNode, context: BuildContext): Statement[] {
    const q = this.quoting;
    const load = context.load!;
    const temp = { schema: '', identifier: sideRelation(source.relation, 'new', context.runId).identifier };
    const loaded = loadedColumns(source);
    const columns = this.names(loaded);
    const files = load.files?.length ?? 0;
    return this.transaction([
      { sql: `${this.createColumns(temp, loaded).replace('CREATE TABLE', 'CREATE TEMPORARY TABLE')} ON COMMIT DROP` },
      { sql: `${describeFeed(source, `the ${files === 1 ? 'new file' : `${files} new files`} of`)}\nCOPY ${q.identifier(temp.identifier)} (${columns}) FROM ${this.copySource}`, copyFrom: source.id, reportsRows: true },
      { sql: `INSERT INTO ${q.relation(source.relation)} (${columns}, ${q.identifier(LOAD_ID_COLUMN)})\nSELECT ${columns}, ${q.literal(load.loadId)} FROM ${q.identifier(temp.identifier)}` },
      copyLedger(q, source, ledgerRelation(source.relation), this.copySource),
    ]);
  }

  /** Like loadSource: the CSV rows, streamed as COPY text, go into a side table swapped in. */
  loadSeed(seed: SeedNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(seed.relation, 'new', context.runId);
    const feed = `-- rows: CSV from ${seed.path}, streamed by the sparkify loader`.replace(/\n/g, ' ');
    return this.transaction([
      { sql: this.createColumns(fresh, seed.columns) },
      { sql: `${feed}\nCOPY ${this.quoting.relation(fresh)} (${this.names(seed.columns)}) FROM ${this.copySource}`, copyFrom: seed.id, reportsRows: true },
      ...this.swapInto(seed.relation, fresh, context),
    ]);
  }

  /**
   * A new view is CREATE OR REPLACE VIEW. One that exists is built aside and swapped in like a
   * table, its dependent views re-pointed and its grants given again (swap.ts): CREATE OR REPLACE
   * VIEW refuses a query that drops, renames, reorders or retypes a column ("The new query must
   * generate the same columns that were generated by the existing view query (that is, the same
   * column names in the same order and with the same data types), but it may add additional columns
   * to the end of the list", https://www.postgresql.org/docs/current/sql-createview.html), which
   * only running the query would tell. A table in its place is swapped out the same way.
   */
  buildView(model: ModelNode, context: BuildContext = NO_STATE): Statement[] {
    const create = `CREATE OR REPLACE VIEW ${this.quoting.relation(model.relation)} AS\n${model.compiledSql}`;
    if (context.existing === undefined) return this.withHooks(model, [{ sql: create }]);
    const fresh = sideRelation(model.relation, 'new', context.runId);
    return this.withHooks(model, [
      { sql: `CREATE VIEW ${this.quoting.relation(fresh)} AS\n${model.compiledSql}` },
      ...this.swapInto(model.relation, fresh, context, 'VIEW'),
    ]);
  }

  protected swapInto(relation: Relation, fresh: Relation, context: BuildContext, word?: 'TABLE' | 'VIEW'): Statement[] {
    return swapInto(relation, fresh, context, word);
  }

  protected incrementalStatements(model: ModelNode, spec: IncrementalSpec, context: BuildContext): Statement[] {
    return incrementalStatements(model, spec, context);
  }

  protected snapshotStatements(snapshot: SnapshotNode, context: BuildContext): Statement[] {
    return snapshotStatements(snapshot, context);
  }

  private createColumns(relation: Relation, columns: { name: string; type: string }[], extra?: string): string {
    const name = relation.schema === '' ? this.quoting.identifier(relation.identifier) : this.quoting.relation(relation);
    const defs = [...columns.map((c) => `${this.quoting.identifier(c.name)} ${c.type}`), ...(extra ? [extra] : [])];
    return `CREATE TABLE ${name} (\n  ${defs.join(',\n  ')}\n)`;
  }

  private names(columns: { name: string }[]): string {
    return columns.map((c) => this.quoting.identifier(c.name)).join(', ');
  }
}

/** A comment inside the COPY statement saying where its rows come from (printed and executed). */
function describeFeed(source: SourceNode, which = ''): string {
  const auto = autoMapping(source.jsonpaths);
  const mapping = auto ? `JSON '${auto}'` : `JSONPaths ${source.jsonpaths}`;
  return `-- rows: JSON from ${which ? `${which} ` : ''}${source.location} (${mapping}, maxerrors ${source.maxerrors}), streamed by the sparkify loader`.replace(/\n/g, ' ');
}

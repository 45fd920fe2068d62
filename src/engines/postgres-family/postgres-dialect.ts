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

/**
 * PostgreSQL and PGlite: DDL is transactional, so a rebuild is build-aside-and-swap inside one
 * transaction — readers see the old table until COMMIT, then the new one, and a failure anywhere
 * rolls everything back (family-dialect.ts). Sources and seeds stream into COPY from the client.
 */
export class PostgresDialect extends FamilyDialect {
  readonly catalog = postgresCatalog;

  /** `copySource` is what follows FROM in COPY: STDIN for a server, '/dev/blob' for PGlite. */
  constructor(readonly name: string, private readonly copySource: string) {
    super(POSTGRES_QUOTING);
  }

  loadSource(source: SourceNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(source.relation, 'new', context.runId);
    return this.transaction(source.relation, [
      { sql: this.createColumns(fresh, source.columns) },
      { sql: `${describeFeed(source)}\nCOPY ${this.quoting.relation(fresh)} (${this.names(source.columns)}) FROM ${this.copySource}`, copyFrom: source.id, reportsRows: true },
      ...this.swapInto(source.relation, fresh, context),
    ]);
  }

  /** Like loadSource: the CSV rows, streamed as COPY text, go into a side table swapped in. */
  loadSeed(seed: SeedNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(seed.relation, 'new', context.runId);
    const feed = `-- rows: CSV from ${seed.path}, streamed by the sparkify loader`.replace(/\n/g, ' ');
    return this.transaction(seed.relation, [
      { sql: this.createColumns(fresh, seed.columns) },
      { sql: `${feed}\nCOPY ${this.quoting.relation(fresh)} (${this.names(seed.columns)}) FROM ${this.copySource}`, copyFrom: seed.id, reportsRows: true },
      ...this.swapInto(seed.relation, fresh, context),
    ]);
  }

  buildView(model: ModelNode, context: BuildContext = NO_STATE): Statement[] {
    const create = `CREATE OR REPLACE VIEW ${this.quoting.relation(model.relation)} AS\n${model.compiledSql}`;
    if (context.existing?.kind !== 'table') {
      // CREATE OR REPLACE keeps the views and grants that depend on this one.
      return this.withHooks(model, [{ sql: create }]);
    }
    // A table becomes a view: build the view aside and swap it in like a table.
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

  private createColumns(relation: Relation, columns: { name: string; type: string }[]): string {
    return `CREATE TABLE ${this.quoting.relation(relation)} (\n  ${columns.map((c) => `${this.quoting.identifier(c.name)} ${c.type}`).join(',\n  ')}\n)`;
  }

  private names(columns: { name: string }[]): string {
    return columns.map((c) => this.quoting.identifier(c.name)).join(', ');
  }
}

/** A comment inside the COPY statement saying where its rows come from (printed and executed). */
function describeFeed(source: SourceNode): string {
  const mapping = source.jsonpaths === 'auto' ? "JSON 'auto'" : `JSONPaths ${source.jsonpaths}`;
  return `-- rows: JSON from ${source.location} (${mapping}, maxerrors ${source.maxerrors}), streamed by the sparkify loader`.replace(/\n/g, ' ');
}

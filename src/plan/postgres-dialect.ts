import type { ModelNode, SourceNode } from '../compile/manifest.js';
import type { Relation } from '../sql/quote.js';
import { quoteIdentifier, quoteRelation } from '../sql/quote.js';
import type { Dialect } from './dialect.js';
import type { Statement } from './types.js';

/** Suffixes of the side relations a swap uses; fixed so `compile` prints exactly what `build` runs. */
const NEW_SUFFIX = '__sparkify_new';
const OLD_SUFFIX = '__sparkify_old';

/**
 * PostgreSQL and PGlite: DDL is transactional, so a rebuild is build-aside-and-swap inside one
 * transaction — readers see the old table until COMMIT, then the new one, and a failure anywhere
 * rolls everything back.
 */
export class PostgresDialect implements Dialect {
  /** `copySource` is what follows FROM in COPY: STDIN for a server, '/dev/blob' for PGlite. */
  constructor(readonly name: string, private readonly copySource: string) {}

  loadSource(source: SourceNode): Statement[] {
    const fresh = sibling(source.relation, NEW_SUFFIX);
    const columns = source.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(',\n  ');
    const names = source.columns.map((c) => quoteIdentifier(c.name)).join(', ');
    return this.transaction(source.relation, [
      { sql: `DROP TABLE IF EXISTS ${quoteRelation(fresh)}` },
      { sql: `CREATE TABLE ${quoteRelation(fresh)} (\n  ${columns}\n)` },
      {
        sql: `${describeFeed(source)}\nCOPY ${quoteRelation(fresh)} (${names}) FROM ${this.copySource}`,
        copyFrom: source.id,
        reportsRows: true,
      },
      ...swap(source.relation, fresh),
    ]);
  }

  buildTable(model: ModelNode): Statement[] {
    const fresh = sibling(model.relation, NEW_SUFFIX);
    return this.transaction(model.relation, [
      { sql: `DROP TABLE IF EXISTS ${quoteRelation(fresh)}` },
      { sql: `CREATE TABLE ${quoteRelation(fresh)} AS\n${model.compiledSql}`, reportsRows: true },
      ...swap(model.relation, fresh),
    ]);
  }

  buildView(model: ModelNode): Statement[] {
    // CREATE OR REPLACE keeps the views and grants that depend on this one.
    return this.transaction(model.relation, [
      { sql: `CREATE OR REPLACE VIEW ${quoteRelation(model.relation)} AS\n${model.compiledSql}` },
    ]);
  }

  private transaction(relation: Relation, body: Statement[]): Statement[] {
    return [
      { sql: 'BEGIN' },
      { sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(relation.schema)}` },
      ...body,
      { sql: 'COMMIT' },
    ];
  }
}

/** A comment inside the COPY statement saying where its rows come from (printed and executed). */
function describeFeed(source: SourceNode): string {
  const mapping = source.jsonpaths === 'auto' ? "JSON 'auto'" : `JSONPaths ${source.jsonpaths}`;
  return `-- rows: JSON from ${source.location} (${mapping}, maxerrors ${source.maxerrors}), streamed by the sparkify loader`.replace(/\n/g, ' ');
}

function sibling(relation: Relation, suffix: string): Relation {
  return { schema: relation.schema, identifier: relation.identifier + suffix };
}

/** Renames the new relation over the old one; both renames commit together. */
function swap(target: Relation, fresh: Relation): Statement[] {
  const old = sibling(target, OLD_SUFFIX);
  return [
    { sql: `DROP TABLE IF EXISTS ${quoteRelation(old)}` },
    { sql: `ALTER TABLE IF EXISTS ${quoteRelation(target)} RENAME TO ${quoteIdentifier(old.identifier)}` },
    { sql: `ALTER TABLE ${quoteRelation(fresh)} RENAME TO ${quoteIdentifier(target.identifier)}` },
    { sql: `DROP TABLE IF EXISTS ${quoteRelation(old)} CASCADE` },
  ];
}

import type { ModelNode, SourceNode } from '../compile/manifest.js';
import type { SeedNode } from '../seeds/seed-node.js';
import type { Relation } from '../sql/quote.js';
import { quoteIdentifier, quoteRelation } from '../sql/quote.js';
import type { BuildContext, Dialect } from './dialect.js';
import { hookStatements } from './hook-statements.js';
import { uniqueKeyCheck } from './postgres/checks.js';
import { incrementalStatements } from './postgres/incremental.js';
import { snapshotStatements } from './postgres/snapshot.js';
import type { SnapshotNode } from '../snapshots/snapshot-node.js';
import { swapInto } from './postgres/swap.js';
import { postgresCatalog } from './postgres-catalog.js';
import { COMPILE_RUN_ID, sideRelation } from './side-names.js';
import type { Statement } from './types.js';
import type { LeftoverRelation } from './warehouse-state.js';

/** The context of a plan made without a warehouse (compile, tests). */
const NO_STATE: BuildContext = { runId: COMPILE_RUN_ID };

/**
 * PostgreSQL and PGlite: DDL is transactional, so a rebuild is build-aside-and-swap inside one
 * transaction — readers see the old table until COMMIT, then the new one, and a failure anywhere
 * rolls everything back. Side relations carry the run id (side-names.ts). A model's hooks run in
 * the same transaction: pre_hook before the build statements, post_hook after them.
 */
export class PostgresDialect implements Dialect {
  readonly catalog = postgresCatalog;
  readonly runsModelHooks = true;

  /** `copySource` is what follows FROM in COPY: STDIN for a server, '/dev/blob' for PGlite. */
  constructor(readonly name: string, private readonly copySource: string) {}

  loadSource(source: SourceNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(source.relation, 'new', context.runId);
    const columns = source.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(',\n  ');
    const names = source.columns.map((c) => quoteIdentifier(c.name)).join(', ');
    return transaction(source.relation, [
      { sql: `CREATE TABLE ${quoteRelation(fresh)} (\n  ${columns}\n)` },
      {
        sql: `${describeFeed(source)}\nCOPY ${quoteRelation(fresh)} (${names}) FROM ${this.copySource}`,
        copyFrom: source.id,
        reportsRows: true,
      },
      ...swapInto(source.relation, fresh, context),
    ]);
  }

  /** Like loadSource: the CSV rows, streamed as COPY text, go into a side table swapped in. */
  loadSeed(seed: SeedNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(seed.relation, 'new', context.runId);
    const columns = seed.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(',\n  ');
    const names = seed.columns.map((c) => quoteIdentifier(c.name)).join(', ');
    const feed = `-- rows: CSV from ${seed.path}, streamed by the sparkify loader`.replace(/\n/g, ' ');
    return transaction(seed.relation, [
      { sql: `CREATE TABLE ${quoteRelation(fresh)} (\n  ${columns}\n)` },
      { sql: `${feed}\nCOPY ${quoteRelation(fresh)} (${names}) FROM ${this.copySource}`, copyFrom: seed.id, reportsRows: true },
      ...swapInto(seed.relation, fresh, context),
    ]);
  }

  /** Also the first build (and --full-refresh) of an incremental model, whose unique key is checked. */
  buildTable(model: ModelNode, context: BuildContext = NO_STATE): Statement[] {
    const fresh = sideRelation(model.relation, 'new', context.runId);
    const keys = model.incremental?.uniqueKey ?? [];
    return withHooks(model, [
      { sql: `CREATE TABLE ${quoteRelation(fresh)} AS\n${model.compiledSql}`, reportsRows: true },
      ...(keys.length > 0 ? [uniqueKeyCheck(quoteRelation(fresh), keys, model.name)] : []),
      ...swapInto(model.relation, fresh, context),
    ]);
  }

  buildView(model: ModelNode, context: BuildContext = NO_STATE): Statement[] {
    const create = `CREATE OR REPLACE VIEW ${quoteRelation(model.relation)} AS\n${model.compiledSql}`;
    if (context.existing?.kind !== 'table') {
      // CREATE OR REPLACE keeps the views and grants that depend on this one.
      return withHooks(model, [{ sql: create }]);
    }
    // A table becomes a view: build the view aside and swap it in like a table.
    const fresh = sideRelation(model.relation, 'new', context.runId);
    return withHooks(model, [
      { sql: `CREATE VIEW ${quoteRelation(fresh)} AS\n${model.compiledSql}` },
      ...swapInto(model.relation, fresh, context, 'VIEW'),
    ]);
  }

  buildIncremental(model: ModelNode, context: BuildContext): Statement[] {
    if (!model.incremental) return this.buildTable(model, context);
    return withHooks(model, incrementalStatements(model, model.incremental, context));
  }

  buildSnapshot(snapshot: SnapshotNode, context: BuildContext): Statement[] {
    return transaction(snapshot.relation, snapshotStatements(snapshot, context));
  }

  /** One transaction: a leftover that cannot be dropped (something depends on it) leaves all for later. */
  dropLeftovers(leftovers: LeftoverRelation[]): Statement[] {
    return [
      { sql: 'BEGIN' },
      ...leftovers.map((l) => ({ sql: `DROP ${l.kind === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${quoteRelation(l.relation)}` })),
      { sql: 'COMMIT' },
    ];
  }
}

/** BEGIN, the schema, the model's pre_hook, `body`, its post_hook, COMMIT. */
function withHooks(model: ModelNode, body: Statement[]): Statement[] {
  return transaction(model.relation, [...hookStatements(model.hooks?.pre), ...body, ...hookStatements(model.hooks?.post)]);
}

function transaction(relation: Relation, body: Statement[]): Statement[] {
  return [
    { sql: 'BEGIN' },
    { sql: `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(relation.schema)}` },
    ...body,
    { sql: 'COMMIT' },
  ];
}

/** A comment inside the COPY statement saying where its rows come from (printed and executed). */
function describeFeed(source: SourceNode): string {
  const mapping = source.jsonpaths === 'auto' ? "JSON 'auto'" : `JSONPaths ${source.jsonpaths}`;
  return `-- rows: JSON from ${source.location} (${mapping}, maxerrors ${source.maxerrors}), streamed by the sparkify loader`.replace(/\n/g, ' ');
}

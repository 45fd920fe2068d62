import { consumedRelation } from '../plan/loads/load-ledger.js';
import type { Relation, SqlQuoting } from '../sql/quote.js';
import { quoteIdentifier } from '../sql/quote.js';
import type { SeedNode } from '../manifest/seed-node.js';
import type { SnapshotNode } from '../manifest/snapshot-node.js';
import type { ModelNode, SourceNode } from '../manifest/manifest.js';
import { resolveMarkers } from '../jinja/render-scope.js';

/** The CTE name an ephemeral model is inlined under (dbt's `__dbt__cte__<name>`). */
export function ephemeralCteName(model: string): string {
  return `__sparkify_cte__${model}`;
}

/**
 * Replaces the relation markers of every model (its SQL, its incremental SQL and its hooks) with
 * quoted relations, and returns the resolver for other rendered SQL (the project's hooks). A ref to an ephemeral model becomes the name of a CTE, and the CTEs of every
 * ephemeral model it reaches (an ephemeral may ref another) are put in front of the SQL, once each,
 * dependencies first — so an ephemeral model is never created in the warehouse.
 */
export function resolveRelations(models: ModelNode[], sources: SourceNode[], quoting: SqlQuoting, seeds: SeedNode[] = [], snapshots: SnapshotNode[] = []): (sql: string) => string {
  const byModel = new Map(models.map((m) => [m.name, m]));
  const bySeed = new Map<string, { relation: Relation }>([...seeds, ...snapshots].map((s) => [s.name, s]));
  const bySource = new Map(sources.map((s) => [`${s.sourceName}.${s.name}`, s]));
  const isEphemeral = (name: string) => byModel.get(name)?.config.materialized === 'ephemeral';
  const resolve = (sql: string) => resolveMarkers(sql, (kind, key) => {
    if (kind === 'source') return quoting.relation(bySource.get(key)!.relation);
    if (kind === 'consumed') return quoting.relation(consumedRelation(bySource.get(key)!.relation));
    if (isEphemeral(key)) return quoteIdentifier(ephemeralCteName(key));
    return quoting.relation((byModel.get(key) ?? bySeed.get(key)!).relation as Relation);
  });
  // Each ephemeral model's own SELECT, before any CTE is put in front of it.
  const bodies = new Map(models.filter((m) => isEphemeral(m.name)).map((m) => [m.name, resolve(m.compiledSql)]));
  for (const model of models) {
    const ctes = ephemeralClosure(model, byModel, isEphemeral).map((name) => [ephemeralCteName(name), bodies.get(name)!] as const);
    model.compiledSql = injectCtes(resolve(model.compiledSql), ctes);
    if (model.incremental) model.incremental.compiledSql = injectCtes(resolve(model.incremental.compiledSql), ctes);
    if (model.hooks) model.hooks = { pre: model.hooks.pre.map(resolve), post: model.hooks.post.map(resolve) };
  }
  // A snapshot's query may ref ephemeral models too.
  for (const snapshot of snapshots) {
    const ctes = ephemeralClosure(snapshot, byModel, isEphemeral).map((name) => [ephemeralCteName(name), bodies.get(name)!] as const);
    snapshot.compiledSql = injectCtes(resolve(snapshot.compiledSql), ctes);
  }
  return resolve;
}

/** The ephemeral models `model` reaches through refs, dependencies first. */
function ephemeralClosure(model: { refs: string[] }, byModel: Map<string, ModelNode>, isEphemeral: (name: string) => boolean): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const ref of byModel.get(name)?.refs ?? []) if (isEphemeral(ref)) visit(ref);
    order.push(name);
  };
  for (const ref of model.refs) if (isEphemeral(ref)) visit(ref);
  return order;
}

/**
 * Puts CTEs in front of a query. A query that starts with WITH (after comments) gets them added to
 * its own list, since WITH cannot be repeated; any other query gets a WITH of its own.
 */
export function injectCtes(sql: string, ctes: readonly (readonly [string, string])[]): string {
  if (ctes.length === 0) return sql;
  const definitions = ctes.map(([name, body]) => `${quoteIdentifier(name)} as (\n${body.trim().replace(/;+$/, '')}\n)`).join(',\n');
  const start = firstTokenAt(sql);
  const withClause = /^with(\s+recursive)?\b/i.exec(sql.slice(start));
  if (withClause) {
    const after = start + withClause[0].length;
    return `${sql.slice(0, after)} ${definitions},${sql.slice(after)}`;
  }
  return `${sql.slice(0, start)}with ${definitions}\n${sql.slice(start)}`;
}

/** Index of the first character that is not whitespace or inside a leading comment. */
function firstTokenAt(sql: string): number {
  let i = 0;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i])) i++;
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else {
      return i;
    }
  }
}

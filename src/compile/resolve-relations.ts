import { consumedRelation } from '../plan/loads/load-ledger.js';
import type { Relation, SqlQuoting } from '../sql/quote.js';
import { quoteIdentifier } from '../sql/quote.js';
import type { SeedNode } from '../manifest/seed-node.js';
import type { SnapshotNode } from '../manifest/snapshot-node.js';
import type { TestNode } from '../manifest/test-node.js';
import type { ModelNode, SourceNode } from '../manifest/manifest.js';
import { resolveMarkersAt, type MarkerKind } from '../jinja/render-scope.js';
import { ephemeralClosure, ephemeralCteName, injectCtes } from './ephemeral-ctes.js';
import { emptyRelation } from './empty-relation.js';

export { ephemeralCteName, injectCtes } from './ephemeral-ctes.js';

/** --defer: the relation a ref reads instead of its own (the state manifest's), by model/seed/snapshot name. */
export type DeferredRelations = ReadonlyMap<string, Relation>;

/** What resolveRelations rewrites, and how. */
export interface ResolveInput {
  models: ModelNode[];
  /** Models rendered for unit tests: resolved plainly (never deferred or emptied). */
  unitTestRenders?: ModelNode[];
  sources: SourceNode[];
  quoting: SqlQuoting;
  seeds?: SeedNode[];
  snapshots?: SnapshotNode[];
  /** Data tests: their SQL holds markers too, and gets the CTEs of the ephemeral models it reads. */
  tests?: TestNode[];
  /** --empty: refs and sources in models and snapshots become empty subqueries. */
  empty?: boolean;
  deferred?: DeferredRelations;
}

/**
 * Replaces the relation markers of every model (its SQL, its incremental SQL and its hooks), snapshot
 * and test with quoted relations, and returns the resolver for other rendered SQL (the project's
 * hooks, run-operation). A ref to an ephemeral model becomes the name of a CTE, and the CTEs of every
 * ephemeral model it reaches (an ephemeral may ref another) are put in front of the SQL, once each,
 * dependencies first — so an ephemeral model is never created in the warehouse.
 */
export function resolveRelations(input: ResolveInput): (sql: string) => string {
  const byModel = new Map(input.models.map((m) => [m.name, m]));
  const byOther = new Map<string, { relation: Relation }>([...(input.seeds ?? []), ...(input.snapshots ?? [])].map((s) => [s.name, s]));
  const bySource = new Map(input.sources.map((s) => [`${s.sourceName}.${s.name}`, s]));
  const isEphemeral = (name: string) => byModel.get(name)?.config.materialized === 'ephemeral';
  const relationOf = (kind: MarkerKind, key: string): Relation => {
    // What an incremental model consumed of a source's loads (load-ledger.ts).
    if (kind === 'consumed') return consumedRelation(bySource.get(key)!.relation);
    if (kind === 'source') return bySource.get(key)!.relation;
    return (kind === 'ref' ? input.deferred?.get(key) : undefined) ?? (byModel.get(key) ?? byOther.get(key)!).relation;
  };
  const resolver = (empty: boolean) => (sql: string) => resolveMarkersAt(sql, (kind, key, following) => {
    if ((kind === 'ref' || kind === 'this') && isEphemeral(key)) return quoteIdentifier(ephemeralCteName(key));
    const relation = relationOf(kind, key);
    const quoted = input.quoting.relation(relation);
    // --empty empties what the node reads; `this` and the consumed-loads table are sparkify's own and stay.
    return empty && (kind === 'ref' || kind === 'source') ? emptyRelation(quoted, relation.identifier, following) : quoted;
  });
  const resolve = resolver(false);
  const resolveBuilt = resolver(Boolean(input.empty));
  // Each ephemeral model's own SELECT, before any CTE is put in front of it.
  const bodies = new Map(input.models.filter((m) => isEphemeral(m.name)).map((m) => [m.name, resolveBuilt(m.compiledSql)]));
  const refsOf = (name: string) => byModel.get(name)?.refs ?? [];
  const ctesOf = (node: { refs: string[] }) => ephemeralClosure(node, refsOf, isEphemeral).map((name) => [ephemeralCteName(name), bodies.get(name)!] as const);
  const resolveWith = (node: { refs: string[] }, sql: string, how: (sql: string) => string) => injectCtes(how(sql), ctesOf(node));
  for (const model of input.models) {
    model.compiledSql = resolveWith(model, model.compiledSql, resolveBuilt);
    if (model.incremental) model.incremental.compiledSql = resolveWith(model, model.incremental.compiledSql, resolveBuilt);
    if (model.hooks) model.hooks = { pre: model.hooks.pre.map(resolve), post: model.hooks.post.map(resolve) };
  }
  for (const model of input.unitTestRenders ?? []) resolveUnitTestRender(model, resolve, ctesOf);
  // A snapshot's query, and a test's, may ref ephemeral models too.
  for (const snapshot of input.snapshots ?? []) snapshot.compiledSql = resolveWith(snapshot, snapshot.compiledSql, resolveBuilt);
  for (const test of input.tests ?? []) test.compiledSql = resolveWith(test, test.compiledSql, resolve);
  return resolve;
}

function resolveUnitTestRender(model: ModelNode, resolve: (sql: string) => string, ctesOf: (node: { refs: string[] }) => (readonly [string, string])[]): void {
  model.compiledSql = injectCtes(resolve(model.compiledSql), ctesOf(model));
  if (model.incremental) model.incremental.compiledSql = injectCtes(resolve(model.incremental.compiledSql), ctesOf(model));
}

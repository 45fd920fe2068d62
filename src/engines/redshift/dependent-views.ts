/**
 * Bound views on Redshift, kept working across a rebuild. DROP TABLE defaults to RESTRICT, "not to
 * drop the table if any objects depend on it" (https://docs.aws.amazon.com/redshift/latest/dg/r_DROP_TABLE.html),
 * and a view bound to the table renamed aside depends on it: the swap would fail. CREATE OR REPLACE
 * VIEW cannot re-point such a view either once the new table's columns differ in type ("You can only
 * replace a view with a new query that generates the identical set of columns, using the same column
 * names and data types", https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_VIEW.html). So the
 * swap drops them — views on views first — and creates them again from their definitions and
 * grants, read before the run, inside its transaction. Late-binding views hold no dependency ("there
 * is no dependency between the view and the objects it references", r_CREATE_VIEW.html): the catalog
 * lists none, and they are left alone.
 *
 * The dependencies come from the leader node's catalog, joined as AWS's FIND_DEPEND example in
 * r_DROP_TABLE.html does: a view's rewrite rule depends on what the view reads (pg_depend d_p) and,
 * internally (deptype 'i'), on the view itself (d_c). Every such edge whose referenced relation is a
 * rebuilt one or a view is read, and the views reached from each rebuilt relation are ordered so that
 * each comes after the views it reads.
 */
import { quoteRedshiftLiteral, type Relation } from '../../sql/quote.js';
import type { Statement } from '../../plan/types.js';
import type { DependentView, WarehouseState } from '../../plan/warehouse-state.js';
import { relationKey } from '../../plan/warehouse-state.js';
import { grantStatements } from '../postgres-family/grants.js';
import { parseAcl } from './acl-text.js';
import { redshiftQuoting } from './redshift-quoting.js';

type Row = Record<string, unknown>;

/** Edges `relation ← bound view` whose relation is one of `relations` or a view, with each view's definition and ACL. */
export function dependentsQuery(relations: Relation[]): string {
  const rebuilt = relations.map((r) => `(n_p.nspname = ${quoteRedshiftLiteral(r.schema)} AND c_p.relname = ${quoteRedshiftLiteral(r.identifier)})`).join('\n  OR ');
  return `SELECT DISTINCT n_p.nspname AS schema, c_p.relname AS identifier, n_c.nspname AS view_schema, c_c.relname AS view_name,
  pg_catalog.pg_get_viewdef(c_c.oid) AS definition, pg_catalog.array_to_string(c_c.relacl, ',') AS acl, current_user AS build_user
FROM pg_catalog.pg_class c_p
JOIN pg_catalog.pg_namespace n_p ON n_p.oid = c_p.relnamespace
JOIN pg_catalog.pg_depend d_p ON d_p.refobjid = c_p.oid
JOIN pg_catalog.pg_depend d_c ON d_c.objid = d_p.objid AND d_c.deptype = 'i'
JOIN pg_catalog.pg_class c_c ON c_c.oid = d_c.refobjid AND c_c.relkind = 'v' AND c_c.oid <> c_p.oid
JOIN pg_catalog.pg_namespace n_c ON n_c.oid = c_c.relnamespace
WHERE c_p.relkind = 'v'
  OR ${rebuilt}
ORDER BY 1, 2, 3, 4`;
}

/** For each of `rebuilt` the state knows, the bound views that read it, directly or through views, in creation order. */
export function readDependentViews(rows: Row[], state: WarehouseState, rebuilt: Relation[]): void {
  const readers = new Map<string, DependentView[]>();
  for (const row of rows) {
    const view: DependentView = {
      relation: { schema: String(row.view_schema), identifier: String(row.view_name) },
      definition: String(row.definition),
      options: [],
      grants: parseAcl(row.acl as string | null, row.build_user === undefined ? undefined : String(row.build_user)),
    };
    const key = relationKey({ schema: String(row.schema), identifier: String(row.identifier) });
    readers.set(key, [...(readers.get(key) ?? []), view]);
  }
  for (const relation of rebuilt) {
    const entry = state.relations[relationKey(relation)];
    const views = creationOrder(relation, readers);
    if (entry && views.length > 0) entry.dependentViews = views;
  }
}

/** The views reachable from `relation`, each after every view of the set it reads (ties by name). */
function creationOrder(relation: Relation, readers: Map<string, DependentView[]>): DependentView[] {
  const found = new Map<string, DependentView>();
  const reads = new Map<string, Set<string>>(); // view → views of the set it reads
  const visit = (from: string) => {
    for (const view of readers.get(from) ?? []) {
      const key = relationKey(view.relation);
      if (from !== relationKey(relation)) reads.set(key, (reads.get(key) ?? new Set()).add(from));
      if (found.has(key)) continue;
      found.set(key, view);
      visit(key);
    }
  };
  visit(relationKey(relation));
  const order: DependentView[] = [];
  const placed = new Set<string>();
  while (order.length < found.size) {
    const ready = [...found.keys()].filter((k) => !placed.has(k) && [...(reads.get(k) ?? [])].every((r) => placed.has(r) || !found.has(r))).sort();
    // A cycle cannot happen among views; should the catalog say otherwise, the rest goes in name order.
    const next = ready.length > 0 ? ready : [...found.keys()].filter((k) => !placed.has(k)).sort();
    for (const key of next) {
      placed.add(key);
      order.push(found.get(key)!);
    }
  }
  return order;
}

/**
 * Inside the swap's transaction, after the new relation took the name: the dependent views dropped
 * (views on views first, RESTRICT: an unknown dependent fails the build instead of vanishing),
 * created again from their definitions — which name the relation, now the new one — and their
 * grants given again. The build's user owns them afterwards.
 */
export function recreateDependents(views: DependentView[] | undefined, rebuilt: Relation): Statement[] {
  if (!views || views.length === 0) return [];
  const quote = redshiftQuoting.relation;
  const drops = [...views].reverse().map((view) => ({
    sql: `-- drops view ${quote(view.relation)}, bound to ${quote(rebuilt)} directly or through views: created again below\nDROP VIEW ${quote(view.relation)}`,
  }));
  const creates = views.flatMap((view) => [
    { sql: `-- view ${quote(view.relation)} again, reading the new ${quote(rebuilt)} (its definition, read from the catalog before the run)\n`
      + `CREATE VIEW ${quote(view.relation)} AS\n${view.definition.trim().replace(/;+$/, '')}` },
    ...grantStatements(view.relation, view.grants, redshiftQuoting),
  ]);
  return [...drops, ...creates];
}

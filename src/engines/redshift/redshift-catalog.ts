import type { Relation } from '../../sql/quote.js';
import { quoteRedshiftLiteral } from '../../sql/quote.js';
import { LEFTOVER_PATTERN } from '../../plan/side-names.js';
import type { CatalogStep, StateRequest, WarehouseCatalog } from '../../plan/warehouse-catalog.js';
import type { WarehouseState } from '../../plan/warehouse-state.js';
import { relationKey } from '../../plan/warehouse-state.js';
import { readColumns, readKinds, readLeftovers, readSchemas, relationOf, type CatalogRow } from '../postgres-family/catalog-rows.js';
import { parseAcl } from './acl-text.js';
import { dependentsQuery, readDependentViews } from './dependent-views.js';

type Row = CatalogRow;

/**
 * The warehouse state on Redshift, from the PostgreSQL catalog tables it keeps: pg_class,
 * pg_namespace, pg_attribute and pg_depend, joined as AWS's own examples do
 * (https://docs.aws.amazon.com/redshift/latest/dg/c_join_PG_examples.html,
 * https://docs.aws.amazon.com/redshift/latest/dg/r_DROP_TABLE.html). These run on the leader node, so
 * the SQL stays within what it runs: no regclass casts, no VALUES lists, no window functions, plain
 * ORs of (schema, name) pairs. Names arrive folded (compile folds relations on Redshift).
 *
 * - One read-only transaction (BEGIN … READ ONLY, https://docs.aws.amazon.com/redshift/latest/dg/r_BEGIN.html)
 *   with search_path set to pg_catalog alone ("LOCAL: Specifies that the setting is valid for the
 *   current transaction", https://docs.aws.amazon.com/redshift/latest/dg/r_SET.html),
 *   so that pg_get_viewdef() qualifies every name a dependent view's definition prints, as on PostgreSQL.
 * - Not SVV_TABLE_INFO: it omits empty tables, and the side table a failed COPY leaves is empty
 *   (https://docs.aws.amazon.com/redshift/latest/dg/r_SVV_TABLE_INFO.html).
 * - The bound views that read a rebuilt relation, with definitions and grants (dependent-views.ts),
 *   and each relation's own grants (relacl as text, acl-text.ts), so the swap keeps them.
 * - No server version: nothing in the Redshift plans depends on it.
 */
export const redshiftCatalog: WarehouseCatalog = {
  steps(request: StateRequest): CatalogStep[] {
    const steps: CatalogStep[] = [{ sql: 'BEGIN READ ONLY' }, { sql: 'SET LOCAL search_path TO pg_catalog' }];
    if (request.buildSchemas.length > 0) steps.push({ sql: schemasQuery(request.buildSchemas), read: readSchemas });
    if (request.relations.length > 0) steps.push({ sql: kindsQuery(request.relations), read: readKindsAndGrants });
    if (request.columnsOf.length > 0) steps.push({ sql: columnsQuery(request.columnsOf), read: readColumns });
    if (request.dependentsOf.length > 0) {
      steps.push({ sql: dependentsQuery(request.dependentsOf), read: (rows, state) => readDependentViews(rows, state, request.dependentsOf) });
    }
    if (request.schemas.length > 0) {
      const known = new Set(request.known.map(relationKey));
      steps.push({ sql: leftoversQuery(request.schemas), read: (rows, state) => readLeftovers(rows, state, known) });
    }
    steps.push({ sql: 'COMMIT' });
    return steps;
  },
};

const FROM_CLASS = 'FROM pg_catalog.pg_class c\nJOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace';

/** Tables ('r') and views ('v', late-binding ones included). */
const KINDS = "c.relkind IN ('r', 'v')";

/** `(n.nspname = 's' AND c.relname = 't') OR ...` */
function pairs(relations: Relation[]): string {
  return relations.map((r) => `(n.nspname = ${quoteRedshiftLiteral(r.schema)} AND c.relname = ${quoteRedshiftLiteral(r.identifier)})`).join('\n  OR ');
}

/** Which of the schemas the run builds in exist: PG_NAMESPACE, a catalog table of the leader node. */
function schemasQuery(schemas: string[]): string {
  return `SELECT n.nspname AS schema FROM pg_catalog.pg_namespace n WHERE n.nspname IN (${schemas.map(quoteRedshiftLiteral).join(', ')}) ORDER BY 1`;
}

/** Each relation that exists: its kind, its ACL and who asks (whose own privileges are not granted again). */
function kindsQuery(relations: Relation[]): string {
  return `SELECT n.nspname AS schema, c.relname AS identifier, c.relkind AS relkind,
  pg_catalog.array_to_string(c.relacl, ',') AS acl, current_user AS build_user
${FROM_CLASS}
WHERE ${KINDS} AND (\n  ${pairs(relations)}\n)`;
}

function columnsQuery(relations: Relation[]): string {
  return `SELECT n.nspname AS schema, c.relname AS identifier, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
${FROM_CLASS}
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind = 'r' AND (\n  ${pairs(relations)}\n)
ORDER BY n.nspname, c.relname, a.attnum`;
}

/** `~` is Redshift's POSIX match (https://docs.aws.amazon.com/redshift/latest/dg/pattern-matching-conditions-posix.html). */
function leftoversQuery(schemas: string[]): string {
  return `SELECT n.nspname AS schema, c.relname AS identifier, c.relkind AS relkind
${FROM_CLASS}
WHERE ${KINDS} AND n.nspname IN (${schemas.map(quoteRedshiftLiteral).join(', ')})
  AND c.relname ~ ${quoteRedshiftLiteral(LEFTOVER_PATTERN)}
ORDER BY n.nspname, c.relname`;
}


function readKindsAndGrants(rows: Row[], state: WarehouseState): void {
  readKinds(rows, state);
  for (const row of rows) {
    const grants = parseAcl(row.acl as string | null, String(row.build_user));
    if (grants.length > 0) state.relations[relationKey(relationOf(row))].grants = grants;
  }
}

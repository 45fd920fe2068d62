import type { Relation } from '../../sql/quote.js';
import { quoteRedshiftLiteral } from '../../sql/quote.js';
import { LEFTOVER_PATTERN } from '../../plan/side-names.js';
import type { CatalogStep, StateRequest, WarehouseCatalog } from '../../plan/warehouse-catalog.js';
import { relationKey } from '../../plan/warehouse-state.js';
import { readColumns, readKinds, readLeftovers, type CatalogRow } from '../postgres-family/catalog-rows.js';

type Row = CatalogRow;

/**
 * The warehouse state on Redshift, from the PostgreSQL catalog tables it keeps: pg_class,
 * pg_namespace and pg_attribute, joined as AWS's own examples do
 * (https://docs.aws.amazon.com/redshift/latest/dg/c_join_PG_examples.html). These run on the leader
 * node, so the SQL stays within what it runs: no regclass casts, no VALUES lists, no window
 * functions, plain ORs of (schema, name) pairs.
 *
 * - Not SVV_TABLE_INFO: it omits empty tables, and the side table a failed COPY leaves is empty
 *   (https://docs.aws.amazon.com/redshift/latest/dg/r_SVV_TABLE_INFO.html).
 * - No dependent views: the Redshift swap does not re-point views (swap.ts), so neither pg_depend
 *   nor pg_get_viewdef is read. Late-binding views (bind=false) hold no dependency on what they
 *   read and survive the swap; a view bound to a table makes its rebuild fail rather than vanish
 *   (https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_VIEW.html).
 * - No server version: nothing in the Redshift plans depends on it.
 */
export const redshiftCatalog: WarehouseCatalog = {
  steps(request: StateRequest): CatalogStep[] {
    const steps: CatalogStep[] = [];
    if (request.relations.length > 0) steps.push({ sql: kindsQuery(request.relations), read: readKinds });
    if (request.columnsOf.length > 0) steps.push({ sql: columnsQuery(request.columnsOf), read: readColumns });
    if (request.schemas.length > 0) {
      const known = new Set(request.known.map(relationKey));
      steps.push({ sql: leftoversQuery(request.schemas), read: (rows, state) => readLeftovers(rows, state, known) });
    }
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

function kindsQuery(relations: Relation[]): string {
  return `SELECT n.nspname AS schema, c.relname AS identifier, c.relkind AS relkind
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


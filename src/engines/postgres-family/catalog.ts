import type { Relation } from '../../sql/quote.js';
import { quoteLiteral } from '../../sql/quote.js';
import { LEFTOVER_PATTERN } from '../../plan/side-names.js';
import type { CatalogStep, StateRequest, WarehouseCatalog } from '../../plan/warehouse-catalog.js';
import type { WarehouseState } from '../../plan/warehouse-state.js';
import { relationKey } from '../../plan/warehouse-state.js';
import { readColumns, readKinds, readLeftovers, readSchemas, relationOf, type CatalogRow } from './catalog-rows.js';

type Row = CatalogRow;

/**
 * The warehouse state from pg_catalog (PostgreSQL and PGlite). The queries run in one transaction
 * with search_path set to pg_catalog alone, so that pg_get_viewdef() qualifies every name it prints
 * and a view definition means the same thing when it is run again.
 */
export const postgresCatalog: WarehouseCatalog = {
  steps(request: StateRequest): CatalogStep[] {
    const steps: CatalogStep[] = [
      { sql: 'BEGIN READ ONLY' },
      { sql: 'SET LOCAL search_path TO pg_catalog' },
      { sql: "SELECT current_setting('server_version_num') AS version", read: readVersion },
    ];
    if (request.buildSchemas.length > 0) steps.push({ sql: schemasQuery(request.buildSchemas), read: readSchemas });
    if (request.relations.length > 0) steps.push({ sql: kindsQuery(request.relations), read: readKinds });
    if (request.columnsOf.length > 0) steps.push({ sql: columnsQuery(request.columnsOf), read: readColumns });
    if (request.dependentsOf.length > 0) {
      steps.push({ sql: dependentsQuery(request.dependentsOf), read: readDependents });
      steps.push({ sql: grantsQuery(request.dependentsOf), read: readGrants });
    }
    if (request.schemas.length > 0) {
      const known = new Set(request.known.map(relationKey));
      steps.push({ sql: leftoversQuery(request.schemas), read: (rows, state) => readLeftovers(rows, state, known) });
    }
    steps.push({ sql: 'COMMIT' });
    return steps;
  },
};

/** `(VALUES ('s', 't'), ...)` for matching (schema, name) pairs. */
function pairs(relations: Relation[]): string {
  return relations.map((r) => `(${quoteLiteral(r.schema)}, ${quoteLiteral(r.identifier)})`).join(', ');
}

const FROM_CLASS = 'FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace';

/** Which of the schemas the run builds in exist (the missing ones are created before any node). */
function schemasQuery(schemas: string[]): string {
  return `SELECT n.nspname AS schema FROM pg_catalog.pg_namespace n WHERE n.nspname IN (${schemas.map(quoteLiteral).join(', ')}) ORDER BY 1`;
}

function kindsQuery(relations: Relation[]): string {
  return `SELECT n.nspname AS schema, c.relname AS identifier, c.relkind::text AS relkind
${FROM_CLASS}
WHERE (n.nspname, c.relname) IN (VALUES ${pairs(relations)})`;
}

function columnsQuery(relations: Relation[]): string {
  return `SELECT n.nspname AS schema, c.relname AS identifier, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
${FROM_CLASS}
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE (n.nspname, c.relname) IN (VALUES ${pairs(relations)})
ORDER BY n.nspname, c.relname, a.attnum`;
}

/** Views whose rewrite rule depends on the relation itself (not on views over it: those keep working). */
function dependentsQuery(relations: Relation[]): string {
  return `SELECT DISTINCT n.nspname AS schema, c.relname AS identifier, vn.nspname AS view_schema, v.relname AS view_name,
  pg_catalog.pg_get_viewdef(v.oid) AS definition, pg_catalog.array_to_string(v.reloptions, ',') AS options
${FROM_CLASS}
JOIN pg_catalog.pg_depend d ON d.refobjid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
JOIN pg_catalog.pg_class v ON v.oid = r.ev_class AND v.oid <> c.oid AND v.relkind = 'v'
JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
WHERE (n.nspname, c.relname) IN (VALUES ${pairs(relations)})
ORDER BY n.nspname, c.relname, vn.nspname, v.relname`;
}

/**
 * The privileges others than the build's user hold on the relations a rebuild replaces, one row per
 * grantee and privilege (aclexplode): granted again to the new relation (grants.ts).
 */
function grantsQuery(relations: Relation[]): string {
  return `SELECT n.nspname AS schema, c.relname AS identifier,
  CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee) END AS grantee,
  a.privilege_type AS privilege, a.is_grantable AS grantable
${FROM_CLASS}
CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
WHERE (n.nspname, c.relname) IN (VALUES ${pairs(relations)})
  AND a.grantee NOT IN (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
ORDER BY n.nspname, c.relname, 3, 4`;
}

function leftoversQuery(schemas: string[]): string {
  return `SELECT n.nspname AS schema, c.relname AS identifier, c.relkind::text AS relkind
${FROM_CLASS}
WHERE c.relkind IN ('r', 'p', 'v') AND n.nspname IN (${schemas.map(quoteLiteral).join(', ')})
  AND c.relname ~ ${quoteLiteral(LEFTOVER_PATTERN)}
ORDER BY n.nspname, c.relname`;
}

function readVersion(rows: Row[], state: WarehouseState): void {
  const version = Number(rows[0]?.version);
  if (Number.isFinite(version)) state.serverVersion = version;
}

function readDependents(rows: Row[], state: WarehouseState): void {
  for (const row of rows) {
    const entry = state.relations[relationKey(relationOf(row))];
    if (!entry) continue;
    (entry.dependentViews ??= []).push({
      relation: { schema: String(row.view_schema), identifier: String(row.view_name) },
      definition: String(row.definition),
      options: row.options ? String(row.options).split(',') : [],
    });
  }
}


function readGrants(rows: Row[], state: WarehouseState): void {
  for (const row of rows) {
    const entry = state.relations[relationKey(relationOf(row))];
    if (!entry) continue;
    const name = String(row.grantee);
    const grants = (entry.grants ??= []);
    let grant = grants.find((g) => g.grantee === name);
    if (!grant) grants.push(grant = { grantee: name, granteeKind: name === 'PUBLIC' ? 'public' : 'user', privileges: [], grantable: [] });
    grant.privileges.push(String(row.privilege));
    if (row.grantable === true) grant.grantable.push(String(row.privilege));
  }
}

import type { Knex } from 'knex';
import type { RelationKind } from '../adapter.js';
import type { Relation } from '../../sql/quote.js';

/** Looks a relation up in pg_catalog (shared by PGlite and PostgreSQL). */
export async function relationKindQuery(knex: Knex, relation: Relation): Promise<RelationKind | undefined> {
  const row = await knex('pg_catalog.pg_class as c')
    .join('pg_catalog.pg_namespace as n', 'n.oid', 'c.relnamespace')
    .where({ 'n.nspname': relation.schema, 'c.relname': relation.identifier })
    .first('c.relkind');
  if (!row) return undefined;
  return row.relkind === 'v' || row.relkind === 'm' ? 'view' : 'table';
}

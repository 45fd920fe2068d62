import type { RelationKind, Session } from '../adapter.js';
import type { Relation } from '../../sql/quote.js';
import { kindOf } from './catalog-rows.js';

/** The pg_catalog lookup of one relation's kind, bound as $1 (schema) and $2 (name). */
const RELATION_KIND_SQL = 'select c.relkind from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2 limit 1';

/** Looks a relation up in pg_catalog (shared by PGlite, PostgreSQL and Redshift). */
export async function relationKindQuery(session: Session, relation: Relation): Promise<RelationKind | undefined> {
  const { rows } = await session.query(RELATION_KIND_SQL, [relation.schema, relation.identifier]);
  return rows.length === 0 ? undefined : kindOf(rows[0][0]);
}

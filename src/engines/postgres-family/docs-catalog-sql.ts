import { quoteLiteral, quoteRelation, type Relation } from '../../sql/quote.js';
import type { CatalogSql } from '../catalog-sql.js';

/** The schema filter, values quoted as literals. */
export function inSchemas(column: string, schemas: string[]): string {
  return `${column} in (${schemas.map(quoteLiteral).join(', ')})`;
}

/**
 * PostgreSQL and PGlite: pg_catalog. Row counts are the planner's estimate (pg_class.reltuples,
 * -1 until the table is first analysed from PostgreSQL 14 on; see countRows), sizes include
 * indexes and TOAST (pg_total_relation_size).
 */
export const postgresCatalogSql: CatalogSql = {
  rowEstimateLabel: 'Approximate row count',
  relations: (schemas) => `select
    n.nspname as table_schema,
    c.relname as table_name,
    case c.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW' when 'f' then 'FOREIGN TABLE' else 'BASE TABLE' end as table_type,
    d.description as table_comment,
    pg_catalog.pg_get_userbyid(c.relowner) as table_owner,
    case when c.relkind in ('r', 'p', 'm') then c.reltuples::float8 end as row_estimate,
    case when c.relkind in ('r', 'p', 'm') then pg_catalog.pg_total_relation_size(c.oid) end as total_bytes
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_description d on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
where ${inSchemas('n.nspname', schemas)}
  and c.relkind in ('r', 'p', 'v', 'm', 'f')
order by 1, 2`,
  columns: (schemas) => `select
    n.nspname as table_schema,
    c.relname as table_name,
    a.attnum as column_index,
    a.attname as column_name,
    pg_catalog.format_type(a.atttypid, a.atttypmod) as column_type,
    d.description as column_comment
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_description d on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = a.attnum
where ${inSchemas('n.nspname', schemas)}
  and c.relkind in ('r', 'p', 'v', 'm', 'f')
  and a.attnum > 0
  and not a.attisdropped
order by 1, 2, 3`,
  countRows: (relation: Relation) => `select count(*) as n from ${quoteRelation(relation)}`,
};

import { quoteRedshiftLiteral } from '../../sql/quote.js';
import type { CatalogSql } from '../catalog-sql.js';

const inSchemas = (column: string, schemas: string[]) => `${column} in (${schemas.map(quoteRedshiftLiteral).join(', ')})`;

/**
 * Amazon Redshift: relations and columns from pg_catalog, rows and size from SVV_TABLE_INFO
 * (tbl_rows includes rows marked deleted and not yet vacuumed; size is in 1 MB blocks). The view
 * shows only tables holding rows, and only to superusers or users granted SELECT on it: a table
 * without its row has unknown stats, never 0. Late-binding views have no pg_attribute rows, so
 * their columns are not listed. No exact counts: a count(*) per table is a scan on a warehouse.
 */
export const redshiftCatalogSql: CatalogSql = {
  rowEstimateLabel: 'Approximate row count',
  relations: (schemas) => `select
    n.nspname as table_schema,
    c.relname as table_name,
    case c.relkind when 'v' then 'VIEW' else 'BASE TABLE' end as table_type,
    d.description as table_comment,
    pg_catalog.pg_get_userbyid(c.relowner) as table_owner,
    i.tbl_rows as row_estimate,
    i.size * 1048576 as total_bytes,
    i.diststyle as diststyle,
    i.sortkey1 as sortkey1
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_description d on d.objoid = c.oid and d.objsubid = 0
left join svv_table_info i on i.table_id = c.oid
where ${inSchemas('n.nspname', schemas)}
  and c.relkind in ('r', 'v')
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
left join pg_catalog.pg_description d on d.objoid = c.oid and d.objsubid = a.attnum
where ${inSchemas('n.nspname', schemas)}
  and c.relkind in ('r', 'v')
  and a.attnum > 0
  and not a.attisdropped
order by 1, 2, 3`,
};

select
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
where n.nspname in ('public', 'o''brien\\x')
  and c.relkind in ('r', 'v')
order by 1, 2

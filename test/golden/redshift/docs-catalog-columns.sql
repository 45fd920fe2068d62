select
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
where n.nspname in ('public')
  and c.relkind in ('r', 'v')
  and a.attnum > 0
  and not a.attisdropped
order by 1, 2, 3

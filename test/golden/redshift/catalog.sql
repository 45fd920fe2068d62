BEGIN READ ONLY;

SET LOCAL search_path TO pg_catalog;

SELECT n.nspname AS schema FROM pg_catalog.pg_namespace n WHERE n.nspname IN ('public') ORDER BY 1;

SELECT n.nspname AS schema, c.relname AS identifier, c.relkind AS relkind,
  pg_catalog.array_to_string(c.relacl, ',') AS acl, current_user AS build_user
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v') AND (
  (n.nspname = 'public' AND c.relname = 'events')
  OR (n.nspname = 'public' AND c.relname = 'plays')
  OR (n.nspname = 'public' AND c.relname = 'kinds')
);

SELECT n.nspname AS schema, c.relname AS identifier, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind = 'r' AND (
  (n.nspname = 'public' AND c.relname = 'plays')
)
ORDER BY n.nspname, c.relname, a.attnum;

SELECT DISTINCT n_p.nspname AS schema, c_p.relname AS identifier, n_c.nspname AS view_schema, c_c.relname AS view_name,
  pg_catalog.pg_get_viewdef(c_c.oid) AS definition, pg_catalog.array_to_string(c_c.relacl, ',') AS acl, current_user AS build_user
FROM pg_catalog.pg_class c_p
JOIN pg_catalog.pg_namespace n_p ON n_p.oid = c_p.relnamespace
JOIN pg_catalog.pg_depend d_p ON d_p.refobjid = c_p.oid
JOIN pg_catalog.pg_depend d_c ON d_c.objid = d_p.objid AND d_c.deptype = 'i'
JOIN pg_catalog.pg_class c_c ON c_c.oid = d_c.refobjid AND c_c.relkind = 'v' AND c_c.oid <> c_p.oid
JOIN pg_catalog.pg_namespace n_c ON n_c.oid = c_c.relnamespace
WHERE c_p.relkind = 'v'
  OR (n_p.nspname = 'public' AND c_p.relname = 'events')
  OR (n_p.nspname = 'public' AND c_p.relname = 'plays')
  OR (n_p.nspname = 'public' AND c_p.relname = 'kinds')
ORDER BY 1, 2, 3, 4;

SELECT n.nspname AS schema, c.relname AS identifier, c.relkind AS relkind
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v') AND n.nspname IN ('public')
  AND c.relname ~ '__sparkify_(new|old)(_[0-9a-z]+)?$'
ORDER BY n.nspname, c.relname;

COMMIT;
